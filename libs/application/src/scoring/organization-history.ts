// One organisation's history folded from its rows of the organisation index: its structure and
// each assessment's ratings in force, as far as the rows given reach (the caller has already left
// out events recorded after knownAt). Which ratings count is the assessment's own rule
// (foldAssessmentRatings), the very one its aggregate applies.
import {
  type AssessmentEvent,
  type AssessmentRatings,
  type OrganizationEvent,
  type OrganizationState,
  type RatingEvent,
  evolveOrganization,
  foldAssessmentRatings,
  initialOrganizationState,
  NO_RATINGS,
} from '@app/domain';
import type { IndexedEvent } from '@app/projections';
import { toDomainEvent } from '../streams/stream-state-loader';

export interface AssessmentHistory {
  assessmentId: string;
  periodEnd: string;
  /** Store position of AssessmentOpened: the recording order that breaks periodEnd ties. */
  sequence: number;
  /** Its rating events, in recording order. */
  ratingEvents: RatingEvent[];
}

export interface OrganizationHistory {
  organization: OrganizationState;
  /** In opening order. */
  assessments: AssessmentHistory[];
}

export function foldOrganizationHistory(events: readonly IndexedEvent[]): OrganizationHistory {
  let organization = initialOrganizationState();
  const assessments = new Map<string, AssessmentHistory>();
  for (const indexed of events) {
    // Investments are in the index too; they do not enter maturity.
    const event = toDomainEvent<OrganizationEvent | AssessmentEvent>(indexed);
    switch (event.type) {
      case 'OrganizationRegistered':
      case 'FunctionAdded':
      case 'FunctionUpdated':
      case 'FunctionsLinked':
      case 'FunctionsUnlinked':
      case 'TargetSet':
      case 'TargetCleared':
        organization = evolveOrganization(organization, event);
        break;
      case 'AssessmentOpened':
        assessments.set(indexed.stream, {
          assessmentId: event.data.assessmentId,
          periodEnd: event.data.periodEnd,
          sequence: indexed.position,
          ratingEvents: [],
        });
        break;
      case 'RatingRecorded':
      case 'RatingCorrected':
        assessments.get(indexed.stream)?.ratingEvents.push(event);
        break;
      case 'AssessmentClosed':
      case 'RaterInvited':
      case 'InvitationRevoked':
        // Closing changes no rating; invitations are not ratings (their answers are).
        break;
    }
  }
  return { organization, assessments: [...assessments.values()] };
}

/** The scoring input of each assessment: its ratings in force. */
export function assessmentRatingsOf(history: OrganizationHistory): AssessmentRatings[] {
  return history.assessments.map((assessment) => ({
    assessmentId: assessment.assessmentId,
    periodEnd: assessment.periodEnd,
    sequence: assessment.sequence,
    ratings: [...foldAssessmentRatings(NO_RATINGS, assessment.ratingEvents).byKey.values()],
  }));
}
