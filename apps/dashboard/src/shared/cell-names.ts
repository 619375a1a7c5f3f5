// A heatmap cell in words: its function's and its capability's names, looked up by id in one place.
// An unknown id reads as itself (a function removed since, a capability of another model).

export interface CellNames {
  /** The function's name; an empty string for no function (a rating without a rater function). */
  functionName: (functionId: string | null) => string;
  capabilityName: (capabilityId: string) => string;
  /** When the function was retired (ISO-8601), or null while it is in place (or unknown). */
  retiredFrom: (functionId: string) => string | null;
}

interface Named {
  id: string;
  name: string;
}

interface NamedFunction extends Named {
  /** Absent where the caller did not read it: the function then reads as in place. */
  retirement?: { effectiveFrom: string } | null;
}

/** Names of the organisation's functions and its model's capabilities. */
export function cellNames(
  organization: { functions: readonly NamedFunction[] },
  model: { capabilities: readonly Named[] },
): CellNames {
  const functionOf = (id: string) => organization.functions.find((candidate) => candidate.id === id);
  return {
    functionName: (id) => (id === null ? '' : (functionOf(id)?.name ?? id)),
    capabilityName: (id) => model.capabilities.find((candidate) => candidate.id === id)?.name ?? id,
    retiredFrom: (id) => functionOf(id)?.retirement?.effectiveFrom ?? null,
  };
}
