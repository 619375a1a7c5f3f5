// Saved, named scenarios: the planner keeps a simulated set or the optimiser's answer under a
// name (recorded by the api, so every device and planner sees it), then compares two or three
// side by side, each simulated afresh from what is recorded now.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { Investment } from '../api/types';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { formatDateTime } from '../shared/format';
import { saveFile } from '../shared/save-file';
import { ScrollRegion } from '../shared/scroll-region';
import { slugOf } from '../shared/slug';
import { useAction } from '../shared/use-action';
import { useRequest } from '../shared/use-request';
import { type ComparedScenario, comparisonRows, horizonNote } from './scenario-comparison';
import { replaceQuestion, scenarioReplacedBy } from './replaced-scenario';
import { comparisonRevisedNotes, revisedNote, revisedSinceSaved } from './revised-since-saved';
import { simulateSaved } from './simulate-saved';
import { deleteScenarioMutation, saveScenarioMutation, scenariosQuery } from './saved-scenarios.operations';
import type { SavedScenario } from './saved-scenarios.operations';

/** Side by side stays readable up to three columns. */
export const MAX_COMPARED = 3;

export interface ScenarioDraft {
  investmentIds: readonly string[];
  horizonMonths: number;
  /** The optimiser's budget and weight, when the draft is its answer. */
  budget: number | null;
  alpha: number | null;
  suggestedName: string;
}

/** A save either went through (perhaps replacing a scenario of that name) or was declined. */
type SaveOutcome = { saved: SavedScenario; replaced: SavedScenario | null } | { kept: SavedScenario };

export function SaveScenarioForm({
  client,
  organizationId,
  draft,
  onSaved,
}: {
  client: ApiClient;
  organizationId: string;
  draft: ScenarioDraft;
  onSaved: (scenario: SavedScenario) => void;
}) {
  const [name, setName] = useState(draft.suggestedName);
  const confirm = useConfirm();
  // While the replace question waits for an answer nothing is being saved, so the button says so.
  const [asking, setAsking] = useState(false);
  const [saving, save] = useAction(async (scenarioName: string, signal): Promise<SaveOutcome> => {
    // Read the list afresh: another planner may have saved under this name since the page loaded.
    const { scenarios } = await client.request(scenariosQuery, { organizationId }, signal);
    const replaced = scenarioReplacedBy(scenarios, scenarioName);
    if (replaced !== null) {
      setAsking(true);
      const answer = await confirm({
        title: `Replace “${replaced.name}”?`,
        message: (
          <>
            <p>{replaceQuestion(replaced)}</p>
            {replaced.chosenForBoard && (
              <p class="notice notice--warning" data-testid="replaces-board-scenario">
                It is the portfolio chosen for the board: the board report will show the new one instead.
              </p>
            )}
            <p>To keep both, go back and choose another name.</p>
          </>
        ),
        confirmLabel: `Replace “${replaced.name}”`,
      }).finally(() => {
        setAsking(false);
      });
      if (answer === null) return { kept: replaced };
    }
    const scenarioId = slugOf(scenarioName);
    const data = await client.request(
      saveScenarioMutation,
      {
        input: {
          organizationId,
          // The same name again replaces that scenario (asked above); a name without letters or digits gets a new id.
          ...(scenarioId === '' ? {} : { scenarioId }),
          name: scenarioName,
          investmentIds: [...draft.investmentIds],
          horizonMonths: draft.horizonMonths,
          budget: draft.budget,
          alpha: draft.alpha,
        },
      },
      signal,
    );
    onSaved(data.saveScenario);
    return { saved: data.saveScenario, replaced };
  });
  return (
    <form
      class="save-scenario"
      data-testid="save-scenario"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() !== '') save(name.trim());
      }}
    >
      <label class="field field--inline save-scenario__name">
        <span class="field__label">Save as</span>
        <input
          class="input"
          name="scenarioName"
          maxLength={200}
          value={name}
          onInput={(event) => {
            setName(event.currentTarget.value);
          }}
        />
      </label>
      <button type="submit" class="button button--small" disabled={name.trim() === '' || saving.running}>
        {saving.running && !asking ? 'Saving…' : 'Save scenario'}
      </button>
      {saving.data && !saving.running && 'saved' in saving.data && (
        <span class="save-scenario__done" role="status">
          {saving.data.replaced === null
            ? `Saved as “${saving.data.saved.name}”.`
            : `Saved as “${saving.data.saved.name}”, replacing the one saved ${formatDateTime(saving.data.replaced.savedAt)}.`}
        </span>
      )}
      {saving.data && !saving.running && 'saved' in saving.data && saving.data.replaced?.chosenForBoard && (
        <p
          class="notice notice--warning save-scenario__board"
          role="status"
          data-testid="board-scenario-replaced"
        >
          “{saving.data.saved.name}” is the portfolio chosen for the board: the board report now shows this
          one.
        </p>
      )}
      {saving.data && !saving.running && 'kept' in saving.data && (
        <span class="save-scenario__done" role="status">
          Not saved: “{saving.data.kept.name}” is kept as it was. Choose another name to keep both.
        </span>
      )}
      {saving.error && (
        <ErrorNotice error={saving.error} action="Could not save the scenario" labels={{ name: 'Save as' }} />
      )}
    </form>
  );
}

