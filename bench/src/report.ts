// Formatting for `npm run bench`: aligned text tables, the machine the figures come from, and the
// goals of issue 10 checked against the measured figures.
import os from 'node:os';

export interface Machine {
  cores: number;
  cpu_model: string;
  node: string;
  platform: string;
  memory_gb: number;
  /** os.loadavg() (1, 5, 15 minutes) when the run started and when it ended. */
  load_average_start: number[];
  load_average_end: number[] | null;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu_model: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    load_average_start: loadAverage(),
    load_average_end: null,
  };
}

export const loadAverage = (): number[] => os.loadavg().map((value) => Math.round(value * 100) / 100);

/** Left-aligned first column, right-aligned figures. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('   ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** A thousands-separated integer, or a dash when there is no figure. */
export const count = (value: number | null | undefined): string =>
  value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-US');

export const milliseconds = (value: number | null | undefined): string =>
  value === null || value === undefined ? '-' : `${value.toFixed(value < 10 ? 2 : 1)} ms`;

export interface Goal {
  goal: string;
  /** The measured ratio: ours / the reference (a share of raw, or a multiple of the peer). */
  actual: number | null;
  target: number;
  met: boolean | null;
  /** What the ratio compares, as printed: "%" of a ceiling or "x" a peer; "ms" and "MiB" are upper bounds. */
  unit: '%' | 'x' | 'ms' | 'MiB';
}

/** A goal that is an upper bound (latency, memory): met when the measured figure stays under it. */
export function bound(name: string, measured: number | null, limit: number, unit: 'ms' | 'MiB'): Goal {
  const actual = measured === null ? null : Math.round(measured * 10) / 10;
  return { goal: name, actual, target: limit, met: actual === null ? null : actual < limit, unit };
}

export function goal(
  name: string,
  ours: number | null,
  reference: number | null,
  target: number,
  unit: '%' | 'x',
): Goal {
  const actual =
    ours === null || reference === null || reference === 0
      ? null
      : Math.round((ours / reference) * 1000) / 1000;
  return { goal: name, actual, target, met: actual === null ? null : actual >= target, unit };
}

export const ratio = (value: number | null, unit: Goal['unit']): string => {
  if (value === null) return '-';
  if (unit === '%') return `${Math.round(value * 100)}%`;
  if (unit === 'x') return `${value.toFixed(1)}x`;
  return `${value.toLocaleString('en-US')} ${unit}`;
};

export function goalsTable(goals: readonly Goal[]): string {
  return table(
    ['goal', 'target', 'measured', ''],
    goals.map((entry) => [
      entry.goal,
      `${entry.unit === 'ms' || entry.unit === 'MiB' ? '<' : '>='} ${ratio(entry.target, entry.unit)}`,
      ratio(entry.actual, entry.unit),
      entry.met === null ? 'not measured' : entry.met ? 'met' : 'MISSED',
    ]),
  );
}
