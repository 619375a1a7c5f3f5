// A saved scenario simulated now, as one column of a comparison (or the board's portfolio): the
// planner's comparison and the board report read it the same way.
import type { ApiClient } from '../api/client';
import { simulateQuery } from '../api/queries';
import type { Investment } from '../api/types';
import { toApiError } from '../shared/use-request';
import type { SavedScenario } from './saved-scenarios.operations';
import type { ComparedScenario } from './scenario-comparison';

export interface SimulationSettings {
  organizationId: string;
  trials: number;
  seed: number;
  /** false: this sign-in may not simulate, so the figures are left out with a note. */
  canSimulate: boolean;
}

export async function simulateSaved(
  client: ApiClient,
  scenario: SavedScenario,
  investmentsById: ReadonlyMap<string, Pick<Investment, 'name' | 'cost'>>,
  { organizationId, trials, seed, canSimulate }: SimulationSettings,
  signal: AbortSignal,
): Promise<ComparedScenario> {
  const outcome = canSimulate
    ? await client
        .request(
          simulateQuery,
          {
            organizationId,
            investmentIds: scenario.investmentIds,
            horizonMonths: scenario.horizonMonths,
            trials,
            seed,
          },
          signal,
        )
        .then(
          (data) => ({ result: data.simulateInvestments }),
          (error: unknown) => {
            if (signal.aborted) throw error;
            return { error: `Cannot be simulated now: ${toApiError(error).message}` };
          },
        )
    : { error: 'Figures not included: this sign-in may not simulate.' };
  return {
    id: scenario.id,
    name: scenario.name,
    investmentNames: scenario.investmentIds.map((id) => investmentsById.get(id)?.name ?? id),
    cost: scenario.investmentIds.reduce((sum, id) => sum + (investmentsById.get(id)?.cost ?? 0), 0),
    horizonMonths: scenario.horizonMonths,
    budget: scenario.budget,
    alpha: scenario.alpha,
    outcome,
  };
}
