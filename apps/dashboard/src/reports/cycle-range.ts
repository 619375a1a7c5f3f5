// Which two dates "change since the previous cycle" compares: the last closed cycle before the one
// the viewed date falls in, and the viewed date itself. A cycle still open is provisional, so it is
// never the baseline while a closed one is there to compare with.
import type { MaturityPoint } from '../api/types';

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
