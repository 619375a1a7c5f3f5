import {
  answerQuestion,
  inviteRaters,
  reissueInvitation,
  reissueInvitations,
  revokeInvitation,
  setQuestionAside,
} from '../campaign/campaign.decider';
import { requireModelVersion } from '../maturity-model';
import { requireOrganization } from '../organization';
import {
  conflict,
  type Decider,
  invalidInput,
  notFound,
  requireIsoDate,
  requireSlug,
  requireText,
  TEXT_FIELDS,
} from '../shared';
import type {
  AssessmentCommand,
  AssessmentContext,
  OpenAssessment,
  WithdrawAssessment,
} from './assessment.commands';
import { ASSESSMENT_ERROR_CODES } from './assessment.errors';
import type { AssessmentEvent, AssessmentWithdrawn } from './assessment.events';
import { ratingKey } from './assessment-ratings';
import { evolveAssessment, initialAssessmentState, type AssessmentState } from './assessment.state';
import { recordedRating, recordedRatings, requireNotWithdrawn, validateRating } from './rating-rules';

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
  if (command.type === 'WithdrawAssessment') return [withdrawal(command, state, context)];
  requireNotWithdrawn(state);
  const ids = { assessmentId: state.id, organizationId: state.organizationId };
  switch (command.type) {
    case 'RecordRating':
      return [recordedRating(command.data, state, context)];
    case 'RecordRatings':
      return recordedRatings(command.data.ratings, state, context);
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
      if (previousLevel === rating.level) {
        // A correction keeps the evidence, so the same level would change nothing yet stay on the record for good.
        throw invalidInput(
          'level',
          `level: the ${rating.source} rating of ${rating.functionId} / ${rating.capabilityId} is already ${rating.level}; a correction must change the level`,
          ASSESSMENT_ERROR_CODES.nothingToCorrect,
        );
      }
      return [
        {
          type: 'RatingCorrected',
          data: { ...ids, ...rating, reason, previousLevel, correctedAt: context.now.toISOString() },
        },
      ];
    }
    case 'InviteRaters':
      return inviteRaters(command, state, context);
    case 'RevokeInvitation':
      return revokeInvitation(command, state, context);
    case 'ReissueInvitation':
      return reissueInvitation(command, state, context);
    case 'ReissueInvitations':
      return reissueInvitations(command, state, context);
    case 'AnswerQuestion':
      return answerQuestion(command, state, context);
    case 'SetQuestionAside':
      return setQuestionAside(command, state, context);
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

/**
 * Withdrawing takes a mistaken assessment out of every view. A CLOSED one may go only while it has
 * no rating: real ratings of a closed cycle are corrected (with reasons), not made to disappear.
 */
function withdrawal(
  command: WithdrawAssessment,
  state: Exclude<AssessmentState, { status: 'NONE' }>,
  context: AssessmentContext,
): AssessmentWithdrawn {
  if (state.status === 'WITHDRAWN') {
    throw conflict(
      `assessmentId: assessment "${state.id}" was already withdrawn on ${state.withdrawnAt ?? ''}`,
      ASSESSMENT_ERROR_CODES.alreadyWithdrawn,
      'assessmentId',
    );
  }
  const reason = requireText('reason', command.data.reason, TEXT_FIELDS.reason);
  const ratingCount = state.ratings.byKey.size;
  if (state.status === 'CLOSED' && ratingCount > 0) {
    throw conflict(
      `assessmentId: assessment "${state.id}" is CLOSED with ${ratingCount} ${ratingCount === 1 ? 'rating' : 'ratings'}; correct them with correctRating and a reason instead (only an OPEN assessment, or a CLOSED one without ratings, can be withdrawn)`,
      ASSESSMENT_ERROR_CODES.closedWithRatings,
      'assessmentId',
    );
  }
  return {
    type: 'AssessmentWithdrawn',
    data: {
      assessmentId: state.id,
      organizationId: state.organizationId,
      reason,
      previousStatus: state.status,
      withdrawnAt: context.now.toISOString(),
    },
  };
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
