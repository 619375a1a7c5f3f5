// The portfolio taken to the board: one saved scenario, chosen by a planner and recorded (so every
// device and every reader of the report sees the same one), printed with its cost, CCI and
// alignment at the horizon and their p10–p90, and its warnings, in the same words as the planner's
// comparison.
import { useState } from 'preact/hooks';
import type { Investment } from '../api/types';
import {
  chooseScenarioForBoardMutation,
  type SavedScenario,
  scenariosQuery,
} from '../scenario/saved-scenarios.operations';
import { revisedNote, revisedSinceSaved } from '../scenario/revised-since-saved';
import { comparisonRows, type ComparedScenario } from '../scenario/scenario-comparison';
import { DEFAULT_TRIALS, SIMULATION_SEED } from '../scenario/simulation-defaults';
import { simulateSaved } from '../scenario/simulate-saved';
import { ErrorNotice } from '../shared/error-notice';
import { useAction } from '../shared/use-action';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';

/** The rows a board reads; the comparison's origin row stays with the planners. */
const BOARD_ROWS = [
  'investments',
  'cost',
  'horizon',
  'cci',
  'cci-band',
  'alignment',
  'alignment-band',
  'warnings',
];

export function BoardScenario({
  organizationId,
  investments,
}: {
  organizationId: string;
  investments: readonly Pick<Investment, 'id' | 'name' | 'cost' | 'revisedAt'>[];
}) {
  const session = useSession();
  const { client } = session;
  const canSimulate = session.can('simulateInvestments');
  const canChoose = session.can('chooseScenarioForBoard');
  const scenarios = useRequest(`${organizationId}/board-scenarios`, (signal) =>
    client.request(scenariosQuery, { organizationId }, signal).then((data) => data.scenarios),
  );
  // What the api answered to the last choice, until the page loads the list again.
  const [answered, setAnswered] = useState<readonly SavedScenario[] | null>(null);
  const [choosing, choose] = useAction(async (scenarioId: string | null, signal) => {
    const data = await client.request(chooseScenarioForBoardMutation, { organizationId, scenarioId }, signal);
    setAnswered(data.chooseScenarioForBoard);
    return data.chooseScenarioForBoard;
  });
  const list = answered ?? scenarios.data ?? [];
  const chosen = list.find((scenario) => scenario.chosenForBoard) ?? null;
  const compared = useRequest(
    chosen === null ? null : `${organizationId}/board-scenario/${chosen.id}/${chosen.savedAt}`,
    async (signal): Promise<ComparedScenario | null> =>
      chosen === null
        ? null
        : simulateSaved(
            client,
            chosen,
            new Map(investments.map((investment) => [investment.id, investment])),
            { organizationId, trials: DEFAULT_TRIALS, seed: SIMULATION_SEED, canSimulate },
            signal,
          ),
  );

  if (scenarios.error)
    return <ErrorNotice error={scenarios.error} action="Could not load the saved scenarios" />;
  if (list.length === 0 && chosen === null) return null;
  return (
    <section class="board-report__scenario" aria-label="Recommended portfolio" data-testid="board-scenario">
      {canChoose && (
        <label class="field field--inline board-report__choose no-print">
          <span class="field__label">Portfolio for the board</span>
          <select
            class="input"
            name="boardScenario"
            value={chosen?.id ?? ''}
            disabled={choosing.running}
            aria-busy={choosing.running}
            onChange={(event) => {
              const value = event.currentTarget.value;
              choose(value === '' ? null : value);
            }}
          >
            <option value="">None: planned investments only</option>
            {list.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.name}
              </option>
            ))}
          </select>
          <span class="field__hint">Recorded for everyone who reads this report.</span>
        </label>
      )}
      {choosing.error && (
        <ErrorNotice error={choosing.error} action="Could not record the portfolio for the board" />
      )}
      {chosen !== null && (
        <>
          <h3 class="board-report__heading">Recommended portfolio: {chosen.name}</h3>
          <RevisedSinceSaved scenario={chosen} investments={investments} />
          {compared.error && <ErrorNotice error={compared.error} action="Could not simulate the portfolio" />}
          {compared.data ? (
            <dl class="board-report__portfolio">
              {comparisonRows([compared.data])
                .filter((row) => BOARD_ROWS.includes(row.key))
                .map((row) => (
                  <div key={row.key} data-row={row.key}>
                    <dt>{row.label}</dt>
                    <dd>{row.cells[0]}</dd>
                  </div>
                ))}
            </dl>
          ) : (
            !compared.error && <div class="skeleton skeleton--block" aria-busy="true" />
          )}
        </>
      )}
    </section>
  );
}

/** A portfolio saved before one of its investments was revised is simulated with the revised figures: say so. */
function RevisedSinceSaved({
  scenario,
  investments,
}: {
  scenario: SavedScenario;
  investments: readonly Pick<Investment, 'id' | 'name' | 'revisedAt'>[];
}) {
  const note = revisedNote(
    revisedSinceSaved(scenario, new Map(investments.map((investment) => [investment.id, investment]))),
  );
  return note === null ? null : (
    <p class="muted" data-testid="board-revised-since-saved">
      {note}
    </p>
  );
}
