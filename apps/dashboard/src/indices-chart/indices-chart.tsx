// CCI, alignment and target attainment over the assessment cycles, with a marker on the date the
// rest of the page is showing.
import { useMemo, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { MaturityPoint } from '../api/types';
import { formatDate, formatIndex } from '../shared/format';
import { seriesColours, seriesDashes, UplotChart } from '../shared/uplot-chart';
import { SeriesLegend } from './series-legend';
import { timeRange } from './time-range';
import './indices-chart.css';

interface IndicesChartProps {
  points: readonly MaturityPoint[] | null;
  /** The date the page is showing; null for "now" (the latest point). */
  viewedAt: string | null;
}

const chartHeight = 240;

export function IndicesChart({ points, viewedAt }: IndicesChartProps) {
  const viewed = useRef<number | null>(null);
  const last = points?.[points.length - 1];
  viewed.current = viewedAt ? Date.parse(viewedAt) / 1000 : last ? Date.parse(last.at) / 1000 : null;
  // The cycles' own first and last dates: uPlot widens a lone point's axis by "a day" in
  // milliseconds, which on this chart's seconds is nearly three years.
  const extent = useRef<[number | null, number | null]>([null, null]);
  const first = points?.[0];
  extent.current = [first ? Date.parse(first.at) / 1000 : null, last ? Date.parse(last.at) / 1000 : null];

  const data = useMemo<uPlot.AlignedData>(() => {
    const list = points ?? [];
    return [
      list.map((point) => Date.parse(point.at) / 1000),
      list.map((point) => point.customerCentricityIndex),
      list.map((point) => point.alignmentIndex),
      list.map((point) => point.targetAttainment),
    ];
  }, [points]);

  const options = useMemo(
    () =>
      indicesOptions(
        () => viewed.current,
        () => extent.current,
      ),
    [],
  );

  if (points !== null && points.length === 0) {
    return (
      <div class="indices-chart__empty" style={{ height: `${chartHeight}px` }}>
        No closed assessment cycles yet: the indices appear here after the first one.
      </div>
    );
  }

  return (
    <div class="indices-chart">
      <SeriesLegend />
      <UplotChart
        options={options}
        data={data}
        height={chartHeight}
        redrawKey={String(viewed.current)}
        label={describe(points ?? [])}
      />
      {points && points.length > 0 && <PointsTable points={points} />}
    </div>
  );
}

function indicesOptions(
  viewedTime: () => number | null,
  cycleExtent: () => [number | null, number | null],
): Omit<uPlot.Options, 'width' | 'height'> {
  const axis: uPlot.Axis = {
    stroke: '#5f5a52',
    grid: { stroke: '#ebe8e2', width: 1 },
    ticks: { show: false },
    font: '12px system-ui, sans-serif',
  };
  return {
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    scales: {
      x: { time: true, range: () => timeRange(...cycleExtent()) },
      y: { range: [0, 100] },
    },
    axes: [
      { ...axis, space: 70 },
      { ...axis, size: 40, values: (_plot, ticks) => ticks.map((tick) => String(tick)) },
    ],
    series: [
      {},
      line('CCI', seriesColours.customerCentricity, seriesDashes.customerCentricity),
      line('Alignment', seriesColours.alignment, seriesDashes.alignment),
      line('Target attainment', seriesColours.targetAttainment, seriesDashes.targetAttainment),
    ],
    hooks: {
      draw: [
        (plot) => {
          const time = viewedTime();
          if (time === null) return;
          const x = Math.round(plot.valToPos(time, 'x', true));
          const { top, height } = plot.bbox;
          const context = plot.ctx;
          context.save();
          context.strokeStyle = '#1f1d1a';
          context.globalAlpha = 0.45;
          context.lineWidth = 1.5 * devicePixelRatio;
          context.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
          context.beginPath();
          context.moveTo(x, top);
          context.lineTo(x, top + height);
          context.stroke();
          context.restore();
        },
      ],
    },
  };
}

function line(label: string, stroke: string, dash: number[]): uPlot.Series {
  return { label, stroke, width: 2.25, dash, spanGaps: true, points: { show: true, size: 6, fill: stroke } };
}

function describe(points: readonly MaturityPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'Indices over time: loading.';
  return (
    (points.length === 1
      ? `Indices of the one assessment cycle so far, ${formatDate(first.at)}. `
      : `Indices over ${points.length} assessment cycles, ${formatDate(first.at)} to ${formatDate(last.at)}. `) +
    `Latest: CCI ${formatIndex(last.customerCentricityIndex)}, alignment ${formatIndex(last.alignmentIndex)}, ` +
    `target attainment ${formatIndex(last.targetAttainment)}. The table below lists every cycle.`
  );
}

function PointsTable({ points }: { points: readonly MaturityPoint[] }) {
  return (
    <div class="visually-hidden">
      <table>
        <caption>Indices per assessment cycle</caption>
        <thead>
          <tr>
            <th scope="col">Period end</th>
            <th scope="col">CCI</th>
            <th scope="col">Alignment</th>
            <th scope="col">Target attainment</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.at}>
              <th scope="row">{formatDate(point.at)}</th>
              <td>{formatIndex(point.customerCentricityIndex)}</td>
              <td>{formatIndex(point.alignmentIndex)}</td>
              <td>{formatIndex(point.targetAttainment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
