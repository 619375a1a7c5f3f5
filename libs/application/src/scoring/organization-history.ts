// One organisation's history folded from its rows of the organisation index: its structure and
// each assessment's effective ratings, as far as the rows given reach (the caller has already
// left out events recorded after knownAt).
import {
  type AssessmentRating,
  type AssessmentRatings,
  type OrganizationEvent,
  type OrganizationState,
  evolveOrganization,
  initialOrganizationState,
  ratingKey,
  type RatingCorrectedData,
  type RatingRecordedData,
  type AssessmentOpenedData,
} from '@app/domain';
import type { IndexedEvent } from '@app/projections';

export interface AssessmentHistory {
  assessmentId: string;
  periodEnd: string;
  /** Store position of AssessmentOpened: the recording order that breaks periodEnd ties. */
  sequence: number;
  /** Latest rating per (function, capability, source, rater). */
  ratings: Map<string, AssessmentRating>;
}

export interface OrganizationHistory {
  organization: OrganizationState;
  /** In opening order. */
  assessments: AssessmentHistory[];
}

const ORGANIZATION_EVENT_TYPES = new Set([
  'OrganizationRegistered',
  'FunctionAdded',
  'FunctionUpdated',
  'FunctionsLinked',
  'FunctionsUnlinked',
  'TargetSet',
  'TargetCleared',
]);

export function foldOrganizationHistory(events: readonly IndexedEvent[]): OrganizationHistory {
  let organization = initialOrganizationState();
  const assessments = new Map<string, AssessmentHistory>();
  for (const event of events) {
    if (ORGANIZATION_EVENT_TYPES.has(event.type)) {
      organization = evolveOrganization(organization, {
        type: event.type,
        data: event.data,
      } as unknown as OrganizationEvent);
      continue;
    }
    switch (event.type) {
      case 'AssessmentOpened': {
        const data = event.data as unknown as AssessmentOpenedData;
        assessments.set(event.stream, {
          assessmentId: data.assessmentId,
          periodEnd: data.periodEnd,
          sequence: event.position,
          ratings: new Map(),
        });
        break;
      }
      case 'RatingRecorded': {
        const assessment = assessments.get(event.stream);
        if (assessment === undefined) break;
        const data = event.data as unknown as RatingRecordedData;
        assessment.ratings.set(ratingKey(data), ratingOf(data, data.evidence, data.evidenceErased === true));
        break;
      }
      case 'RatingCorrected': {
        const assessment = assessments.get(event.stream);
        if (assessment === undefined) break;
        const data = event.data as unknown as RatingCorrectedData;
        const key = ratingKey(data);
        // A correction keeps the evidence of the rating it supersedes (as the aggregate does).
        const superseded = assessment.ratings.get(key);
        assessment.ratings.set(
          key,
          ratingOf(data, superseded?.evidence ?? null, superseded?.evidenceErased === true),
        );
        break;
      }
      default:
        // Closing changes no rating; investments do not enter maturity.
        break;
    }
  }
  return { organization, assessments: [...assessments.values()] };
}

function ratingOf(
  data: RatingRecordedData | RatingCorrectedData,
  evidence: string | null | undefined,
  evidenceErased: boolean,
): AssessmentRating {
  return {
    functionId: data.functionId,
    capabilityId: data.capabilityId,
    level: data.level,
    source: data.source,
    raterFunctionId: data.raterFunctionId,
    evidence: evidence ?? null,
    evidenceErased,
  };
}

/** The scoring input of each assessment. */
export function assessmentRatingsOf(history: OrganizationHistory): AssessmentRatings[] {
  return history.assessments.map((assessment) => ({
    assessmentId: assessment.assessmentId,
    periodEnd: assessment.periodEnd,
    sequence: assessment.sequence,
    ratings: [...assessment.ratings.values()],
  }));
}
