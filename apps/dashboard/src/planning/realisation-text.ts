// How a realisation reads wherever it is shown (the planner's chart, the board report): one
// wording for the ratio, the assessment that measured it and the figure not yet there.
import { formatDate } from '../shared/format';
import type { Realisation } from './planning.operations';

export type Measurement = NonNullable<Realisation['measuredBy']>;

/** "73%", or a dash when there is no ratio (nothing measured yet, or nothing predicted). */
export const ratioText = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);

/** "2026 Q3 review (30 Sep 2026, closed)". */
export const measurementName = (measurement: Measurement) =>
  `${measurement.title} (${formatDate(measurement.periodEnd)}, ${measurement.open ? 'still open' : 'closed'})`;

/** What stands in for the actual figure before there is one, in a few words. */
export const pendingShort = (realisation: Realisation) =>
  realisation.measurable ? `due from ${formatDate(realisation.dueFrom)}` : 'never: no baseline';

/**
 * The measurement a report as of `asOf` shows: the latest assessment after the lag whose period
 * ended by then (all of them when asOf is null); null when none had yet.
 */
export function measurementAsOf(realisation: Realisation, asOf: string | null): Measurement | null {
  const limit = asOf === null ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  return (
    realisation.measurements.filter((measurement) => Date.parse(measurement.periodEnd) <= limit).at(-1) ??
    null
  );
}
