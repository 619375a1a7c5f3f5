// The rules every rating obeys, however it arrives: recorded or corrected by an assessor, or
// answered by an invited rater (the campaign's answers are ordinary ratings).
import {
  RATING_SOURCES,
  requireCapability,
  requireLevel,
  requireModelVersion,
  type RatingSource,
} from '../maturity-model';
import {
  requireFunction,
  requireFunctionInPlace,
  requireOrganization,
  type Organization,
} from '../organization';
import {
  conflict,
  invalidInput,
  optionalText,
  requireOneOf,
  requireSlug,
  TEXT_FIELDS,
  withinField,
} from '../shared';
import type { RatingOfCell } from './assessment-ratings';
import type { AssessmentContext } from './assessment.commands';
import { ASSESSMENT_ERROR_CODES } from './assessment.errors';
import type { RatingRecorded } from './assessment.events';
import type { AssessmentState, OpenedAssessment } from './assessment.state';

export type RatingInput = {
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId?: string | null;
  respondentId?: string | null;
};

/** A rating that passed every rule. */
export type ValidRating = RatingOfCell;

/**
 * A withdrawn assessment takes no command at all (no rating, correction, invitation or answer):
 * it counts nowhere, for good.
 */
export function requireNotWithdrawn(
  state: Exclude<AssessmentState, { status: 'NONE' }>,
): asserts state is OpenedAssessment & { status: 'OPEN' | 'CLOSED' } {
  if (state.status === 'WITHDRAWN') {
    throw conflict(
      `assessmentId: assessment "${state.id}" was withdrawn on ${state.withdrawnAt ?? ''}; it takes no more ratings, corrections or invitations`,
      ASSESSMENT_ERROR_CODES.withdrawn,
      'assessmentId',
    );
  }
}

/** Ratings are recorded into an OPEN assessment only; a CLOSED one changes through corrections. */
export function requireOpen(
  state: Exclude<AssessmentState, { status: 'NONE' }>,
): asserts state is OpenedAssessment & { status: 'OPEN' } {
  requireNotWithdrawn(state);
  if (state.status === 'CLOSED') {
    throw conflict(
      `assessmentId: assessment "${state.id}" is CLOSED; change it with correctRating and a reason`,
      ASSESSMENT_ERROR_CODES.closed,
      'assessmentId',
    );
  }
}

/** The checks shared by recording and correcting, in the order of the GraphQL input's fields. */
export function validateRating(
  input: RatingInput,
  assessment: OpenedAssessment,
  context: AssessmentContext,
): ValidRating {
  const organization = requireOrganization(context.organization, 'organizationId', assessment.organizationId);
  const model = requireModelVersion(context.model, assessment.modelId, assessment.modelVersion);
  const functionId = requireFunction(organization, 'functionId', input.functionId).id;
  const capabilityId = requireCapability(model, 'capabilityId', input.capabilityId).id;
  const level = requireLevel(model, 'level', input.level);
  const source = requireOneOf('source', input.source, RATING_SOURCES);
  const raterFunctionId = validateRater(organization, source, [functionId], input.raterFunctionId);
  const respondentId =
    input.respondentId === undefined || input.respondentId === null
      ? null
      : requireSlug('respondentId', input.respondentId);
  return { functionId, capabilityId, level, source, raterFunctionId, respondentId };
}

/** A rating recorded into an open assessment, with its evidence. */
export function recordedRating(
  input: RatingInput & { evidence?: string | null },
  assessment: Exclude<AssessmentState, { status: 'NONE' }>,
  context: AssessmentContext,
): RatingRecorded {
  requireOpen(assessment);
  const rating = validateRating(input, assessment, context);
  // A new rating names functions in place at the end of the period it describes (a later retirement
  // leaves it counting in the views before it); a correction of recorded history may name a retired one.
  const organization = requireOrganization(context.organization, 'organizationId', assessment.organizationId);
  const { periodEnd } = assessment;
  requireFunctionInPlace(organization, 'functionId', rating.functionId, periodEnd);
  if (rating.raterFunctionId !== null)
    requireFunctionInPlace(organization, 'raterFunctionId', rating.raterFunctionId, periodEnd);
  const evidence = optionalText('evidence', input.evidence, TEXT_FIELDS.evidence);
  return {
    type: 'RatingRecorded',
    data: { assessmentId: assessment.id, organizationId: assessment.organizationId, ...rating, evidence },
  };
}

/** At most this many ratings in one call: a paper-form import of a large organisation fits. */
export const MAX_RATINGS_PER_CALL = 5000;

/**
 * Many ratings recorded at once, each by the rule of one (a refusal names it: `ratings[3].level`),
 * all or none. Each is decided against the assessment as it stands, as separate calls would be.
 */
export function recordedRatings(
  ratings: readonly (RatingInput & { evidence?: string | null })[],
  assessment: Exclude<AssessmentState, { status: 'NONE' }>,
  context: AssessmentContext,
): RatingRecorded[] {
  requireOpen(assessment);
  if (ratings.length === 0) {
    throw invalidInput('ratings', 'ratings must hold at least one rating', ASSESSMENT_ERROR_CODES.noRatings);
  }
  if (ratings.length > MAX_RATINGS_PER_CALL) {
    throw invalidInput(
      'ratings',
      `ratings must hold at most ${MAX_RATINGS_PER_CALL} ratings per call (got ${ratings.length}); record the others in another call`,
      ASSESSMENT_ERROR_CODES.tooManyRatings,
    );
  }
  return ratings.map((rating, index) =>
    withinField(`ratings[${index}]`, () => recordedRating(rating, assessment, context)),
  );
}

/**
 * A PEER rating names the function that gives it. Forms check it before sending (nothing to send
 * without it); validateRater checks it again with the rest.
 */
export function requirePeerRater(source: RatingSource, rater: string | null | undefined): void {
  if (source === 'PEER' && (rater === undefined || rater === null || rater === '')) {
    throw invalidInput(
      'raterFunctionId',
      'raterFunctionId is required for a PEER rating: name the function that gives it',
      ASSESSMENT_ERROR_CODES.raterRequired,
    );
  }
}

/**
 * The rater function: required for PEER (a function of the organisation other than those it
 * rates), refused for the other sources. Returns it, or null when the source has none.
 */
export function validateRater(
  organization: Organization,
  source: RatingSource,
  ratedFunctionIds: readonly string[],
  rater: string | null | undefined,
): string | null {
  const given = rater !== undefined && rater !== null && rater !== '';
  if (source !== 'PEER') {
    // Refused rather than dropped: a rater on a SELF or CUSTOMER rating is a client mistake worth saying.
    if (given) {
      throw invalidInput(
        'raterFunctionId',
        `raterFunctionId is only for PEER ratings; leave it out for ${source}`,
        ASSESSMENT_ERROR_CODES.raterNotAllowed,
      );
    }
    return null;
  }
  requirePeerRater(source, rater);
  const raterFunctionId = requireFunction(organization, 'raterFunctionId', rater).id;
  if (ratedFunctionIds.includes(raterFunctionId)) {
    throw invalidInput(
      'raterFunctionId',
      `raterFunctionId must differ from the function rated ("${raterFunctionId}"): a function rating itself is a SELF rating`,
      ASSESSMENT_ERROR_CODES.selfPeerRating,
    );
  }
  return raterFunctionId;
}
