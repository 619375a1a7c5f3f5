// The projected indices month by month, one small chart per index so each has a scale on which
// its change is visible. The api reports the spread of the trials only at the horizon, so each
// chart draws it only there (a p10-p90 whisker with the median) rather than inventing a band over
// months it has no numbers for.
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { Distribution, Percentiles, TrajectoryPoint } from '../api/types';
import { formatIndex } from '../shared/format';
import { seriesColours, seriesDashes, UplotChart } from '../shared/uplot-chart';

interface TrajectoryChartProps {
  trajectory: readonly TrajectoryPoint[];
  distribution: Distribution | null;
  horizonMonths: number;
}

const panels = [
  { key: 'customerCentricityIndex', colour: 'customerCentricity', label: 'Customer-centricity index' },
  { key: 'alignmentIndex', colour: 'alignment', label: 'Alignment index' },
] as const;

export function TrajectoryChart({ trajectory, distribution, horizonMonths }: TrajectoryChartProps) {
  return (
    <figure class="trajectory">
      <div class="trajectory__panels">
        {panels.map((panel) => (
          <TrajectoryPanel
            key={panel.key}
            label={panel.label}
            values={trajectory.map((point) => point[panel.key])}
            months={trajectory.map((point) => point.month)}
            spread={distribution ? distribution[panel.key] : null}
            colour={seriesColours[panel.colour]}
            dash={seriesDashes[panel.colour]}
            horizonMonths={horizonMonths}
          />
        ))}
      </div>
      <figcaption class="trajectory__caption">
        Lines: the deterministic trajectory, each effect at its likely value once its lag has passed.
        {distribution
          ? ` Whisker at month ${horizonMonths}: the p10–p90 range of ${distribution.trials} trials, dot at the median. The api measures the spread only at the horizon, so no band is drawn over the months before.`
          : ' Set trials above 0 to see the uncertainty at the horizon.'}
      </figcaption>
    </figure>
  );
}

interface TrajectoryPanelProps {
  label: string;
  months: number[];
  values: (number | null)[];
  spread: Percentiles | null;
  colour: string;
  dash: number[];
  horizonMonths: number;
}

function TrajectoryPanel({
  label,
  months,
  values,
  spread,
  colour,
  dash,
  horizonMonths,
}: TrajectoryPanelProps) {
  const data = useMemo<uPlot.AlignedData>(() => [months, values], [months, values]);
  const options = useMemo(
    () => panelOptions(values, spread, colour, dash, horizonMonths),
    [values, spread, colour, dash, horizonMonths],
  );
  const first = values.find((value) => value != null) ?? null;
  const last = values[values.length - 1] ?? null;
  const description =
    `${label}: ${formatIndex(first)} today, ${formatIndex(last)} at month ${horizonMonths}` +
    (spread ? `, p10 ${formatIndex(spread.p10)} to p90 ${formatIndex(spread.p90)}.` : '.');

  return (
    <div class="trajectory__panel">
      <p class="trajectory__title">
        <svg width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">
          <line
            x1="1"
            y1="5"
            x2="21"
            y2="5"
            stroke={colour}
            stroke-width="2.5"
            stroke-dasharray={dash.join(' ') || undefined}
          />
        </svg>
        {label}
      </p>
      <UplotChart options={options} data={data} height={180} label={description} />
    </div>
  );
}

function panelOptions(
  values: (number | null)[],
  spread: Percentiles | null,
  colour: string,
  dash: number[],
  horizonMonths: number,
): Omit<uPlot.Options, 'width' | 'height'> {
  const known = values.filter((value): value is number => value != null);
  if (spread) known.push(spread.p10, spread.p90);
  const minimum = known.length ? Math.min(...known) : 0;
  const maximum = known.length ? Math.max(...known) : 100;
  const padding = Math.max(1, (maximum - minimum) * 0.25);
  const low = Math.max(0, Math.floor(minimum - padding));
  const high = Math.min(100, Math.ceil(maximum + padding));

  const axis: uPlot.Axis = {
    stroke: '#5f5a52',
    grid: { stroke: '#ebe8e2', width: 1 },
    ticks: { show: false },
    font: '11px system-ui, sans-serif',
  };

  return {
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: [0, horizonMonths + Math.max(0.8, horizonMonths * 0.06)] },
      y: { range: [low, high] },
    },
    axes: [
      {
        ...axis,
        incrs: [1, 2, 3, 6, 12, 24],
        space: 28,
        values: (_plot, ticks) =>
          ticks.map((tick) => (Number.isInteger(tick) && tick <= horizonMonths ? `${tick}` : '')),
        label: 'months from today',
        labelSize: 20,
        labelFont: '11px system-ui, sans-serif',
      },
      { ...axis, size: 36 },
    ],
    series: [{}, { label: 'projected', stroke: colour, dash, width: 2.25, points: { show: false } }],
    hooks: {
      draw: spread
        ? [
            (plot) => {
              drawWhisker(plot, horizonMonths, spread, colour);
            },
          ]
        : [],
    },
  };
}

function drawWhisker(plot: uPlot, month: number, spread: Percentiles, colour: string) {
  const ratio = devicePixelRatio;
  const x = plot.valToPos(month, 'x', true);
  const top = plot.valToPos(spread.p90, 'y', true);
  const bottom = plot.valToPos(spread.p10, 'y', true);
  const middle = plot.valToPos(spread.p50, 'y', true);
  const half = 6 * ratio;
  const context = plot.ctx;
  context.save();
  context.fillStyle = colour;
  context.globalAlpha = 0.16;
  context.fillRect(x - half, top, half * 2, Math.max(bottom - top, 1));
  context.globalAlpha = 1;
  context.strokeStyle = colour;
  context.lineWidth = 1.75 * ratio;
  context.beginPath();
  context.moveTo(x, top);
  context.lineTo(x, bottom);
  context.moveTo(x - half, top);
  context.lineTo(x + half, top);
  context.moveTo(x - half, bottom);
  context.lineTo(x + half, bottom);
  context.stroke();
  context.beginPath();
  context.arc(x, middle, 3.5 * ratio, 0, Math.PI * 2);
  context.fill();
  context.restore();
}
