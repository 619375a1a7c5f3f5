// The chart's time axis: a little room either side of the cycles, and with one cycle a quarter
// either side so the lone point sits in the middle (uPlot would otherwise run the axis years on).

/** A quarter of a year, in seconds: the room either side of a lone cycle. */
const QUARTER_SECONDS = 91 * 24 * 60 * 60;

/** [min, max] in seconds for cycles from `first` to `last` (seconds); null when there is none. */
export function timeRange(first: number | null, last: number | null): [number, number] | [null, null] {
  if (first === null || last === null) return [null, null];
  const room = last > first ? (last - first) * 0.04 : QUARTER_SECONDS;
  return [first - room, last + room];
}
