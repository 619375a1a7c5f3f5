import {
  RATING_SOURCES,
  requireCapability,
  requireLevel,
  requireModelVersion,
  type RatingSource,
} from '../maturity-model';
import { requireFunction, requireOrganization, type Organization } from '../organization';
import {
  conflict,
  type Decider,
  invalidInput,
  notFound,
  optionalText,
  requireIsoDate,
  requireOneOf,
  requireSlug,
  requireText,
  TEXT_FIELDS,
} from '../shared';
import type { AssessmentCommand, AssessmentContext, OpenAssessment } from './assessment.commands';
import { ASSESSMENT_ERROR_CODES } from './assessment.errors';
import type { AssessmentEvent } from './assessment.events';
import { ratingKey } from './assessment-ratings';
import {
  evolveAssessment,
  initialAssessmentState,
  type AssessmentState,
  type OpenedAssessment,
} from './assessment.state';

export function decideAssessment(
  command: AssessmentCommand,
  state: AssessmentState,
  context: AssessmentContext,
): AssessmentEvent[] {
  if (command.type === 'OpenAssessment') return open(command, state, context);
  if (state.status === 'NONE') {
    throw notFound(
      'assessmentId',
      'assessmentId: no such assessment has been opened',
      ASSESSMENT_ERROR_CODES.notFound,
    );
  }
  const ids = { assessmentId: state.id, organizationId: state.organizationId };
  switch (command.type) {
    case 'RecordRating': {
      if (state.status === 'CLOSED') {
        throw conflict(
          `assessmentId: assessment "${state.id}" is CLOSED; change it with correctRating and a reason`,
          ASSESSMENT_ERROR_CODES.closed,
          'assessmentId',
        );
      }
      const rating = validateRating(command.data, state, context);
      const evidence = optionalText('evidence', command.data.evidence, TEXT_FIELDS.evidence);
      return [{ type: 'RatingRecorded', data: { ...ids, ...rating, evidence } }];
    }
    case 'CloseAssessment': {
      if (state.status === 'CLOSED') {
        throw conflict(
          `assessmentId: assessment "${state.id}" is already CLOSED`,
          ASSESSMENT_ERROR_CODES.alreadyClosed,
          'assessmentId',
        );
      }
      return [{ type: 'AssessmentClosed', data: { ...ids, closedAt: context.now.toISOString() } }];
    }
    case 'CorrectRating': {
      // Allowed on OPEN too: a correction says why, which a plain re-recording does not.
      const rating = validateRating(command.data, state, context);
      const reason = requireText('reason', command.data.reason, TEXT_FIELDS.reason);
      const previousLevel = state.ratings.byKey.get(ratingKey(rating))?.level ?? null;
      if (rating.respondentId !== null && previousLevel === null) {
        // Without a respondent a correction may add a missed rating; a named person must have rated.
        throw notFound(
          'respondentId',
          `respondentId: respondent "${rating.respondentId}" has no ${rating.source} rating of ${rating.functionId} / ${rating.capabilityId}${rating.raterFunctionId === null ? '' : ` from ${rating.raterFunctionId}`} in assessment "${state.id}"`,
          ASSESSMENT_ERROR_CODES.respondentNotFound,
        );
      }
      return [
        {
          type: 'RatingCorrected',
          data: { ...ids, ...rating, reason, previousLevel, correctedAt: context.now.toISOString() },
        },
      ];
    }
  }
}

function open(
  command: OpenAssessment,
  state: AssessmentState,
  context: AssessmentContext,
): AssessmentEvent[] {
  const { data } = command;
  const assessmentId = requireSlug('assessmentId', data.assessmentId);
  if (state.status !== 'NONE') {
    throw conflict(
      `assessmentId: assessment "${assessmentId}" is already opened`,
      ASSESSMENT_ERROR_CODES.alreadyOpened,
      'assessmentId',
    );
  }
  const organizationId = requireSlug('organizationId', data.organizationId);
  const organization = requireOrganization(context.organization, 'organizationId', organizationId);
  const model = requireModelVersion(context.model, organization.modelId, organization.modelVersion);
  return [
    {
      type: 'AssessmentOpened',
      data: {
        assessmentId,
        organizationId,
        title: requireText('title', data.title, TEXT_FIELDS.name),
        periodEnd: requireIsoDate('periodEnd', data.periodEnd),
        modelId: model.id,
        modelVersion: model.version,
        openedAt: context.now.toISOString(),
      },
    },
  ];
}

type RatingInput = {
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId?: string | null;
  respondentId?: string | null;
};

type ValidRating = {
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId: string | null;
  respondentId: string | null;
};

/** The checks shared by recording and correcting, in the order of the GraphQL input's fields. */
function validateRating(
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
  const raterFunctionId = validateRater(organization, source, functionId, input.raterFunctionId);
  const respondentId =
    input.respondentId === undefined || input.respondentId === null
      ? null
      : requireSlug('respondentId', input.respondentId);
  return { functionId, capabilityId, level, source, raterFunctionId, respondentId };
}

function validateRater(
  organization: Organization,
  source: RatingSource,
  functionId: string,
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
  if (!given) {
    throw invalidInput(
      'raterFunctionId',
      'raterFunctionId is required for a PEER rating: name the function that gives it',
      ASSESSMENT_ERROR_CODES.raterRequired,
    );
  }
  const raterFunctionId = requireFunction(organization, 'raterFunctionId', rater).id;
  if (raterFunctionId === functionId) {
    throw invalidInput(
      'raterFunctionId',
      `raterFunctionId must differ from functionId: a function rating itself is a SELF rating`,
      ASSESSMENT_ERROR_CODES.selfPeerRating,
    );
  }
  return raterFunctionId;
}

export const assessmentDecider: Decider<
  AssessmentCommand,
  AssessmentEvent,
  AssessmentState,
  AssessmentContext
> = {
  initialState: initialAssessmentState,
  decide: decideAssessment,
  evolve: evolveAssessment,
};
