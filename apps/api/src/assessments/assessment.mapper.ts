import { effectiveRatings } from '@app/domain';
import type { OpenedAssessmentState } from '@app/application';
import type { Assessment } from './assessment.model';
import { RatingSource } from '../graphql/enums/enums';

export const toAssessment = (state: OpenedAssessmentState): Assessment => ({
  id: state.id,
  organizationId: state.organizationId,
  title: state.title,
  periodEnd: state.periodEnd,
  status: state.status,
  withdrawnAt: state.withdrawnAt,
  withdrawalReason: state.withdrawalReason,
  ratings: effectiveRatings(state).map((rating) => ({
    functionId: rating.functionId,
    capabilityId: rating.capabilityId,
    level: rating.level,
    source: RatingSource[rating.source],
    raterFunctionId: rating.raterFunctionId,
    evidence: rating.evidence,
    evidenceErased: rating.evidenceErased,
    respondentId: rating.respondentId,
    correction: rating.correction,
  })),
});