export function SavedScenarios({
  client,
  organizationId,
  reload,
  investmentsById,
  trials,
  seed,
}: {
  client: ApiClient;
  organizationId: string;
  /** Changes after a save, so the list reads again. */
  reload: number;
  investmentsById: ReadonlyMap<string, Investment>;
  trials: number;
  seed: number;
}) {
  const confirm = useConfirm();
  const [deleted, setDeleted] = useState(0);
  const scenarios = useRequest(`${organizationId}/${reload}/${deleted}`, (signal) =>
    client.request(scenariosQuery, { organizationId }, signal).then((data) => data.scenarios),
  );
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [deleting, remove] = useAction(async (scenario: SavedScenario, signal) => {
    await client.request(deleteScenarioMutation, { organizationId, scenarioId: scenario.id }, signal);
    setChosen((previous) => previous.filter((id) => id !== scenario.id));
    setDeleted((value) => value + 1);
    return scenario.id;
  });
  const [comparison, compare] = useAction(async (picked: readonly SavedScenario[], signal) => {
    const compared: ComparedScenario[] = [];
    // One after another: the api runs only a few heavy operations per token at once.
    for (const scenario of picked)
      compared.push(
        await simulateSaved(
          client,
          scenario,
          investmentsById,
          { organizationId, trials, seed, canSimulate: true },
          signal,
        ),
      );
    return { compared, revisedNotes: comparisonRevisedNotes(picked, investmentsById) };
  });

  const list = scenarios.data ?? [];
  const picked = chosen
    .map((id) => list.find((scenario) => scenario.id === id))
    .filter((scenario): scenario is SavedScenario => scenario !== undefined);

  return (
    <section class="saved-scenarios" aria-labelledby="saved-scenarios-title" data-testid="saved-scenarios">
      <h3 id="saved-scenarios-title" class="scenario__subtitle">
        Saved scenarios
      </h3>
      {scenarios.error && <ErrorNotice error={scenarios.error} action="Could not load the saved scenarios" />}
      {scenarios.data && list.length === 0 && (
        <p class="scenario__hint">
          None yet. Simulate or optimise, then save the result under a name to compare it with others.
        </p>
      )}
      {list.length > 0 && (
        <>
          <p class="scenario__hint">
            Tick two or three to compare them side by side, each simulated with {trials} trials from today’s
            recorded state.
          </p>
          <ul class="saved-scenarios__list">
            {list.map((scenario) => {
              const ticked = chosen.includes(scenario.id);
              const revised = revisedNote(revisedSinceSaved(scenario, investmentsById));
              return (
                <li key={scenario.id} class="saved-scenarios__item" data-saved-scenario={scenario.id}>
                  <label class="saved-scenarios__pick">
                    <input
                      type="checkbox"
                      checked={ticked}
                      disabled={!ticked && chosen.length >= MAX_COMPARED}
                      onChange={(event) => {
                        const { checked } = event.currentTarget;
                        setChosen((previous) =>
                          checked ? [...previous, scenario.id] : previous.filter((id) => id !== scenario.id),
                        );
                      }}
                    />
                    <span>
                      <strong>{scenario.name}</strong>
                      <span class="saved-scenarios__meta">
                        {scenario.investmentIds.length} investment
                        {scenario.investmentIds.length === 1 ? '' : 's'} · {scenario.horizonMonths} months ·
                        saved {formatDateTime(scenario.savedAt)}
                      </span>
                      {revised && (
                        <span class="saved-scenarios__revised" data-testid="revised-since-saved">
                          {revised}
                        </span>
                      )}
                    </span>
                  </label>
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={`Delete “${scenario.name}”`}
                    disabled={deleting.running}
                    onClick={() => {
                      void confirm({
                        title: `Delete “${scenario.name}”?`,
                        message: (
                          <p>
                            It leaves the list for every planner of the organisation. The history keeps that
                            it was saved and deleted.
                          </p>
                        ),
                        confirmLabel: 'Delete the scenario',
                      }).then((answer) => {
                        if (answer) remove(scenario);
                      });
                    }}
                  >
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            class="button"
            disabled={picked.length < 2 || comparison.running}
            onClick={() => {
              compare(picked);
            }}
          >
            {comparison.running
              ? 'Comparing…'
              : picked.length < 2
                ? 'Compare side by side'
                : `Compare ${picked.length} side by side`}
          </button>
        </>
      )}
      {deleting.error && <ErrorNotice error={deleting.error} action="Could not delete the scenario" />}
      {comparison.error && <ErrorNotice error={comparison.error} action="Could not compare the scenarios" />}
      {comparison.data && (
        <>
          {comparison.data.revisedNotes.map((note) => (
            <p key={note} class="notice" data-testid="compared-revised">
              {note}
            </p>
          ))}
          <ScenarioComparisonTable scenarios={comparison.data.compared} />
          <ComparisonDownloads
            client={client}
            organizationId={organizationId}
            scenarioIds={comparison.data.compared.map((scenario) => scenario.id)}
          />
        </>
      )}
    </section>
  );
}

function ScenarioComparisonTable({ scenarios }: { scenarios: readonly ComparedScenario[] }) {
  const rows = comparisonRows(scenarios);
  const horizons = horizonNote(scenarios);
  return (
    <div class="scenario-comparison" data-testid="scenario-comparison">
      {horizons && (
        <p class="notice notice--warning" data-testid="horizons-differ">
          {horizons}
        </p>
      )}
      <ScrollRegion label="Saved scenarios compared">
        <table class="scenario-comparison__table">
          <caption class="visually-hidden">Saved scenarios side by side</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Measure</span>
              </th>
              {scenarios.map((scenario) => (
                <th key={scenario.name} scope="col" data-compared-scenario={scenario.name}>
                  {scenario.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {/* On a phone each scenario is a card of the same rows: three columns do not fit 375 px. */}
      <div class="scenario-comparison__cards">
        {scenarios.map((scenario, column) => (
          <section key={scenario.name} class="scenario-comparison__card" aria-label={scenario.name}>
            <h4 class="scenario-comparison__card-title">{scenario.name}</h4>
            <dl>
              {rows.map((row) => (
                <div key={row.key}>
                  <dt>{row.label}</dt>
                  <dd>{row.cells[column]}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}

/** The comparison as a file, each scenario simulated again by the api with the same trials and seed. */
function ComparisonDownloads({
  client,
  organizationId,
  scenarioIds,
}: {
  client: ApiClient;
  organizationId: string;
  scenarioIds: readonly string[];
}) {
  const [download, start] = useAction(async (format: 'xlsx' | 'csv', signal) => {
    const search = new URLSearchParams({ organizationId, scenarioIds: scenarioIds.join(',') });
    const file = await client.download(`/reports/scenarios.${format}?${search.toString()}`, signal);
    saveFile(file.fileName, file.blob);
    return file.fileName;
  });
  return (
    <div class="scenario-comparison__downloads" data-testid="comparison-downloads">
      <button
        type="button"
        class="button button--small"
        data-download="scenarios-xlsx"
        disabled={download.running}
        onClick={() => {
          start('xlsx');
        }}
      >
        Download comparison (Excel)
      </button>
      <button
        type="button"
        class="button button--small"
        data-download="scenarios-csv"
        disabled={download.running}
        onClick={() => {
          start('csv');
        }}
      >
        Download comparison (CSV)
      </button>
      {download.error && <ErrorNotice error={download.error} action="Could not download the comparison" />}
    </div>
  );
}
