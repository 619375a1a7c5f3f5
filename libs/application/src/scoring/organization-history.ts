// One organisation's history from its rows of the organisation index, kept so it can be read as
// known at any transaction time: its structure, and each assessment's rating events with the time
// they were recorded. Rows only ever arrive at the end (the index is append-only), so a history is
// extended with the rows after the last position it holds, never read again from the start.
// Which ratings count is the assessment's own rule (foldAssessmentRatings), the very one its
// aggregate applies.
import {
  type AssessmentEvent,
  type AssessmentRatings,
  type OrganizationEvent,
  type OrganizationState,
  type RatingEvent,
  evolveOrganization,
  foldAssessmentRatings,
  initialOrganizationState,
  noRatings,
  type StillOpenAssessment,
} from '@app/domain';
import type { IndexedEvent } from '@app/projections';
import { toDomainEvent } from '../streams/stream-state-loader';

interface RecordedAssessment {
  assessmentId: string;
  title: string;
  periodEnd: string;
  /** Store position of AssessmentOpened: the recording order that breaks periodEnd ties. */
  sequence: number;
  openedAt: number;
  /** When AssessmentClosed was recorded (epoch milliseconds); null while it is open. */
  closedAt: number | null;
  /** Its rating events in recording order, and when each was recorded (epoch milliseconds). */
  ratingEvents: RatingEvent[];
  ratingRecordedAt: number[];
  /** The latest of ratingRecordedAt (recording times need not rise with positions across processes). */
  lastRatingRecordedAt: number;
  /** When its withdrawal was recorded (epoch milliseconds); null while it is not withdrawn. */
  withdrawnAt: number | null;
  /** The ratings in force after every rating event so far; dropped when another arrives. */
  allRatings: AssessmentRatings | null;
}

/** The organisation and its assessments' ratings in force, as known at one instant. */
export interface KnownHistory {
  organization: OrganizationState;
  /** In opening order. */
  assessments: AssessmentRatings[];
  /** The assessments opened and not yet closed as known then, in opening order. */
  openAssessments: StillOpenAssessment[];
}

/**
 * Whether an assessment counts as known at `knownAt`: opened by then, and not withdrawn by then. A
 * withdrawn assessment counts nowhere from the moment its withdrawal was recorded; before it, it
 * counted (that was what was known).
 */
function countsAt(assessment: RecordedAssessment, knownAt: number | null): boolean {
  if (knownAt !== null && assessment.openedAt > knownAt) return false;
  return assessment.withdrawnAt === null || (knownAt !== null && assessment.withdrawnAt > knownAt);
}

export class OrganizationHistory {
  /** The position of the last event it holds; rows after it are the ones still to add. */
  lastPosition = 0;
  /** Rating events held: what a cache of histories counts against its budget. */
  ratingEventCount = 0;
  private readonly organizationEvents: { event: OrganizationEvent; recordedAt: number }[] = [];
  private lastOrganizationRecordedAt = -Infinity;
  private readonly assessments = new Map<string, RecordedAssessment>();
  private currentOrganization: OrganizationState | null = null;

