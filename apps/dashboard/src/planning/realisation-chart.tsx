// Did deployed investments deliver? Per investment, the predicted change in levels (summed over
// its effect cells) beside the actual change as the latest assessment after its lag shows it;
// until then it says from when it will be due, or why it never can be. The bars are HTML, so
// their labels keep the page's text size on a phone. A table below carries the same figures as
// text with the assessment that measured each, and each investment's cells open below it.
import type { CellNames } from '../shared/cell-names';
import { formatDate, formatLevel, formatSigned } from '../shared/format';
import { ScrollRegion } from '../shared/scroll-region';
import type { PlanningInvestment, Realisation } from './planning.operations';
import { type Measurement, measurementName, pendingShort, ratioText } from './realisation-text';

interface RealisationChartProps {
  investments: readonly PlanningInvestment[];
  realisations: ReadonlyMap<string, Realisation>;
  names: CellNames;
}

/** The actual change once due; null until then. */
const actualOf = (realisation: Realisation): number | null =>
  realisation.due && realisation.actual !== null ? realisation.actual : null;

/** "none of its 3 cells had a rating on 1 Jan 2001": why a realisation can never fall due. */
const neverMeasured = (realisation: Realisation, deployedAt: string | null) => {
  const count = realisation.excludedCells.length;
  const when = deployedAt ? formatDate(deployedAt) : 'the deployment date';
  const unrated =
    count === 1
      ? `its only cell had no rating on ${when}`
      : `none of its ${count} cells had a rating on ${when}`;
  return `never measurable: ${unrated}, so there is no baseline to compare with`;
};

/** What the actual column says before a figure exists. */
const pendingText = (realisation: Realisation, deployedAt: string | null) =>
  realisation.measurable
    ? `due from ${formatDate(realisation.dueFrom)}`
    : neverMeasured(realisation, deployedAt);

/** The figure a measurement showed: the ratio when there is one, else the change. */
const figureOf = (measurement: Measurement) =>
  measurement.ratio === null ? formatSigned(measurement.actual, 2) : ratioText(measurement.ratio);

/** The measurements in runs that showed the same figure, oldest first. */
const runsOf = (measurements: readonly Measurement[]): Measurement[][] => {
  const runs: Measurement[][] = [];
  for (const measurement of measurements) {
    const last = runs.at(-1);
    if (last?.[0] !== undefined && figureOf(last[0]) === figureOf(measurement)) last.push(measurement);
    else runs.push([measurement]);
  }
  return runs;
};

/** "2025 Q1 review (31 Mar 2025)": where a run of one figure started. */
const startOf = (run: readonly Measurement[]) =>
  run[0] === undefined ? '' : `${run[0].title} (${formatDate(run[0].periodEnd)})`;

/**
 * "measured by 2026 Q3 review (30 Sept 2026, closed); the same since …; was 73% from …": the
 * assessment the figure is read from, and how later cycles moved it, one phrase per change.
 */
function MeasuredBy({ realisation }: { realisation: Realisation }) {
  const measuredBy = realisation.measuredBy;
  if (measuredBy === null) return null;
  const runs = runsOf(realisation.measurements);
  const current = runs.at(-1) ?? [];
  const earlier = runs
    .slice(0, -1)
    .reverse()
    .map((run) => `${run[0] === undefined ? '' : figureOf(run[0])} from ${startOf(run)}`);
  return (
    <span class="realisation__measured-by" data-testid="measured-by">
      measured by {measurementName(measuredBy)}
      {measuredBy.open && (
        <>
          {' '}
          <span class="realisation__provisional" title="The assessment is still open: the figure may change">
            ◐ provisional
          </span>
        </>
      )}
      {current.length > 1 && `; the same since ${startOf(current)}`}
      {earlier.length > 0 && `; was ${earlier.join(', ')}`}
    </span>
  );
}

function Bar({
  value,
  kind,
  scale,
}: {
  value: number;
  kind: 'predicted' | 'actual';
  scale: (value: number) => { left: number; width: number };
}) {
  const { left, width } = scale(value);
  return (
    <span
      class={`realisation__bar realisation__bar--${kind}`}
      style={{ left: `${left}%`, width: `${Math.max(width, 0.5)}%` }}
    />
  );
}

