// What makes a number of the board report weak, said beside it: raters who disagree (the
// heatmap's rule and mark, agreement.ts), a level resting on a single rating, and how many of
// the invited raters answered the cycle (the api's campaign progress, as the Raters panel reads it).
import { type OpenCycle, openCyclesWithRatings } from '@app/domain/scoring/rated-cycles';
import type { FunctionScore, MaturityCell } from '../api/types';
import type { CampaignProgress } from '../campaigns/campaigns.operations';
import { DISAGREEMENT_GLYPH, DISAGREEMENT_MEANING, disagrees, formatAgreement } from '../heatmap/agreement';
import { formatCount, formatShare } from '../shared/format';

/** The mark of a level that rests on one rating. */
export const SINGLE_RATING_GLYPH = '¹';

/** What the mark means, in the note that counts it. */
export const SINGLE_RATING_MEANING = 'single rating: the level rests on one rating alone';

/**
 * A level that rests on one rating: one person's answer, or one view the office recorded, with no
 * second rating to weigh it against and no agreement to measure.
 */
export function restsOnOneRating(cell: Pick<MaturityCell, 'level' | 'ratingCount'> | undefined): boolean {
  return cell?.level != null && cell.ratingCount === 1;
}

/** The figures of a cycle's campaign (campaignProgress), its assessments' added up. */
export type CycleResponse = Pick<
  CampaignProgress,
  'invited' | 'started' | 'finished' | 'answered' | 'notSure' | 'expected'
>;

export function addProgress(progress: readonly CycleResponse[]): CycleResponse {
  const total = { invited: 0, started: 0, finished: 0, answered: 0, notSure: 0, expected: 0 };
  for (const each of progress) {
    total.invited += each.invited;
    total.started += each.started;
    total.finished += each.finished;
    total.answered += each.answered;
    total.notSure += each.notSure;
    total.expected += each.expected;
  }
  return total;
}

/**
 * "163 of 187 answers (87%), 3 not sure · 8 of 10 raters finished, 1 gave no answer": the response
 * behind the numbers in the api's words (finished: every question answered or set aside as "Not
 * sure"). Null when nobody was invited by link (the office recorded the ratings).
 */
export function responseText(response: CycleResponse): string | null {
  if (response.invited === 0) return null;
  const silent = response.invited - response.started;
  const answers = `${formatCount(response.answered)} of ${formatCount(response.expected)} ${
    response.expected === 1 ? 'answer' : 'answers'
  } (${formatShare(response.answered, response.expected)})${
    response.notSure > 0 ? `, ${formatCount(response.notSure)} not sure` : ''
  }`;
  const raters = `${formatCount(response.finished)} of ${formatCount(response.invited)} ${
    response.invited === 1 ? 'rater' : 'raters'
  } finished${silent > 0 ? `, ${formatCount(silent)} gave no answer` : ''}`;
  return `${answers} · ${raters}`;
}

/**
 * The footnotes under the heatmap: what each mark means and how many cells carry it, and the
 * functions whose raters disagree over their capabilities (r_wg(J)). Nothing when no cell or
 * function is weak, so a mark is explained exactly when it is on the page.
 */
export function weaknessNotes(
  cells: readonly Pick<MaturityCell, 'level' | 'ratingCount' | 'agreement'>[],
  functionScores: readonly Pick<FunctionScore, 'functionId' | 'agreement'>[],
  nameOf: (functionId: string) => string,
): string[] {
  const rated = cells.filter((cell) => cell.level != null).length;
  const notes: string[] = [];
  const disagreeing = cells.filter((cell) => disagrees(cell.agreement)).length;
  const functions = functionScores
    .filter((score) => disagrees(score.agreement))
    .map((score) => `${nameOf(score.functionId)} ${formatAgreement(score.agreement)}`);
  if (disagreeing > 0 || functions.length > 0)
    notes.push(
      `${DISAGREEMENT_GLYPH} ${DISAGREEMENT_MEANING}: ${formatCount(disagreeing)} of ${formatCount(rated)} ${
        rated === 1 ? 'cell' : 'cells'
      }${
        functions.length > 0 ? `; over all capabilities, ${functions.join(', ')}` : ''
      }. Discuss these before trusting their levels.`,
    );
  const single = cells.filter((cell) => restsOnOneRating(cell)).length;
  if (single > 0)
    notes.push(
      `${SINGLE_RATING_GLYPH} ${SINGLE_RATING_MEANING}: ${formatCount(single)} of ${formatCount(rated)} ${
        rated === 1 ? 'cell' : 'cells'
      }.`,
    );
  return notes;
}

/**
 * The assessments of the cycle a report is of (its latest point, at `at`): those with that period
 * end, not withdrawn; an open one only when its ratings are in the numbers (decidedCells > 0).
 */
export function cycleAssessments<Assessment extends { id: string; periodEnd: string; status: string }>(
  assessments: readonly Assessment[],
  at: string,
  openAssessments: readonly (OpenCycle & { assessmentId: string })[],
): Assessment[] {
  const deciding = new Set(openCyclesWithRatings(openAssessments).map((open) => open.assessmentId));
  return assessments.filter(
    (assessment) =>
      Date.parse(assessment.periodEnd) === Date.parse(at) &&
      (assessment.status === 'CLOSED' || (assessment.status === 'OPEN' && deciding.has(assessment.id))),
  );
}