  /** Adds the index's next events, in position order (those at or before lastPosition are ignored). */
  add(events: readonly IndexedEvent[]): this {
    for (const indexed of events) {
      if (indexed.position <= this.lastPosition) continue;
      this.lastPosition = indexed.position;
      // Investments are in the index too; they do not enter maturity.
      const event = toDomainEvent<OrganizationEvent | AssessmentEvent>(indexed);
      switch (event.type) {
        case 'OrganizationRegistered':
        case 'FunctionAdded':
        case 'FunctionUpdated':
        case 'FunctionRetired':
        case 'FunctionsLinked':
        case 'FunctionsUnlinked':
        case 'TargetSet':
        case 'TargetCleared':
          this.organizationEvents.push({ event, recordedAt: indexed.recordedAt });
          this.lastOrganizationRecordedAt = Math.max(this.lastOrganizationRecordedAt, indexed.recordedAt);
          this.currentOrganization = null;
          break;
        case 'AssessmentOpened':
          this.assessments.set(indexed.stream, {
            assessmentId: event.data.assessmentId,
            title: event.data.title,
            periodEnd: event.data.periodEnd,
            sequence: indexed.position,
            openedAt: indexed.recordedAt,
            closedAt: null,
            ratingEvents: [],
            ratingRecordedAt: [],
            lastRatingRecordedAt: -Infinity,
            withdrawnAt: null,
            allRatings: null,
          });
          break;
        case 'RatingRecorded':
        case 'RatingCorrected': {
          const assessment = this.assessments.get(indexed.stream);
          if (assessment === undefined) break;
          assessment.ratingEvents.push(event);
          assessment.ratingRecordedAt.push(indexed.recordedAt);
          assessment.lastRatingRecordedAt = Math.max(assessment.lastRatingRecordedAt, indexed.recordedAt);
          assessment.allRatings = null;
          this.ratingEventCount += 1;
          break;
        }
        case 'AssessmentWithdrawn': {
          const assessment = this.assessments.get(indexed.stream);
          if (assessment !== undefined) assessment.withdrawnAt = indexed.recordedAt;
          break;
        }
        case 'AssessmentClosed': {
          // Closing changes no rating; it ends the ratings' provisional standing.
          const assessment = this.assessments.get(indexed.stream);
          if (assessment !== undefined) assessment.closedAt = indexed.recordedAt;
          break;
        }
        case 'RaterInvited':
        case 'InvitationRevoked':
        case 'QuestionSetAside':
          // Invitations are not ratings (their answers are), nor is a question set aside ("Not sure").
          break;
      }
    }
    return this;
  }

  /** What was known at `knownAt` (epoch milliseconds; null: everything held). */
  knownAt(knownAt: number | null): KnownHistory {
    const steps = this.knownAtStepByStep(knownAt);
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    return step.value;
  }

  /**
   * `knownAt`, pausing after each assessment whose ratings had to be folded from its events (those
   * kept from an earlier read are not), so a caller can serve other work between the folds of a
   * long history.
   */
  *knownAtStepByStep(knownAt: number | null): Generator<void, KnownHistory> {
    const counted = [...this.assessments.values()].filter((assessment) => countsAt(assessment, knownAt));
    const organization = this.organizationKnownAt(knownAt);
    const assessments: AssessmentRatings[] = [];
    for (const assessment of counted) {
      const kept = this.keptRatings(assessment, knownAt);
      if (kept !== null) {
        assessments.push(kept);
        continue;
      }
      assessments.push(this.foldRatings(assessment, knownAt));
      yield;
    }
    return {
      organization,
      assessments,
      openAssessments: counted
        .filter(({ closedAt }) => closedAt === null || (knownAt !== null && closedAt > knownAt))
        .map(({ assessmentId, title, periodEnd }) => ({ assessmentId, title, periodEnd })),
    };
  }

  private organizationKnownAt(knownAt: number | null): OrganizationState {
    const everything = knownAt === null || this.lastOrganizationRecordedAt <= knownAt;
    if (everything && this.currentOrganization !== null) return this.currentOrganization;
    let organization = initialOrganizationState();
    for (const { event, recordedAt } of this.organizationEvents) {
      if (knownAt !== null && recordedAt > knownAt) continue;
      organization = evolveOrganization(organization, event);
    }
    if (everything) this.currentOrganization = organization;
    return organization;
  }

  /** The ratings in force after all its events, when they are kept and all count at `knownAt`. */
  private keptRatings(assessment: RecordedAssessment, knownAt: number | null): AssessmentRatings | null {
    const everything = knownAt === null || assessment.lastRatingRecordedAt <= knownAt;
    return everything ? assessment.allRatings : null;
  }

  private foldRatings(assessment: RecordedAssessment, knownAt: number | null): AssessmentRatings {
    const everything = knownAt === null || assessment.lastRatingRecordedAt <= knownAt;
    const events = everything
      ? assessment.ratingEvents
      : assessment.ratingEvents.filter(
          (_, index) => (assessment.ratingRecordedAt[index] ?? Infinity) <= knownAt,
        );
    const ratings: AssessmentRatings = {
      assessmentId: assessment.assessmentId,
      periodEnd: assessment.periodEnd,
      sequence: assessment.sequence,
      ratings: [...foldAssessmentRatings(noRatings(), events).byKey.values()],
    };
    if (everything) assessment.allRatings = ratings;
    return ratings;
  }
}
