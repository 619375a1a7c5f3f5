// A saved scenario keeps investment ids, not figures: it is simulated afresh whenever it is shown,
// so once one of its investments is revised after it was saved, it simulates the revised figures.
// These say so where saved scenarios are listed and compared.

interface SavedRefs {
  name: string;
  investmentIds: readonly string[];
  savedAt: string;
}

interface Revisable {
  name: string;
  /** When its plan was last revised; null while it is as first planned. */
  revisedAt: string | null;
}

/** The names of the scenario's investments revised after it was saved, in the scenario's order. */
export function revisedSinceSaved(
  scenario: Pick<SavedRefs, 'investmentIds' | 'savedAt'>,
  investmentsById: ReadonlyMap<string, Revisable>,
): string[] {
  const savedAt = Date.parse(scenario.savedAt);
  return scenario.investmentIds.flatMap((id) => {
    const investment = investmentsById.get(id);
    return investment?.revisedAt != null && Date.parse(investment.revisedAt) > savedAt
      ? [investment.name]
      : [];
  });
}

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');

/** Under one listed scenario: null when none of its investments was revised since it was saved. */
export function revisedNote(revised: readonly string[]): string | null {
  if (revised.length === 0) return null;
  return `${quoted(revised)} ${revised.length === 1 ? 'was' : 'were'} revised since it was saved: it now simulates the revised figures.`;
}

/** Above a comparison: one sentence per compared scenario saved before a revision of its investments. */
export function comparisonRevisedNotes(
  scenarios: readonly SavedRefs[],
  investmentsById: ReadonlyMap<string, Revisable>,
): string[] {
  return scenarios.flatMap((scenario) => {
    const revised = revisedSinceSaved(scenario, investmentsById);
    return revised.length === 0
      ? []
      : [
          `“${scenario.name}” was saved before ${quoted(revised)} ${revised.length === 1 ? 'was' : 'were'} revised: it is simulated with the revised figures.`,
        ];
  });
}
