// A uPlot chart that fills its container's width. The chart is rebuilt when `options` changes
// (keep it memoised) and only re-fed when `data` changes; `redrawKey` asks for a repaint when
// something a draw hook reads has moved.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface UplotChartProps {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  label: string;
  redrawKey?: string;
}

export function UplotChart({ options, data, height, label, redrawKey }: UplotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);
  latestData.current = data;

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const plot = new uPlot(
      { ...options, width: Math.max(element.clientWidth, 200), height },
      latestData.current,
      element,
    );
    chart.current = plot;
    const observer = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, 200);
      if (width !== plot.width) plot.setSize({ width, height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  useEffect(() => {
    chart.current?.redraw(false);
  }, [redrawKey]);

  return (
    <div ref={container} class="chart" style={{ height: `${height}px` }} role="img" aria-label={label} />
  );
}

/** Chart colours: Okabe and Ito's palette, readable with the common colour-vision deficiencies. */
export const seriesColours = {
  customerCentricity: '#0072b2',
  alignment: '#d55e00',
  targetAttainment: '#009e73',
} as const;

/** Each series also has its own dash, so the lines differ without colour. */
export const seriesDashes = {
  customerCentricity: [] as number[],
  alignment: [7, 4],
  targetAttainment: [2, 3],
};

export function cssVariable(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}
