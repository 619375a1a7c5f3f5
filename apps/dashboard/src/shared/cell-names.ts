// A heatmap cell in words: its function's and its capability's names, looked up by id in one place.
// An unknown id reads as itself (a function removed since, a capability of another model).

export interface CellNames {
  /** The function's name; an empty string for no function (a rating without a rater function). */
  functionName: (functionId: string | null) => string;
  capabilityName: (capabilityId: string) => string;
}

interface Named {
  id: string;
  name: string;
}

/** Names of the organisation's functions and its model's capabilities. */
export function cellNames(
  organization: { functions: readonly Named[] },
  model: { capabilities: readonly Named[] },
): CellNames {
  return {
    functionName: (id) =>
      id === null ? '' : (organization.functions.find((candidate) => candidate.id === id)?.name ?? id),
    capabilityName: (id) => model.capabilities.find((candidate) => candidate.id === id)?.name ?? id,
  };
}
