// Baseline against projected indices at the horizon, with the spread of the trials.
import type { Distribution, Indices, Percentiles } from '../api/types';
import { formatCount, formatIndex, formatPercent, formatSigned, shownDifference } from '../shared/format';

const rows = [
  { key: 'customerCentricityIndex', label: 'Customer-centricity index' },
  { key: 'alignmentIndex', label: 'Alignment index' },
  { key: 'targetAttainment', label: 'Target attainment' },
] as const;

interface IndexComparisonProps {
  baseline: Indices;
  projected: Indices;
  distribution: Distribution | null;
  horizonMonths: number;
}

export function IndexComparison({ baseline, projected, distribution, horizonMonths }: IndexComparisonProps) {
  return (
    <div class="comparison">
      <table class="comparison__table table--cards">
        <caption class="visually-hidden">Indices today and projected at month {horizonMonths}</caption>
        <thead>
          <tr>
            <th scope="col">Index</th>
            <th scope="col">Today</th>
            <th scope="col">Month {horizonMonths}</th>
            <th scope="col">Change</th>
            {distribution && <th scope="col">p10 – p90</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const before = baseline[row.key];
            const after = projected[row.key];
            const change = before != null && after != null ? shownDifference(before, after) : null;
            const spread: Percentiles | null =
              distribution && row.key !== 'targetAttainment' ? distribution[row.key] : null;
            return (
              <tr key={row.key} data-projected={row.key}>
                <th scope="row">{row.label}</th>
                <td data-label="Today">{formatIndex(before)}</td>
                <td class="comparison__projected" data-label={`Month ${horizonMonths}`}>
                  {formatIndex(after)}
                </td>
                <td data-label="Change">
                  <Change value={change} />
                </td>
                {distribution && (
                  <td class="comparison__spread" data-label="p10 – p90">
                    {spread ? `${formatIndex(spread.p10)} – ${formatIndex(spread.p90)}` : '—'}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {distribution && (
        <p class="comparison__note">
          Over {formatCount(distribution.trials)} trials, alignment ends below today’s in{' '}
          <strong data-testid="probability-alignment-drops">
            {formatPercent(distribution.probabilityAlignmentDrops)}
          </strong>{' '}
          of them.
        </p>
      )}
    </div>
  );
}

function Change({ value }: { value: number | null }) {
  if (value == null) return <span class="muted">—</span>;
  if (Math.abs(value) < 0.05) return <span class="change change--flat">no change</span>;
  return (
    <span class={`change ${value > 0 ? 'change--up' : 'change--down'}`}>
      <span aria-hidden="true">{value > 0 ? '▲ ' : '▼ '}</span>
      {formatSigned(value)}
    </span>
  );
}
