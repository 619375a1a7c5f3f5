import { answerKey } from '../campaign/campaign-progress';
import { evolveInvitations, NO_INVITATIONS, type Invitations } from '../campaign/invitations';
import { PersistentMap } from '../shared/persistent-map';
import type { AssessmentEvent } from './assessment.events';
import { foldAssessmentRatings, noRatings, type RatingsInForce } from './assessment-ratings';

export type OpenedAssessment = {
  id: string;
  organizationId: string;
  title: string;
  periodEnd: string;
  modelId: string;
  modelVersion: number;
  openedAt: string;
  closedAt: string | null;
  /** ISO-8601; null unless withdrawn. */
  withdrawnAt: string | null;
  /** Why it was withdrawn; null unless withdrawn. */
  withdrawalReason: string | null;
  /** The ratings in force; read them through effectiveRatings for a stable order. */
  ratings: RatingsInForce;
  /** The raters invited to answer, by invitation id. */
  invitations: Invitations;
  /**
   * The questions raters chose "Not sure" on, by the answerKey of their cell (so a person's new link
   * finds them, as it finds their answers), with when. One that has an answer in force is answered:
   * the answer superseded it (see notSureOf).
   */
  setAside: PersistentMap<string, string>;
};

/** WITHDRAWN is final: the assessment counts nowhere and takes no more commands. */
export type AssessmentStatus = 'OPEN' | 'CLOSED' | 'WITHDRAWN';

export type AssessmentState = { status: 'NONE' } | ({ status: AssessmentStatus } & OpenedAssessment);

export const initialAssessmentState = (): AssessmentState => ({ status: 'NONE' });

export function evolveAssessment(state: AssessmentState, event: AssessmentEvent): AssessmentState {
  if (event.type === 'AssessmentOpened') {
    const { assessmentId, organizationId, title, periodEnd, modelId, modelVersion, openedAt } = event.data;
    return {
      status: 'OPEN',
      id: assessmentId,
      organizationId,
      title,
      periodEnd,
      modelId,
      modelVersion,
      openedAt,
      closedAt: null,
      withdrawnAt: null,
      withdrawalReason: null,
      ratings: noRatings(),
      invitations: NO_INVITATIONS,
      setAside: new PersistentMap(),
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'RatingRecorded':
    case 'RatingCorrected':
      return { ...state, ratings: foldAssessmentRatings(state.ratings, [event]) };
    case 'AssessmentClosed':
      return { ...state, status: 'CLOSED', closedAt: event.data.closedAt };
    case 'AssessmentWithdrawn':
      return {
        ...state,
        status: 'WITHDRAWN',
        withdrawnAt: event.data.withdrawnAt,
        withdrawalReason: event.data.reason,
      };
    case 'RaterInvited':
    case 'InvitationRevoked':
      return { ...state, invitations: evolveInvitations(state.invitations, event) };
    case 'QuestionSetAside': {
      const invitation = state.invitations.get(event.data.invitationId);
      if (invitation === undefined) return state;
      return {
        ...state,
        setAside: state.setAside.withEntries([[answerKey(invitation, event.data), event.data.setAsideAt]]),
      };
    }
  }
}
