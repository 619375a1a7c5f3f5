// How far a campaign has come: per invitation, the distinct cells its respondent has answered
// out of those it still asks about (answered / expected), those set aside as "Not sure" (notSure),
// and the sums by function and overall.
import type { RatingsInForce } from '../assessment/assessment-ratings';
import { ratingKey } from '../assessment/assessment-ratings';
import type { Invitation, Invitations } from './invitations';
import { askedCells } from './invitations';

export interface FunctionProgress {
  functionId: string;
  answered: number;
  notSure: number;
  expected: number;
}

/** What raters have said in an assessment: the ratings in force, and the questions set aside. */
export interface CampaignAnswers {
  ratings: RatingsInForce;
  /** The answerKeys of the cells set aside ("Not sure"); one with a rating in force is answered. */
  setAside: { has(key: string): boolean };
}

export interface InvitationProgress {
  /** Distinct cells asked with a rating in force from its source, rater and respondent. */
  answered: number;
  /** Distinct cells asked that its respondent set aside ("Not sure") and has not answered since. */
  notSure: number;
  /** The cells it still asks about: |functionIds| x |capabilityIds|, less a retired function's. */
  expected: number;
  byFunction: FunctionProgress[];
}

export interface CampaignProgressSummary {
  /** Invitations not revoked that still ask something (see askedCells). */
  invited: number;
  /** Of those, the ones with at least one answer. */
  started: number;
  /** Of those, the ones with every question answered. */
  completed: number;
  /** Of those, the ones with every question answered or set aside: nothing left to ask. */
  finished: number;
  answered: number;
  notSure: number;
  expected: number;
  /** Per function rated, in the order given (the organisation's), functions no invitation rates left out. */
  byFunction: FunctionProgress[];
}

/**
 * An invitation's answers are the ratings in force of its respondent with its source and rater:
 * a rating recorded for that person by an assessor counts too, and a person invited again (after
 * a revocation) finds their earlier answers. Only the cells it still asks about count (askedCells):
 * a function retired as of the end of the period rated (`retired`) drops out of both figures.
 */
export function invitationProgress(
  invitation: Invitation,
  { ratings, setAside }: CampaignAnswers,
  retired: ReadonlySet<string>,
): InvitationProgress {
  const cells = askedCells(invitation, retired);
  const askedFunctions = new Set(cells.map((cell) => cell.functionId));
  const byFunction = new Map<string, FunctionProgress>(
    invitation.functionIds
      .filter((functionId) => askedFunctions.has(functionId))
      .map((functionId) => [
        functionId,
        { functionId, answered: 0, notSure: 0, expected: invitation.capabilityIds.length },
      ]),
  );
  let answered = 0;
  let notSure = 0;
  for (const cell of cells) {
    const key = answerKey(invitation, cell);
    const progress = byFunction.get(cell.functionId);
    if (ratings.byKey.has(key)) {
      answered += 1;
      if (progress) progress.answered += 1;
    } else if (setAside.has(key)) {
      notSure += 1;
      if (progress) progress.notSure += 1;
    }
  }
  return { answered, notSure, expected: cells.length, byFunction: [...byFunction.values()] };
}

/** Every question asked has an answer or was set aside: nothing is left to ask this rater. */
export const isFinished = (progress: Pick<InvitationProgress, 'answered' | 'notSure' | 'expected'>) =>
  progress.answered + progress.notSure === progress.expected;

/** The rating key an invitation's answer to a cell is recorded under. */
export const answerKey = (
  invitation: Invitation,
  cell: { functionId: string; capabilityId: string },
): string =>
  ratingKey({
    ...cell,
    source: invitation.source,
    raterFunctionId: invitation.raterFunctionId,
    respondentId: invitation.respondentId,
  });

export function campaignProgress(
  invitations: Invitations,
  answers: CampaignAnswers,
  functionOrder: readonly string[],
  retired: ReadonlySet<string>,
): CampaignProgressSummary {
  const summary = { invited: 0, started: 0, completed: 0, finished: 0, answered: 0, notSure: 0, expected: 0 };
  const byFunction = new Map<string, FunctionProgress>();
  for (const invitation of invitations.values()) {
    if (invitation.revokedAt !== null) continue;
    const progress = invitationProgress(invitation, answers, retired);
    // Asks nothing any more (what it rates, or the function it rates from, retired): as if revoked.
    if (progress.expected === 0) continue;
    summary.invited += 1;
    if (progress.answered > 0) summary.started += 1;
    if (progress.answered === progress.expected) summary.completed += 1;
    if (isFinished(progress)) summary.finished += 1;
    summary.answered += progress.answered;
    summary.notSure += progress.notSure;
    summary.expected += progress.expected;
    for (const { functionId, answered, notSure, expected } of progress.byFunction) {
      const total = byFunction.get(functionId) ?? { functionId, answered: 0, notSure: 0, expected: 0 };
      total.answered += answered;
      total.notSure += notSure;
      total.expected += expected;
      byFunction.set(functionId, total);
    }
  }
  const rank = (functionId: string) => {
    const position = functionOrder.indexOf(functionId);
    return position === -1 ? functionOrder.length : position;
  };
  return {
    ...summary,
    byFunction: [...byFunction.values()].sort(
      (left, right) =>
        rank(left.functionId) - rank(right.functionId) || left.functionId.localeCompare(right.functionId),
    ),
  };
}
