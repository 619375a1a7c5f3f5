// An assessment opened with no rating in yet decides no cell: it changes no number, so it is not
// "the latest cycle" of any report or view. The numbers are those of the last cycle with ratings;
// the opened cycle is news to say, not a provisional figure. The dashboard, the api's files and the
// command line all ask these functions, so they agree.

/** An open assessment as the views include it: its period end and how many cells it decides. */
export interface OpenCycle {
  periodEnd: string;
  decidedCells: number;
}

/** A cycle of a timeline: the indices at a periodEnd, provisional when an open assessment is in. */
export interface TimelineCycle {
  at: string;
  provisional: boolean;
}

/** The open assessments with at least one rating in the numbers: these make them provisional. */
export const openCyclesWithRatings = <Open extends OpenCycle>(openAssessments: readonly Open[]): Open[] =>
  openAssessments.filter((open) => open.decidedCells > 0);

/** The open assessments with no rating in yet: opened, changing no number. */
export const openCyclesWithoutRatings = <Open extends OpenCycle>(openAssessments: readonly Open[]): Open[] =>
  openAssessments.filter((open) => open.decidedCells === 0);

/** Whether the numbers include an open cycle's ratings, and so may still change. */
export const includesOpenRatings = (openAssessments: readonly OpenCycle[]): boolean =>
  openCyclesWithRatings(openAssessments).length > 0;

/**
 * The cycles the numbers are of, points in date order: a provisional point at the end of the
 * timeline that comes only from open assessments with no rating yet repeats the cycle before it
 * under a later date, so it is left out. A closed cycle, or an open one with ratings, on the same
 * date stays. Only the end: an earlier open assessment also decides 0 cells once a later one
 * re-rates all its cells, yet its point had ratings of its own.
 */
export function cyclesWithRatings<Point extends TimelineCycle>(
  points: readonly Point[],
  openAssessments: readonly OpenCycle[],
): Point[] {
  const datesOf = (cycles: readonly OpenCycle[]) => new Set(cycles.map((open) => Date.parse(open.periodEnd)));
  const deciding = datesOf(openCyclesWithRatings(openAssessments));
  const empty = datesOf(openCyclesWithoutRatings(openAssessments));
  const opened = (point: Point): boolean => {
    const at = Date.parse(point.at);
    return point.provisional && empty.has(at) && !deciding.has(at);
  };
  return points.slice(0, points.findLastIndex((point) => !opened(point)) + 1);
}

/** The last cycle with ratings of a timeline in date order (null: none yet). */
export const latestCycleWithRatings = <Point extends TimelineCycle>(
  points: readonly Point[],
  openAssessments: readonly OpenCycle[],
): Point | null => cyclesWithRatings(points, openAssessments).at(-1) ?? null;
