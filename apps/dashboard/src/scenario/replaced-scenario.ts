// Saving under a name already in use replaces that scenario for every planner (the id is the
// name's slug), so the page asks first and says what would be lost.
import { formatDateTime, formatMoney } from '../shared/format';
import { slugOf } from '../shared/slug';
import type { SavedScenario } from './saved-scenarios.operations';

type Described = Pick<SavedScenario, 'name' | 'investmentIds' | 'horizonMonths' | 'budget' | 'savedAt'>;

/** The saved scenario a save under `name` would replace: the one whose id is that name's slug. */
export function scenarioReplacedBy<T extends Pick<SavedScenario, 'id'>>(
  scenarios: readonly T[],
  name: string,
): T | null {
  const id = slugOf(name);
  if (id === '') return null;
  return scenarios.find((scenario) => scenario.id === id) ?? null;
}

/** "the optimiser within 20,000, 2 investments, 12 months, saved 29 Nov 2026, 15:13:05 UTC". */
export function describeSavedScenario(scenario: Described): string {
  const origin =
    scenario.budget === null ? 'ticked by a planner' : `the optimiser within ${formatMoney(scenario.budget)}`;
  const count = scenario.investmentIds.length;
  return `${origin}, ${count} investment${count === 1 ? '' : 's'}, ${scenario.horizonMonths} months, saved ${formatDateTime(scenario.savedAt)}`;
}

/** The confirmation's question: what exists under the name, and that replacing it loses it. */
export function replaceQuestion(scenario: Described): string {
  return `A scenario named “${scenario.name}” exists: ${describeSavedScenario(scenario)}. Replace it? Its investments, horizon and budget are lost for every planner.`;
}
