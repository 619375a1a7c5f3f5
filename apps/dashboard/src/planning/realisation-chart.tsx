// Did deployed investments deliver? Per investment, the predicted change in levels (summed over
// its effect cells) beside the actual change once an assessment makes it due; until then a
// dashed outline says when it will be. A table below carries the same figures as text.
import type { Investment } from '../api/types';
import { formatDate, formatSigned } from '../shared/format';
import { ScrollRegion } from '../shared/scroll-region';
import type { Realisation } from './planning.operations';

interface RealisationChartProps {
  investments: readonly Investment[];
  realisations: ReadonlyMap<string, Realisation>;
}

const barHeight = 14;
const rowHeight = 64;

export function RealisationChart({ investments, realisations }: RealisationChartProps) {
  const rows = investments
    .map((investment) => ({ investment, realisation: realisations.get(investment.id) }))
    .filter(
      (row): row is { investment: Investment; realisation: Realisation } => row.realisation !== undefined,
    );
  if (rows.length === 0) return <p class="muted">No deployed investment yet.</p>;
  const largest = Math.max(
    0.5,
    ...rows.flatMap(({ realisation }) => [
      Math.abs(realisation.predicted),
      Math.abs(realisation.actual ?? 0),
    ]),
  );
  const width = 640;
  const anyNegative = rows.some(
    ({ realisation }) => realisation.predicted < 0 || (realisation.actual ?? 0) < 0,
  );
  // Room on the right for the value labels; on the left too when a change is negative.
  const zero = anyNegative ? width * 0.4 : 8;
  const scale = (width - zero - 120) / largest;
  const height = rows.length * rowHeight + 28;

  return (
    <div class="realisation" data-testid="realisation-chart">
      <svg
        class="realisation__chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Predicted against actual change in levels: ${rows
          .map(
            ({ investment, realisation }) =>
              `${investment.name}, predicted ${formatSigned(realisation.predicted)}, ${
                realisation.due && realisation.actual !== null
                  ? `actual ${formatSigned(realisation.actual)}`
                  : `due from ${formatDate(realisation.dueFrom)}`
              }`,
          )
          .join('; ')}`}
      >
        <line x1={zero} x2={zero} y1={0} y2={height - 20} class="realisation__axis" />
        {rows.map(({ investment, realisation }, index) => {
          const top = index * rowHeight + 24;
          const bar = (value: number) => ({
            x: value >= 0 ? zero : zero + value * scale,
            width: Math.max(1, Math.abs(value) * scale),
          });
          const predicted = bar(realisation.predicted);
          const actual = realisation.due && realisation.actual !== null ? bar(realisation.actual) : null;
          return (
            <g key={investment.id} data-realisation={investment.id}>
              <text x={8} y={top - 6} class="realisation__name">
                {investment.name.length > 80 ? `${investment.name.slice(0, 79)}…` : investment.name}
              </text>
              <rect
                x={predicted.x}
                y={top}
                width={predicted.width}
                height={barHeight}
                class="realisation__predicted"
              />
              <text x={predicted.x + predicted.width + 6} y={top + 13} class="realisation__value">
                {formatSigned(realisation.predicted)} predicted
              </text>
              {actual ? (
                <>
                  <rect
                    x={actual.x}
                    y={top + barHeight + 4}
                    width={actual.width}
                    height={barHeight}
                    class="realisation__actual"
                  />
                  <text x={actual.x + actual.width + 6} y={top + barHeight + 17} class="realisation__value">
                    {formatSigned(realisation.actual ?? 0)} actual
                  </text>
                </>
              ) : (
                <text x={zero + 6} y={top + barHeight + 17} class="realisation__pending">
                  due from {formatDate(realisation.dueFrom)}
                </text>
              )}
            </g>
          );
        })}
        <text x={zero} y={height - 4} class="realisation__tick">
          0
        </text>
      </svg>
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
            {rows.map(({ investment, realisation }) => (
              <tr key={investment.id} data-realisation-row={investment.id}>
                <td>{investment.name}</td>
                <td data-label="Deployed">
                  {investment.deployedAt ? formatDate(investment.deployedAt) : '—'}
                </td>
                <td class="table__number" data-label="Predicted">
                  {formatSigned(realisation.predicted, 2)}
                </td>
                <td class="table__number" data-label="Actual">
                  {realisation.due && realisation.actual !== null
                    ? formatSigned(realisation.actual, 2)
                    : `due from ${formatDate(realisation.dueFrom)}`}
                </td>
                <td class="table__number" data-label="Ratio">
                  {realisation.ratio === null ? '—' : `${Math.round(realisation.ratio * 100)}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
