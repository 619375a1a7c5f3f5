import { RATING_SOURCES } from '../maturity-model';
import type { EffectiveRating } from './assessment-ratings';
import type { AssessmentState } from './assessment.state';

const compareText = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

/**
 * The latest rating per (function, capability, source, rater), corrections included, ordered by
 * function, capability, source (SELF, PEER, CUSTOMER, AUDIT) and rater, whatever the recording order.
 */
export function effectiveRatings(state: AssessmentState): EffectiveRating[] {
  if (state.status === 'NONE') return [];
  return [...state.ratings.byKey.values()].sort(
    (left, right) =>
      compareText(left.functionId, right.functionId) ||
      compareText(left.capabilityId, right.capabilityId) ||
      RATING_SOURCES.indexOf(left.source) - RATING_SOURCES.indexOf(right.source) ||
      compareText(left.raterFunctionId ?? '', right.raterFunctionId ?? ''),
  );
}
