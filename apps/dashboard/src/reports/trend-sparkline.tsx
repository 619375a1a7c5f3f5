// The indices over the assessment cycles as a small vector chart: it prints sharp and its labels
// are text (a canvas chart would print as a picture). Every cycle is a dot, so one cycle shows as
// one; a cycle still open is a hollow dot, its numbers provisional.
import type { Indices, MaturityPoint } from '../api/types';
import { formatDate } from '../shared/format';

const series: { key: keyof Indices; label: string; colour: string }[] = [
  { key: 'customerCentricityIndex', label: 'Customer-centricity', colour: '#5e3c99' },
  { key: 'alignmentIndex', label: 'Alignment', colour: '#e66101' },
  { key: 'targetAttainment', label: 'Target attainment', colour: '#4d4943' },
];

const WIDTH = 300;
const HEIGHT = 110;
const LEFT = 22;
const BOTTOM = 16;

export function TrendSparkline({ points }: { points: readonly MaturityPoint[] }) {
  if (points.length === 0) return <p class="muted">No assessment up to this date.</p>;
  const x = (index: number) =>
    points.length === 1
      ? LEFT + (WIDTH - LEFT) / 2
      : LEFT + ((WIDTH - LEFT - 6) * index) / (points.length - 1);
  const y = (value: number) => 4 + (HEIGHT - BOTTOM - 4) * (1 - value / 100);
  return (
    <figure class="trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={
          points.length === 1
            ? 'Indices of the one assessment cycle so far, 0 to 100'
            : 'Indices over the assessment cycles, 0 to 100'
        }
      >
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} class="trend__grid" />
            <text x={LEFT - 3} y={y(tick) + 3} class="trend__tick" text-anchor="end">
              {tick}
            </text>
          </g>
        ))}
        {series.map((line) => {
          const coordinates = points
            .map((point, index) => {
              const value = point[line.key];
              return value === null ? null : `${x(index).toFixed(1)},${y(value).toFixed(1)}`;
            })
            .filter((coordinate) => coordinate !== null);
          return (
            <g key={line.key}>
              <polyline
                points={coordinates.join(' ')}
                fill="none"
                stroke={line.colour}
                stroke-width="2"
                stroke-linejoin="round"
              />
              {points.map((point, index) => {
                const value = point[line.key];
                if (value === null) return null;
                return (
                  <circle
                    key={point.at}
                    class={point.provisional ? 'trend__dot trend__dot--provisional' : 'trend__dot'}
                    cx={x(index).toFixed(1)}
                    cy={y(value).toFixed(1)}
                    r="2.6"
                    fill={point.provisional ? '#fff' : line.colour}
                    stroke={line.colour}
                    stroke-width="1.4"
                  />
                );
              })}
            </g>
          );
        })}
        {points.length === 1 ? (
          <text x={x(0)} y={HEIGHT - 3} class="trend__tick" text-anchor="middle">
            {formatDate(points[0]?.at ?? '')}
          </text>
        ) : (
          <>
            <text x={LEFT} y={HEIGHT - 3} class="trend__tick">
              {formatDate(points[0]?.at ?? '')}
            </text>
            <text x={WIDTH} y={HEIGHT - 3} class="trend__tick" text-anchor="end">
              {formatDate(points.at(-1)?.at ?? '')}
            </text>
          </>
        )}
      </svg>
      <figcaption class="trend__legend">
        {series.map((line) => (
          <span key={line.key} class="trend__key">
            <span class="trend__swatch" style={{ background: line.colour }} aria-hidden="true" />
            {line.label}
          </span>
        ))}
        {points.some((point) => point.provisional) && (
          <span class="trend__key" data-testid="trend-provisional">
            ○ open cycle, provisional
          </span>
        )}
        {points.length === 1 && (
          <span class="trend__key trend__note" data-testid="trend-one-cycle">
            One cycle so far: the trend starts with the next.
          </span>
        )}
      </figcaption>
    </figure>
  );
}