export function RealisationChart({ investments, realisations, names }: RealisationChartProps) {
  const rows = investments
    .map((investment) => ({ investment, realisation: realisations.get(investment.id) }))
    .filter(
      (row): row is { investment: PlanningInvestment; realisation: Realisation } =>
        row.realisation !== undefined,
    );
  if (rows.length === 0) return <p class="muted">No deployed investment yet.</p>;
  const values = rows.flatMap(({ realisation }) => [realisation.predicted, actualOf(realisation) ?? 0]);
  const lowest = Math.min(0, ...values);
  const highest = Math.max(0.5, ...values);
  const range = highest - lowest;
  // Positions in percent of the track: zero sits at the left unless some change is negative.
  const scale = (value: number) => ({
    left: ((Math.min(0, value) - lowest) / range) * 100,
    width: (Math.abs(value) / range) * 100,
  });
  const zero = scale(0).left;

  return (
    <div class="realisation" data-testid="realisation-chart">
      <ul
        class="realisation__rows"
        aria-label={`Predicted against actual change in levels: ${rows
          .map(({ investment, realisation }) => {
            const actual = actualOf(realisation);
            return `${investment.name}, predicted ${formatSigned(realisation.predicted)}, ${
              actual === null
                ? pendingText(realisation, investment.deployedAt)
                : `actual ${formatSigned(actual)}`
            }${realisation.measuredBy?.open ? ' (provisional)' : ''}`;
          })
          .join('; ')}`}
      >
        {rows.map(({ investment, realisation }) => {
          const actual = actualOf(realisation);
          return (
            <li key={investment.id} data-realisation={investment.id} class="realisation__row">
              <span class="realisation__name">{investment.name}</span>
              <span class="realisation__track" aria-hidden="true">
                <span class="realisation__zero" style={{ left: `${zero}%` }} />
                <Bar value={realisation.predicted} kind="predicted" scale={scale} />
              </span>
              <span class="realisation__value">{formatSigned(realisation.predicted)} predicted</span>
              {actual === null ? (
                <span class="realisation__pending">{pendingText(realisation, investment.deployedAt)}</span>
              ) : (
                <>
                  <span class="realisation__track" aria-hidden="true">
                    <span class="realisation__zero" style={{ left: `${zero}%` }} />
                    <Bar value={actual} kind="actual" scale={scale} />
                  </span>
                  <span class="realisation__value">
                    {formatSigned(actual)} actual{realisation.measuredBy?.open ? ' (provisional)' : ''}
                  </span>
                  <MeasuredBy realisation={realisation} />
                </>
              )}
            </li>
          );
        })}
      </ul>
      <div class="realisation__legend">
        <span class="realisation__swatch realisation__swatch--predicted" aria-hidden="true" /> predicted
        <span class="realisation__swatch realisation__swatch--actual" aria-hidden="true" /> actual (once due)
      </div>
      <ScrollRegion label="Realisation of deployed investments, as a table">
        <table class="table table--cards">
          <caption class="visually-hidden">Realisation of deployed investments</caption>
          <thead>
            <tr>
              <th scope="col">Investment</th>
              <th scope="col">Deployed</th>
              <th scope="col" class="table__number">
                Predicted
              </th>
              <th scope="col" class="table__number">
                Actual
              </th>
              <th scope="col" class="table__number">
                Ratio
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ investment, realisation }) => {
              const actual = actualOf(realisation);
              return (
                <tr key={investment.id} data-realisation-row={investment.id}>
                  <td>{investment.name}</td>
                  <td data-label="Deployed">
                    {investment.deployedAt ? formatDate(investment.deployedAt) : '—'}
                  </td>
                  <td class="table__number" data-label="Predicted">
                    {formatSigned(realisation.predicted, 2)}
                  </td>
                  <td class="table__number" data-label="Actual">
                    {actual === null ? pendingShort(realisation) : formatSigned(actual, 2)}
                  </td>
                  <td class="table__number" data-label="Ratio">
                    {ratioText(realisation.ratio)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {rows
        .filter(({ realisation }) => realisation.cells.length > 0)
        .map(({ investment, realisation }) => (
          <details key={investment.id} class="realisation__cells" data-realisation-cells={investment.id}>
            <summary>
              Per cell: {investment.name} ({realisation.cells.length}{' '}
              {realisation.cells.length === 1 ? 'cell' : 'cells'}
              {realisation.excludedCells.length > 0 &&
                `; ${realisation.excludedCells.length} unrated at deployment, left out`}
              )
            </summary>
            <ScrollRegion label={`Cells of ${investment.name}: baseline, predicted and actual level`}>
              <table class="table table--cards">
                <caption class="visually-hidden">
                  {investment.name}: each cell’s level at deployment, predicted, and actual
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Cell</th>
                    <th scope="col" class="table__number">
                      Baseline
                    </th>
                    <th scope="col" class="table__number">
                      Predicted
                    </th>
                    <th scope="col" class="table__number">
                      Actual
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {realisation.cells.map((cell) => (
                    <tr
                      key={`${cell.functionId}:${cell.capabilityId}`}
                      data-realisation-cell={`${cell.functionId}:${cell.capabilityId}`}
                    >
                      <td>
                        <strong>{names.functionName(cell.functionId)}</strong> ·{' '}
                        {names.capabilityName(cell.capabilityId)}
                      </td>
                      <td class="table__number" data-label="Baseline">
                        {formatLevel(cell.baselineLevel)}
                      </td>
                      <td class="table__number" data-label="Predicted">
                        {formatLevel(cell.predictedLevel)}
                      </td>
                      <td class="table__number" data-label="Actual">
                        {cell.actualLevel === null ? 'not yet' : formatLevel(cell.actualLevel)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        ))}
    </div>
  );
}
