// Which ratings stand behind a heatmap cell: for the date being viewed, the most recent assessment
// (by period end, then by the order the api lists them) that rates the cell, and its ratings. The
// assessments are read one at a time as a cell needs them, never every rating of the history.
import type { Assessment, AssessmentSummary, Rating, WithheldRatings } from '../api/types';

export interface CellRatings {
  assessment: Pick<Assessment, 'id' | 'title' | 'periodEnd'>;
  ratings: Rating[];
  /** The cell's rater groups whose individual answers the api withholds from this reader. */
  withheld: WithheldRatings[];
}

export function cellKey(functionId: string, capabilityId: string): string {
  return `${functionId}:${capabilityId}`;
}

/**
 * The api's rule for a withdrawn assessment, as the heatmap's cells are scored: it counts nowhere
 * from its withdrawal on, and still counts as known at an earlier date.
 */
function countsAsKnownAt(
  assessment: Pick<AssessmentSummary, 'withdrawnAt'>,
  knownAt: string | null,
): boolean {
  if (assessment.withdrawnAt === null) return true;
  return knownAt !== null && Date.parse(assessment.withdrawnAt) > Date.parse(knownAt);
}

/**
 * The assessments that may decide a cell at the date viewed, the one tried first first: up to the
 * date, counted as known at it, by period end then the api's order, latest first.
 */
export function decidingOrder(
  assessments: readonly AssessmentSummary[],
  asOf: string | null,
  knownAt: string | null = null,
): AssessmentSummary[] {
  const limit = asOf === null ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  return assessments
    .filter((assessment) => countsAsKnownAt(assessment, knownAt))
    .map((assessment, order) => ({ assessment, order, time: Date.parse(assessment.periodEnd) }))
    .filter(({ time }) => time <= limit)
    .sort((a, b) => b.time - a.time || b.order - a.order)
    .map(({ assessment }) => assessment);
}

/**
 * A cell's ratings from the first assessment in deciding order that rates it, reading the loaded
 * ones; `waitingFor` names the first assessment not loaded yet that must be read before knowing.
 */
export function cellRatingsOf(
  candidates: readonly AssessmentSummary[],
  loaded: ReadonlyMap<string, Assessment>,
  functionId: string,
  capabilityId: string,
): { ratings: CellRatings | undefined; waitingFor: string | null } {
  for (const candidate of candidates) {
    const assessment = loaded.get(candidate.id);
    if (assessment === undefined) return { ratings: undefined, waitingFor: candidate.id };
    const inCell = (rating: { functionId: string; capabilityId: string }) =>
      rating.functionId === functionId && rating.capabilityId === capabilityId;
    const ratings = assessment.ratings.filter(inCell);
    // A cell whose every group is withheld is still rated by this assessment.
    const withheld = assessment.ratingsWithheld.filter(inCell);
    if (ratings.length > 0 || withheld.length > 0)
      return { ratings: { assessment, ratings, withheld }, waitingFor: null };
  }
  return { ratings: undefined, waitingFor: null };
}
