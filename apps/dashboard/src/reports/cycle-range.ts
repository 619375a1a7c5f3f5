// Which two dates "change since the previous cycle" compares: the last closed cycle before the one
// the viewed date falls in, and the viewed date itself. A cycle still open is provisional, so it is
// never the baseline while a closed one is there to compare with.
import type { MaturityPoint } from '../api/types';
import { formatDate, formatSigned, shownDifference } from '../shared/format';

/**
 * The two dates to compare: the last closed cycle before the viewed one (the cycle just before it
 * when none is closed), and the viewed date (or the latest cycle). Points in date order.
 */
export function cycleRange(
  points: readonly Pick<MaturityPoint, 'at' | 'provisional'>[],
  asOf: string | null,
): { from: string; to: string } | null {
  const viewed = asOf === null ? Infinity : Date.parse(asOf);
  const cycles = points.filter((point) => Date.parse(point.at) <= viewed);
  const current = cycles.at(-1);
  const earlier = cycles.slice(0, -1);
  const previous = earlier.findLast((point) => !point.provisional) ?? earlier.at(-1);
  if (current === undefined || previous === undefined) return null;
  return { from: previous.at, to: asOf ?? current.at };
}

/** The cycle the viewed indices are compared with (cycleRange's `from`): null with one cycle. */
export function baselineCycle<Point extends Pick<MaturityPoint, 'at' | 'provisional'>>(
  points: readonly Point[],
  asOf: string | null,
): Point | null {
  const range = cycleRange(points, asOf);
  return range === null ? null : (points.find((point) => point.at === range.from) ?? null);
}

/**
 * An index's change since the baseline cycle, as the Overview's cards and the board report say it:
 * "+1.9 since 30 Jun 2027", "(provisional)" when the viewed numbers include an open cycle.
 */
export function indexChangeText(
  value: number | null,
  before: number | null,
  since: string | null,
  provisional: boolean,
): string {
  if (value === null || before === null || since === null) return 'no earlier cycle';
  return `${formatSigned(shownDifference(before, value))} since ${formatDate(since)}${provisional ? ' (provisional)' : ''}`;
}
