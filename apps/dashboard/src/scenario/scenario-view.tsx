// The planner's view: pick investments, simulate them against today's state, and ask for the
// best portfolio under a budget.
import { useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { investmentsQuery, optimizeQuery, simulateQuery } from '../api/queries';
import type { BusinessFunction, Capability, MaturityView, SimulationResult } from '../api/types';
import { Heatmap, indexCells } from '../heatmap/heatmap';
import { ErrorNotice } from '../shared/error-notice';
import type { FieldLabels } from '../shared/forms/field-message';
import { formatLevel, formatMoney, formatSigned, shownDifference } from '../shared/format';
import { useAction } from '../shared/use-action';
import { useRequest } from '../shared/use-request';
import { IndexComparison } from './index-comparison';
import { InvestmentPicker, isSelectable } from './investment-picker';
import { DEFAULT_ALPHA, describeWeight } from './objective-weight';
import { DEFAULT_TRIALS, SIMULATION_SEED } from './simulation-defaults';
import { PortfolioAnswer } from './portfolio';
import { SavedScenarios, SaveScenarioForm } from './saved-scenarios';
import { TrajectoryChart } from './trajectory-chart';
import { WarningsList } from './warnings-list';
import './scenario.css';
import { cellNames } from '../shared/cell-names';
import { functionsOfView } from '../shared/functions-in-place';

const seed = SIMULATION_SEED;

// The scenario's inputs in the screen's words, for a refusal naming one of them.
const scenarioLabels: FieldLabels = {
  horizonMonths: 'Horizon (months)',
  trials: 'Trials',
  budget: 'Budget',
  investmentIds: 'Selected investments',
  candidateIds: 'Candidate investments',
  investments: 'Selected investment',
  candidates: 'Candidate investment',
};

interface ScenarioViewProps {
  client: ApiClient;
  organizationId: string;
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
  functionsById: ReadonlyMap<string, BusinessFunction>;
}

interface SimulationRun {
  /** What was simulated: a result stops matching once the ticks, horizon or trials change. */
  investmentIds: readonly string[];
  trials: number;
  horizonMonths: number;
  result: SimulationResult;
  baseline: MaturityView;
}

export function ScenarioView({
  client,
  organizationId,
  functions,
  capabilities,
  functionsById,
}: ScenarioViewProps) {
  const [reload, setReload] = useState(0);
  const investments = useRequest(`${organizationId}/${reload}`, (signal) =>
    client.request(investmentsQuery, { organizationId }, signal).then((data) => data.investments),
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [horizon, setHorizon] = useState('12');
  const [trials, setTrials] = useState(String(DEFAULT_TRIALS));
  const [budget, setBudget] = useState('');
  /** Counts saves, so the saved scenarios read again after each. */
  const [saves, setSaves] = useState(0);
  /** Maturity's share of the objective, in whole percent (the api's alpha times 100). */
  const [maturityShare, setMaturityShare] = useState(String(DEFAULT_ALPHA * 100));

  const investmentsById = useMemo(
    () => new Map((investments.data ?? []).map((investment) => [investment.id, investment])),
    [investments.data],
  );
  const candidates = (investments.data ?? []).filter(isSelectable);
  const horizonMonths = clampInteger(horizon, 1, 120, 12);
  const trialCount = clampInteger(trials, 0, 10000, DEFAULT_TRIALS);

  const [simulation, simulate] = useAction(
    async (investmentIds: string[], signal): Promise<SimulationRun> => {
      const variables = { organizationId, investmentIds, horizonMonths, trials: trialCount, seed };
      const data = await client.request(simulateQuery, variables, signal);
      return {
        investmentIds,
        trials: trialCount,
        horizonMonths,
        result: data.simulateInvestments,
        baseline: data.maturity,
      };
    },
  );
  const alpha = clampInteger(maturityShare, 0, 100, DEFAULT_ALPHA * 100) / 100;
  const [portfolio, optimize] = useAction(async (input: { budget: number; alpha: number }, signal) => {
    const variables = {
      organizationId,
      candidateIds: candidates.map((investment) => investment.id),
      budget: input.budget,
      alpha: input.alpha,
      horizonMonths,
    };
    const data = await client.request(optimizeQuery, variables, signal);
    const result = data.optimizePortfolio;
    // The optimiser weighs likely effects; the chosen set's spread comes from the same simulation
    // as a ticked scenario's, so the two read alike.
    const spread =
      result.selectedIds.length === 0 || trialCount === 0
        ? null
        : await client
            .request(
              simulateQuery,
              {
                organizationId,
                investmentIds: result.selectedIds,
                horizonMonths: result.horizonMonths,
                trials: trialCount,
                seed,
              },
              signal,
            )
            .then((simulated) => simulated.simulateInvestments);
    return { budget: input.budget, result, spread };
  });

  const budgetValue = budget.trim() === '' ? Number.NaN : Number(budget);
  const budgetValid = Number.isFinite(budgetValue) && budgetValue >= 0;
  const totalSelectedCost = [...selected].reduce((sum, id) => sum + (investmentsById.get(id)?.cost ?? 0), 0);

  return (
    <section class="card scenario" aria-labelledby="scenario-title">
      <header class="card__header">
        <h2 id="scenario-title" class="card__title">
          Scenario: what would these investments do?
        </h2>
        <p class="card__subtitle">
          Projected from today’s recorded state, before anything is deployed. Effects start once their lag has
          passed.
        </p>
      </header>
      <div class="scenario__layout">
        <div class="scenario__inputs">
          {investments.error && (
            <ErrorNotice
              error={investments.error}
              action="Could not load the investments"
              onRetry={() => {
                setReload((value) => value + 1);
              }}
            />
          )}
          {investments.data === null && !investments.error && (
            <div class="skeleton skeleton--list" aria-busy="true" />
          )}
          {investments.data && (
            <InvestmentPicker
              investments={investments.data}
              names={cellNames({ functions }, { capabilities })}
              selected={selected}
              onToggle={(id, checked) => {
                const next = new Set(selected);
                if (checked) next.add(id);
                else next.delete(id);
                setSelected(next);
              }}
            />
          )}
          <form
            class="scenario__form"
            onSubmit={(event) => {
              event.preventDefault();
              if (selected.size > 0) simulate([...selected]);
            }}
          >
            <div class="scenario__fields">
              <label class="field">
                <span class="field__label">Horizon (months)</span>
                <input
                  class="input"
                  type="number"
                  name="horizonMonths"
                  min={1}
                  max={120}
                  step={1}
                  value={horizon}
                  onInput={(event) => {
                    setHorizon(event.currentTarget.value);
                  }}
                />
              </label>
              <label class="field">
                <span class="field__label">Trials</span>
                <input
                  class="input"
                  type="number"
                  name="trials"
                  min={0}
                  max={10000}
                  step={100}
                  value={trials}
                  onInput={(event) => {
                    setTrials(event.currentTarget.value);
                  }}
                />
              </label>
            </div>
            <div class="scenario__actions">
              <button
                type="submit"
                class="button button--primary"
                disabled={selected.size === 0 || simulation.running}
              >
                {simulation.running ? 'Simulating…' : 'Simulate'}
              </button>
              <span class="scenario__hint" aria-live="polite">
                {selected.size === 0
                  ? 'Tick at least one planned or approved investment.'
                  : `${selected.size} selected · cost ${formatMoney(totalSelectedCost)}`}
              </span>
            </div>
            {/* By the button pressed, where the planner looks, not in the results beside or below. */}
            {simulation.error && (
              <ErrorNotice error={simulation.error} action="Could not simulate" labels={scenarioLabels} />
            )}
          </form>
          <form
            class="scenario__form scenario__form--portfolio"
            onSubmit={(event) => {
              event.preventDefault();
              if (budgetValid && candidates.length > 0) optimize({ budget: budgetValue, alpha });
            }}
          >
            <h3 class="scenario__subtitle">Best portfolio for a budget</h3>
            <p class="scenario__hint">
              Chooses among all {candidates.length} planned or approved investments, over the horizon above.
            </p>
            <label class="field scenario__weight">
              <span class="field__label">Weigh maturity against alignment</span>
              <input
                class="scenario__weight-range"
                type="range"
                name="alpha"
                min={0}
                max={100}
                step={5}
                value={maturityShare}
                aria-valuetext={describeWeight(alpha)}
                onInput={(event) => {
                  setMaturityShare(event.currentTarget.value);
                }}
              />
              <span class="scenario__weight-scale" aria-hidden="true">
                <span>Alignment only</span>
                <span>Maturity (CCI) only</span>
              </span>
              <output class="scenario__weight-value" data-testid="objective-weight">
                {describeWeight(alpha)}
              </output>
              <span class="field__hint">
                Maturity is the customer-centricity index (CCI); alignment is how evenly linked functions have
                matured. The optimiser picks what raises this mix the most.
              </span>
            </label>
            <div class="scenario__actions">
              <label class="field field--inline">
                <span class="field__label">Budget</span>
                <input
                  class="input"
                  type="number"
                  name="budget"
                  min={0}
                  step="any"
                  inputMode="decimal"
                  placeholder="e.g. 100000"
                  value={budget}
                  onInput={(event) => {
                    setBudget(event.currentTarget.value);
                  }}
                />
              </label>
              <button
                type="submit"
                class="button"
                disabled={!budgetValid || candidates.length === 0 || portfolio.running}
              >
                {portfolio.running ? 'Optimising…' : 'Optimise'}
              </button>
            </div>
          </form>
          {portfolio.error && (
            <ErrorNotice error={portfolio.error} action="Could not optimise" labels={scenarioLabels} />
          )}
          {portfolio.data && (
            <PortfolioAnswer
              result={portfolio.data.result}
              spread={portfolio.data.spread}
              budget={portfolio.data.budget}
              investmentsById={investmentsById}
              saveForm={
                portfolio.data.result.selectedIds.length > 0 && (
                  <SaveScenarioForm
                    key={`${portfolio.data.budget}/${portfolio.data.result.alpha}/${portfolio.data.result.selectedIds.join(',')}`}
                    client={client}
                    organizationId={organizationId}
                    draft={{
                      investmentIds: portfolio.data.result.selectedIds,
                      horizonMonths: portfolio.data.result.horizonMonths,
                      budget: portfolio.data.budget,
                      alpha: portfolio.data.result.alpha,
                      suggestedName: `Best within ${formatMoney(portfolio.data.budget)}, ${describeWeight(portfolio.data.result.alpha)}`,
                    }}
                    onSaved={() => {
                      setSaves((value) => value + 1);
                    }}
                  />
                )
              }
              onSimulate={(ids) => {
                setSelected(new Set(ids));
                simulate(ids);
              }}
            />
          )}
        </div>
        <div class="scenario__results" aria-live="polite" aria-busy={simulation.running}>
          {!simulation.data && (
            <div class="scenario__placeholder">
              <p>
                Tick investments and press <strong>Simulate</strong> to compare today with the projection:
                indices, trajectory with its uncertainty, warnings, and the projected heatmap.
              </p>
            </div>
          )}
          {simulation.data && isStale(simulation.data, selected, horizonMonths, trialCount) && (
            <p class="notice notice--warning" role="status" data-testid="simulation-stale">
              <strong>Stale:</strong> these results are for {describeRun(simulation.data, investmentsById)},
              not for what is ticked now. Press <strong>Simulate</strong> again to update them.
            </p>
          )}
          {simulation.data && !isStale(simulation.data, selected, horizonMonths, trialCount) && (
            <SaveScenarioForm
              key={describeRun(simulation.data, investmentsById)}
              client={client}
              organizationId={organizationId}
              draft={{
                investmentIds: simulation.data.investmentIds,
                horizonMonths: simulation.data.horizonMonths,
                budget: null,
                alpha: null,
                suggestedName: '',
              }}
              onSaved={() => {
                setSaves((value) => value + 1);
              }}
            />
          )}
          {simulation.data && (
            <SimulationOutcome
              run={simulation.data}
              stale={isStale(simulation.data, selected, horizonMonths, trialCount)}
              functions={functions}
              capabilities={capabilities}
              functionsById={functionsById}
            />
          )}
        </div>
      </div>
      <SavedScenarios
        client={client}
        organizationId={organizationId}
        reload={saves}
        investmentsById={investmentsById}
        trials={trialCount}
        seed={seed}
      />
    </section>
  );
}

function SimulationOutcome({
  run,
  stale,
  functions,
  capabilities,
  functionsById,
}: {
  run: SimulationRun;
  stale: boolean;
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
  functionsById: ReadonlyMap<string, BusinessFunction>;
}) {
  const { result, baseline, horizonMonths } = run;
  const baselineByKey = useMemo(() => indexCells(baseline.cells), [baseline]);
  // The rows the simulation scored: a retired function has no cells today or at the horizon.
  const rows = functionsOfView(
    functions,
    baseline.cells.map((cell) => cell.functionId),
  );
  return (
    <div
      class={`outcome${stale ? ' outcome--stale' : ''}`}
      data-testid="simulation-result"
      data-stale={stale}
    >
      <section aria-labelledby="warnings-title">
        <h3 id="warnings-title" class="scenario__subtitle">
          Warnings
        </h3>
        <WarningsList warnings={result.warnings} functionsById={functionsById} />
      </section>
      <section aria-labelledby="projected-indices-title">
        <h3 id="projected-indices-title" class="scenario__subtitle">
          Indices
        </h3>
        <IndexComparison
          baseline={result.baseline}
          projected={result.projected}
          distribution={result.distribution}
          horizonMonths={horizonMonths}
        />
      </section>
      <section aria-labelledby="trajectory-title">
        <h3 id="trajectory-title" class="scenario__subtitle">
          Trajectory
        </h3>
        <TrajectoryChart
          trajectory={result.trajectory}
          distribution={result.distribution}
          horizonMonths={horizonMonths}
        />
      </section>
      <section aria-labelledby="projected-heatmap-title" class="outcome__heatmaps">
        <h3 id="projected-heatmap-title" class="scenario__subtitle">
          Heatmap: today and at month {horizonMonths}
        </h3>
        <div class="outcome__pair">
          <div>
            <h4 class="outcome__heatmap-title">Today</h4>
            <Heatmap
              id="baseline"
              caption="Maturity today, by function and capability"
              functions={rows}
              capabilities={capabilities}
              cells={baseline.cells}
              compact
              renderDetails={({ businessFunction, capability, cell }) => (
                <p>
                  <strong>{businessFunction.name}</strong> · {capability.name}: level{' '}
                  {formatLevel(cell?.level)}
                  {cell?.target != null && `, target ${cell.target}`}
                </p>
              )}
            />
          </div>
          <div>
            <h4 class="outcome__heatmap-title">Projected, month {horizonMonths}</h4>
            <Heatmap
              id="projected"
              caption={`Projected maturity at month ${horizonMonths}, by function and capability; cells show the change from today`}
              functions={rows}
              capabilities={capabilities}
              cells={result.cells}
              compareTo={baselineByKey}
              compact
              renderDetails={({ businessFunction, capability, cell, compared }) => (
                <p>
                  <strong>{businessFunction.name}</strong> · {capability.name}: {formatLevel(compared?.level)}{' '}
                  today → {formatLevel(cell?.level)} at month {horizonMonths}
                  {cell?.level != null &&
                    compared?.level != null &&
                    ` (${formatSigned(shownDifference(compared.level, cell.level))})`}
                  {cell?.target != null && `, target ${cell.target}`}
                </p>
              )}
            />
          </div>
        </div>
        <p class="outcome__note">
          Colours as in the main heatmap; in the projection, the small figure is the change from today.
        </p>
      </section>
    </div>
  );
}

/** The result no longer matches the ticked investments, the horizon or the number of trials. */
function isStale(
  run: SimulationRun,
  selected: ReadonlySet<string>,
  horizonMonths: number,
  trials: number,
): boolean {
  return (
    run.horizonMonths !== horizonMonths ||
    run.trials !== trials ||
    run.investmentIds.length !== selected.size ||
    run.investmentIds.some((id) => !selected.has(id))
  );
}

function describeRun(run: SimulationRun, investmentsById: ReadonlyMap<string, { name: string }>): string {
  const names = run.investmentIds.map((id) => `“${investmentsById.get(id)?.name ?? id}”`).join(', ');
  return `${names} over ${run.horizonMonths} months with ${run.trials} trials`;
}

function clampInteger(text: string, min: number, max: number, fallback: number): number {
  const value = Math.round(Number(text));
  if (text.trim() === '' || !Number.isFinite(value)) return fallback;
  return Math.max(min, Math.min(max, value));
}
