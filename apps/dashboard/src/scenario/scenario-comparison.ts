// Saved scenarios side by side: one column per scenario, the same rows on the page and in the
// downloaded file, so what is printed or shared reads as what was seen.
import type { Indices, Percentiles, SimulationResult } from '../api/types';
import { formatIndex, formatMoney, formatSigned, shownDifference } from '../shared/format';
import { describeWeight } from './objective-weight';

export interface ComparedScenario {
  /** The saved scenario's id. */
  id: string;
  name: string;
  investmentNames: readonly string[];
  /** The sum of its investments' costs. */
  cost: number;
  horizonMonths: number;
  budget: number | null;
  alpha: number | null;
  /** Its simulation with trials, or why it could not be simulated now. */
  outcome: { result: SimulationResult } | { error: string };
}

export interface ComparisonRow {
  /** Stable, for tests and styling. */
  key: string;
  label: string;
  cells: string[];
}

const indexAt = (
  projected: Indices,
  baseline: Indices,
  key: 'customerCentricityIndex' | 'alignmentIndex',
) => {
  const after = projected[key];
  const before = baseline[key];
  if (after == null) return '—';
  return before == null
    ? formatIndex(after)
    : `${formatIndex(after)} (${formatSigned(shownDifference(before, after))})`;
};

const band = (spread: Percentiles | undefined) =>
  spread ? `${formatIndex(spread.p10)} – ${formatIndex(spread.p90)}` : '—';

/**
 * Scenarios saved with different horizons are not like for like: "at the horizon" is a different
 * month in each column. Said in plain words above the comparison; null when the horizons agree.
 */
export function horizonNote(scenarios: readonly Pick<ComparedScenario, 'horizonMonths'>[]): string | null {
  const horizons = [...new Set(scenarios.map((scenario) => scenario.horizonMonths))].sort((a, b) => a - b);
  if (horizons.length < 2) return null;
  const listed = `${horizons.slice(0, -1).join(', ')} and ${horizons.at(-1) ?? ''} months`;
  return `Different horizons (${listed}): each column’s CCI and alignment are at its own horizon, so a longer one has had more time to take effect. Save them with the same horizon to compare like for like.`;
}

/** The rows of the comparison, each with one cell per scenario, in the scenarios' order. */
export function comparisonRows(scenarios: readonly ComparedScenario[]): ComparisonRow[] {
  const each = (describe: (scenario: ComparedScenario) => string) => scenarios.map(describe);
  // Why a scenario cannot be simulated is said once, in its first simulated row.
  const simulated = (describe: (result: SimulationResult) => string, first = false) =>
    each((scenario) =>
      'result' in scenario.outcome ? describe(scenario.outcome.result) : first ? scenario.outcome.error : '—',
    );
  return [
    {
      key: 'investments',
      label: 'Investments',
      cells: each((scenario) => scenario.investmentNames.join('; ')),
    },
    { key: 'cost', label: 'Cost', cells: each((scenario) => formatMoney(scenario.cost)) },
    {
      key: 'origin',
      label: 'Chosen by',
      cells: each((scenario) =>
        scenario.budget === null
          ? 'the planner'
          : `the optimiser within ${formatMoney(scenario.budget)}, ${describeWeight(scenario.alpha ?? 0.5)}`,
      ),
    },
    { key: 'horizon', label: 'Horizon', cells: each((scenario) => `${scenario.horizonMonths} months`) },
    {
      key: 'cci',
      label: 'CCI at the horizon (change)',
      cells: simulated(
        (result) => indexAt(result.projected, result.baseline, 'customerCentricityIndex'),
        true,
      ),
    },
    {
      key: 'cci-band',
      label: 'CCI p10 – p90',
      cells: simulated((result) => band(result.distribution?.customerCentricityIndex)),
    },
    {
      key: 'alignment',
      label: 'Alignment at the horizon (change)',
      cells: simulated((result) => indexAt(result.projected, result.baseline, 'alignmentIndex')),
    },
    {
      key: 'alignment-band',
      label: 'Alignment p10 – p90',
      cells: simulated((result) => band(result.distribution?.alignmentIndex)),
    },
    {
      key: 'warnings',
      label: 'Warnings',
      cells: simulated((result) =>
        result.warnings.length === 0 ? 'none' : sentences(result.warnings.map((warning) => warning.message)),
      ),
    },
  ];
}

/** Messages one after another as sentences: each ends with its own full stop ("….; …" read as a typo). */
function sentences(messages: readonly string[]): string {
  if (messages.length === 1) return messages[0] ?? '';
  return messages.map((message) => (/[.!?]$/.test(message) ? message : `${message}.`)).join(' ');
}
