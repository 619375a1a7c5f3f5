import { effectiveRatings } from '@app/domain';
import {
  ratingsForCaller,
  type OpenedAssessmentState,
  type RatingsForCaller,
  type RoleName,
} from '@app/application';
import type { Assessment, Rating } from './assessment.model';
import { RatingSource } from '../graphql/enums/enums';

/** The assessment's own fields; its ratings are mapped only when a query asks for them. */
export const toAssessment = (state: OpenedAssessmentState): Assessment => ({
  id: state.id,
  organizationId: state.organizationId,
  title: state.title,
  periodEnd: state.periodEnd,
  status: state.status,
  withdrawnAt: state.withdrawnAt,
  withdrawalReason: state.withdrawalReason,
  state,
});

type EffectiveRating = ReturnType<typeof effectiveRatings>[number];

/** The effective ratings a caller with these roles may read, and the rater groups withheld from it. */
export const ratingsFor = (
  state: OpenedAssessmentState,
  roles: readonly RoleName[],
): RatingsForCaller<EffectiveRating> => ratingsForCaller(roles, effectiveRatings(state));

export const toRatings = (ratings: readonly EffectiveRating[]): Rating[] =>
  ratings.map((rating) => ({
    functionId: rating.functionId,
    capabilityId: rating.capabilityId,
    level: rating.level,
    source: RatingSource[rating.source],
    raterFunctionId: rating.raterFunctionId,
    evidence: rating.evidence,
    evidenceErased: rating.evidenceErased,
    respondentId: rating.respondentId,
    correction: rating.correction,
  }));

/** How many effective ratings it holds: the latest per function, capability, source, rater and respondent. */
export const ratingCountOf = (state: OpenedAssessmentState): number => state.ratings.byKey.size;
