import type { RatingSource } from '../maturity-model';
import type { AssessmentEvent } from './assessment.events';

/** The rating in force for one (function, capability, source, rater): the latest recorded or corrected. */
export type EffectiveRating = {
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId: string | null;
  /** Evidence of the latest recording; a correction keeps it. */
  evidence: string | null;
  /** The evidence of the latest recording was erased (it reads null). */
  evidenceErased: boolean;
  /** Reason of the latest correction, null when never corrected. */
  correctionReason: string | null;
  /** Position of the superseding event among the assessment's rating events, from 0 (recording order). */
  sequence: number;
};

export type OpenedAssessment = {
  id: string;
  organizationId: string;
  title: string;
  periodEnd: string;
  modelId: string;
  modelVersion: number;
  openedAt: string;
  closedAt: string | null;
  /** Latest rating per ratingKey; read them through effectiveRatings for a stable order. */
  ratings: Record<string, EffectiveRating>;
  /** Rating events so far (recordings and corrections). */
  ratingEventCount: number;
};

export type AssessmentStatus = 'OPEN' | 'CLOSED';

export type AssessmentState = { status: 'NONE' } | ({ status: AssessmentStatus } & OpenedAssessment);

export const initialAssessmentState = (): AssessmentState => ({ status: 'NONE' });

export type RatingKeyParts = {
  functionId: string;
  capabilityId: string;
  source: RatingSource;
  raterFunctionId: string | null;
};

/** Identifies what a later rating supersedes. Slugs hold no '/', so the key is unambiguous. */
export const ratingKey = ({ functionId, capabilityId, source, raterFunctionId }: RatingKeyParts): string =>
  `${functionId}/${capabilityId}/${source}/${raterFunctionId ?? ''}`;

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
      ratings: {},
      ratingEventCount: 0,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'RatingRecorded': {
      const { functionId, capabilityId, level, source, raterFunctionId, evidence } = event.data;
      const rating = {
        functionId,
        capabilityId,
        level,
        source,
        raterFunctionId,
        evidence,
        evidenceErased: event.data.evidenceErased === true,
        correctionReason: null,
        sequence: state.ratingEventCount,
      };
      return withRating(state, rating);
    }
    case 'RatingCorrected': {
      const { functionId, capabilityId, level, source, raterFunctionId, reason } = event.data;
      const key = ratingKey(event.data);
      const rating = {
        functionId,
        capabilityId,
        level,
        source,
        raterFunctionId,
        evidence: state.ratings[key]?.evidence ?? null,
        evidenceErased: state.ratings[key]?.evidenceErased ?? false,
        correctionReason: reason,
        sequence: state.ratingEventCount,
      };
      return withRating(state, rating);
    }
    case 'AssessmentClosed':
      return { ...state, status: 'CLOSED', closedAt: event.data.closedAt };
  }
}

function withRating<State extends OpenedAssessment>(state: State, rating: EffectiveRating): State {
  return {
    ...state,
    ratings: { ...state.ratings, [ratingKey(rating)]: rating },
    ratingEventCount: state.ratingEventCount + 1,
  };
}
