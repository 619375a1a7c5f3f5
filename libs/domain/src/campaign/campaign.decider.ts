// The campaign's decisions, on the assessment's stream: invite raters (many at once, atomically),
// revoke an invitation, give a person (or many at once) a new link (revoking the old one in the same append), and take a rater's answer as an ordinary rating of the invitation's
// source, rater function and respondent, or a rater's "Not sure" (a question set aside, no rating).
import type { AssessmentContext } from '../assessment/assessment.commands';
import type { RatingRecorded } from '../assessment/assessment.events';
import type { AssessmentState } from '../assessment/assessment.state';
import { recordedRating, requireOpen, validateRater } from '../assessment/rating-rules';
import {
  type MaturityModel,
  RATING_SOURCES,
  requireCapability,
  requireModelVersion,
} from '../maturity-model';
import { type Organization, requireFunctionInPlace, requireOrganization } from '../organization';
import {
  conflict,
  DomainError,
  invalidInput,
  notFound,
  optionalText,
  parseIsoDate,
  requireOneOf,
  requireSlug,
  TEXT_FIELDS,
  withinField,
} from '../shared';
import type {
  AnswerQuestion,
  InvitationRequest,
  InviteRaters,
  ReissueInvitation,
  ReissueInvitations,
  RevokeInvitation,
  SetQuestionAside,
} from './campaign.commands';
import { CAMPAIGN_ERROR_CODES } from './campaign.errors';
import { forgottenRespondentRefusal } from './forgotten-respondent';
import { PERSONAL_DATA_ERROR_CODES } from '../personal-data/personal-data.errors';
import type { InvitationRevoked, QuestionSetAside, RaterInvited } from './campaign.events';
import { answerKey } from './campaign-progress';
import { asksAbout, type Invitation, invitationStatus, isExpired, sameRater } from './invitations';

type Opened = Exclude<AssessmentState, { status: 'NONE' }>;

/** One call invites a whole cycle (typically tens of people); more is split across calls. */
export const MAX_INVITATIONS_PER_CALL = 500;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A call names at least one and at most MAX_INVITATIONS_PER_CALL entries in `field`; the words say
 * what an entry is (`one`, `many`) and what to do with the rest (`others` them in another call).
 */
function requireCallSize(
  field: string,
  count: number,
  words: { one: string; many: string; others: string },
): void {
  if (count === 0)
    throw invalidInput(
      field,
      `${field} must name at least one ${words.one}`,
      CAMPAIGN_ERROR_CODES.noInvitations,
    );
  if (count > MAX_INVITATIONS_PER_CALL)
    throw invalidInput(
      field,
      `${field} must name at most ${MAX_INVITATIONS_PER_CALL} ${words.many} per call (got ${count}); ${words.others} the others in another call`,
      CAMPAIGN_ERROR_CODES.tooManyInvitations,
    );
}

/** A forgotten respondent is never invited again (forgotten-respondent.ts). */
function requireNotForgotten(
  respondentId: string,
  label: string | null | undefined,
  forgottenRespondents: Readonly<Record<string, string>> = {},
): void {
  const forgottenAt = forgottenRespondents[respondentId];
  if (forgottenAt !== undefined) throw forgottenRespondentRefusal(respondentId, label, forgottenAt);
}

export function inviteRaters(
  command: InviteRaters,
  assessment: Opened,
  context: AssessmentContext,
): RaterInvited[] {
  requireOpen(assessment);
  const organization = requireOrganization(context.organization, 'organizationId', assessment.organizationId);
  const model = requireModelVersion(context.model, assessment.modelId, assessment.modelVersion);
  const { invitations } = command.data;
  requireCallSize('invitations', invitations.length, {
    one: 'person to invite',
    many: 'people',
    others: 'invite',
  });
  const expiresAt = futureDate('expiresAt', command.data.expiresAt, context.now);
  const respondentsOfThisCall = new Set<string>();
  return invitations.map((request, index) =>
    withinField(`invitations[${index}]`, (): RaterInvited => {
      const respondentId = requireSlug('respondentId', request.respondentId);
      if (respondentsOfThisCall.has(respondentId)) {
        throw invalidInput(
          'respondentId',
          `respondentId "${respondentId}" is invited twice in this call: give each person one line`,
          CAMPAIGN_ERROR_CODES.duplicateRespondent,
        );
      }
      respondentsOfThisCall.add(respondentId);
      requireNotForgotten(respondentId, request.label, context.forgottenRespondents);
      const invitation = validateInvitation(request, organization, model, assessment.periodEnd);
      requireNotInvitedAlready(assessment, { ...invitation, respondentId }, context.now);
      const invitationId = requireSlug('invitationId', request.invitationId);
      if (assessment.invitations.has(invitationId)) {
        throw conflict(
          `invitationId: invitation "${invitationId}" already exists`,
          CAMPAIGN_ERROR_CODES.invitationExists,
          'invitationId',
        );
      }
      requireSecretHash(request.secretHash);
      return {
        type: 'RaterInvited',
        data: {
          assessmentId: assessment.id,
          organizationId: assessment.organizationId,
          invitationId,
          respondentId,
          ...invitation,
          expiresAt,
          secretHash: request.secretHash,
          invitedAt: context.now.toISOString(),
        },
      };
    }),
  );
}

export function revokeInvitation(
  command: RevokeInvitation,
  assessment: Opened,
  context: AssessmentContext,
): InvitationRevoked[] {
  const invitation = requireInvitation(assessment, command.data.invitationId);
  // Revoking twice is a no-op: the office's intent already holds.
  if (invitation.revokedAt !== null) return [];
  return [
    {
      type: 'InvitationRevoked',
      data: {
        assessmentId: assessment.id,
        organizationId: assessment.organizationId,
        invitationId: invitation.invitationId,
        revokedAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * The old link stops and a new one like it starts, both or neither: the person is never left
 * without a link, nor with two. Only a working link is replaced; a revoked or expired one's person
 * is invited again instead (with new choices, such as the expiry).
 */
export function reissueInvitation(
  command: ReissueInvitation,
  assessment: Opened,
  context: AssessmentContext,
): [InvitationRevoked, RaterInvited] {
  const old = requireInvitation(assessment, command.data.invitationId);
  const status = invitationStatus(old, assessment.status, context.now);
  if (status !== 'ACTIVE') {
    throw conflict(
      `invitationId: the link of invitation "${old.invitationId}" is ${status.toLowerCase()}, not working; invite the person again instead`,
      CAMPAIGN_ERROR_CODES.linkNotWorking,
      'invitationId',
    );
  }
  // Forgetting stops a person's links for good (their answers can no longer be kept as given).
  const forgottenAt = context.forgottenRespondents?.[old.respondentId];
  if (forgottenAt !== undefined) {
    throw conflict(
      `invitationId: the person of invitation "${old.invitationId}" (respondent "${old.respondentId}") was forgotten on ${forgottenAt.slice(0, 10)}: their links stay stopped and no new one is issued`,
      PERSONAL_DATA_ERROR_CODES.respondentForgotten,
      'invitationId',
    );
  }
  const invitationId = requireSlug('newInvitationId', command.data.newInvitationId);
  if (assessment.invitations.has(invitationId)) {
    throw conflict(
      `newInvitationId: invitation "${invitationId}" already exists`,
      CAMPAIGN_ERROR_CODES.invitationExists,
      'newInvitationId',
    );
  }
  const { secretHash } = command.data;
  requireSecretHash(secretHash);
  const now = context.now.toISOString();
  const ids = { assessmentId: assessment.id, organizationId: assessment.organizationId };
  return [
    { type: 'InvitationRevoked', data: { ...ids, invitationId: old.invitationId, revokedAt: now } },
    {
      type: 'RaterInvited',
      data: {
        ...ids,
        invitationId,
        respondentId: old.respondentId,
        label: old.label,
        source: old.source,
        raterFunctionId: old.raterFunctionId,
        functionIds: [...old.functionIds],
        capabilityIds: [...old.capabilityIds],
        expiresAt: old.expiresAt,
        secretHash,
        invitedAt: now,
      },
    },
  ];
}

/**
 * Every named working link replaced at once, all or none: one link that no longer works (or is
 * named twice) refuses the whole call, naming it as `invitationIds[i]`.
 */
export function reissueInvitations(
  command: ReissueInvitations,
  assessment: Opened,
  context: AssessmentContext,
): (InvitationRevoked | RaterInvited)[] {
  const { reissues } = command.data;
  requireCallSize('invitationIds', reissues.length, {
    one: 'working link to replace',
    many: 'links',
    others: 'replace',
  });
  const named = new Set<string>();
  const made = new Set<string>();
  return reissues.flatMap((reissue, index) =>
    namingListItem(`invitationIds[${index}]`, () => {
      if (named.has(reissue.invitationId)) {
        throw invalidInput(
          'invitationId',
          `invitationId: invitation "${reissue.invitationId}" is named twice in this call: name each link once`,
          CAMPAIGN_ERROR_CODES.duplicateInvitation,
        );
      }
      named.add(reissue.invitationId);
      if (made.has(reissue.newInvitationId)) {
        throw conflict(
          `newInvitationId: invitation "${reissue.newInvitationId}" already exists`,
          CAMPAIGN_ERROR_CODES.invitationExists,
          'newInvitationId',
        );
      }
      made.add(reissue.newInvitationId);
      return reissueInvitation({ type: 'ReissueInvitation', data: reissue }, assessment, context);
    }),
  );
}

/** A refusal of one named link says `invitationIds[i]`, the place the caller wrote it. */
function namingListItem<Result>(item: string, check: () => Result): Result {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof DomainError) || error.field !== 'invitationId')
      return withinField(item, () => {
        throw error;
      });
    throw new DomainError(error.kind, error.code, error.message.replace(/^invitationId/, item), item);
  }
}

function requireSecretHash(secretHash: unknown): asserts secretHash is string {
  if (typeof secretHash !== 'string' || !SHA256_HEX.test(secretHash)) {
    throw invalidInput(
      'secretHash',
      'secretHash must be a SHA-256 hex digest',
      CAMPAIGN_ERROR_CODES.malformedSecretHash,
    );
  }
}

export function answerQuestion(
  command: AnswerQuestion,
  assessment: Opened,
  context: AssessmentContext,
): RatingRecorded[] {
  const { invitationId, functionId, capabilityId, level, evidence } = command.data;
  const invitation = requireRatersQuestion(assessment, context, invitationId, functionId, capabilityId);
  return [
    recordedRating(
      {
        functionId,
        capabilityId,
        level,
        evidence,
        source: invitation.source,
        raterFunctionId: invitation.raterFunctionId,
        respondentId: invitation.respondentId,
      },
      assessment,
      context,
    ),
  ];
}

/**
 * "Not sure": recorded with no level, so it counts in no score, until the rater answers the
 * question. An answered question is refused: the rater may change its level, not withdraw it (a
 * rating once given stays on the record). Setting a question aside twice changes nothing.
 */
export function setQuestionAside(
  command: SetQuestionAside,
  assessment: Opened,
  context: AssessmentContext,
): QuestionSetAside[] {
  const { invitationId, functionId, capabilityId } = command.data;
  const invitation = requireRatersQuestion(assessment, context, invitationId, functionId, capabilityId);
  // As an answer would be: a question about (or from) a function retired by the end of the period
  // rated is asked no more.
  const organization = requireOrganization(context.organization, 'organizationId', assessment.organizationId);
  requireFunctionInPlace(organization, 'functionId', functionId, assessment.periodEnd);
  if (invitation.raterFunctionId !== null)
    requireFunctionInPlace(organization, 'raterFunctionId', invitation.raterFunctionId, assessment.periodEnd);
  const cell = { functionId, capabilityId };
  const answer = assessment.ratings.byKey.get(answerKey(invitation, cell));
  if (answer !== undefined) {
    throw conflict(
      `capabilityId: ${functionId} / ${capabilityId} is already answered (level ${answer.level}); an answer can be changed to another level, not set aside`,
      CAMPAIGN_ERROR_CODES.alreadyAnswered,
      'capabilityId',
    );
  }
  if (assessment.setAside.has(answerKey(invitation, cell))) return [];
  return [
    {
      type: 'QuestionSetAside',
      data: {
        assessmentId: assessment.id,
        organizationId: assessment.organizationId,
        invitationId: invitation.invitationId,
        functionId,
        capabilityId,
        setAsideAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * What a rater's link may do to a question: the link works (not revoked: UNAUTHENTICATED; not
 * expired), the assessment is open (CONFLICT), and the question is one of the invitation's own
 * (FORBIDDEN).
 */
function requireRatersQuestion(
  assessment: Opened,
  context: AssessmentContext,
  invitationId: string,
  functionId: string,
  capabilityId: string,
): Invitation {
  const invitation = requireInvitation(assessment, invitationId);
  if (invitation.revokedAt !== null) {
    throw new DomainError(
      'unauthenticated',
      CAMPAIGN_ERROR_CODES.invitationRevoked,
      'This link was revoked and no longer works: ask the assessment office for a new one',
    );
  }
  if (isExpired(invitation, context.now)) {
    throw new DomainError(
      'unauthenticated',
      CAMPAIGN_ERROR_CODES.invitationExpired,
      `This link expired on ${invitation.expiresAt ?? ''}: ask the assessment office for a new one`,
    );
  }
  requireOpen(assessment);
  requireOwnQuestion(
    invitation,
    requireSlug('functionId', functionId),
    requireSlug('capabilityId', capabilityId),
  );
  return invitation;
}

type ValidInvitation = Pick<
  Invitation,
  'label' | 'source' | 'raterFunctionId' | 'functionIds' | 'capabilityIds'
>;

/**
 * The section-by-section rules of an invitation: who rates what, from where. Its functions are in
 * place at the end of the period rated (`periodEnd`), as the ratings it asks for must be.
 */
function validateInvitation(
  request: InvitationRequest,
  organization: Organization,
  model: MaturityModel,
  periodEnd: string,
): ValidInvitation {
  const label = optionalText('label', request.label, TEXT_FIELDS.name);
  const source = requireOneOf('source', request.source, RATING_SOURCES);
  const functionIds = distinct(
    'functionIds',
    request.functionIds,
    (field, id) => requireFunctionInPlace(organization, field, id, periodEnd).id,
  );
  if (functionIds.length === 0) {
    throw invalidInput(
      'functionIds',
      'functionIds must name at least one function the person rates',
      CAMPAIGN_ERROR_CODES.noFunctions,
    );
  }
  if (source === 'SELF' && functionIds.length !== 1) {
    throw invalidInput(
      'functionIds',
      `functionIds must be exactly one function for SELF (the person's own; got ${functionIds.length}): invite them once per function, or as PEER for the others`,
      CAMPAIGN_ERROR_CODES.selfRatesOneFunction,
    );
  }
  const raterFunctionId = validateRater(organization, source, functionIds, request.raterFunctionId);
  if (raterFunctionId !== null)
    requireFunctionInPlace(organization, 'raterFunctionId', raterFunctionId, periodEnd);
  const capabilityIds =
    request.capabilityIds === undefined || request.capabilityIds === null
      ? model.capabilities.map((capability) => capability.id)
      : distinct(
          'capabilityIds',
          request.capabilityIds,
          (field, id) => requireCapability(model, field, id).id,
        );
  if (capabilityIds.length === 0) {
    throw invalidInput(
      'capabilityIds',
      'capabilityIds must name at least one capability; leave it out to ask about every capability of the model',
      CAMPAIGN_ERROR_CODES.noCapabilities,
    );
  }
  return { label, source, raterFunctionId, functionIds, capabilityIds };
}

/** Each element checked under its own field (`functionIds[1]`), repeats dropped, order kept. */
function distinct(
  field: string,
  values: unknown,
  check: (field: string, value: unknown) => string,
): string[] {
  if (!Array.isArray(values)) {
    throw invalidInput(field, `${field} must be a list of ids`, CAMPAIGN_ERROR_CODES.noFunctions);
  }
  return [...new Set(values.map((value: unknown, index) => check(`${field}[${index}]`, value)))];
}

function requireNotInvitedAlready(
  assessment: Opened,
  invitation: ValidInvitation & { respondentId: string },
  now: Date,
): void {
  for (const other of assessment.invitations.values()) {
    if (sameRater(other, invitation) && invitationStatus(other, assessment.status, now) === 'ACTIVE') {
      throw conflict(
        `respondentId: "${invitation.respondentId}" already has a working ${invitation.source} invitation (${other.invitationId}); give them a new link instead (reissueInvitation), or revoke it first to invite them again`,
        CAMPAIGN_ERROR_CODES.alreadyInvited,
        'respondentId',
      );
    }
  }
}

function requireInvitation(assessment: Opened, invitationId: unknown): Invitation {
  const id = requireSlug('invitationId', invitationId);
  const invitation = assessment.invitations.get(id);
  if (invitation === undefined) {
    throw notFound(
      'invitationId',
      `invitationId: assessment "${assessment.id}" has no invitation "${id}"`,
      CAMPAIGN_ERROR_CODES.invitationNotFound,
    );
  }
  return invitation;
}

/** A rater answers only the questions of their invitation. */
function requireOwnQuestion(invitation: Invitation, functionId: string, capabilityId: string): void {
  if (asksAbout(invitation, { functionId, capabilityId })) return;
  const field = invitation.functionIds.includes(functionId) ? 'capabilityId' : 'functionId';
  throw new DomainError(
    'forbidden',
    CAMPAIGN_ERROR_CODES.notYourQuestion,
    `${field}: this invitation does not ask about ${functionId} / ${capabilityId}`,
    field,
  );
}

function futureDate(field: string, value: unknown, now: Date): string | null {
  if (value === undefined || value === null) return null;
  const date = parseIsoDate(field, value);
  if (date.getTime() <= now.getTime()) {
    throw invalidInput(
      field,
      `${field} must be in the future (got ${date.toISOString()}, now is ${now.toISOString()}); leave it out for links that do not expire`,
      CAMPAIGN_ERROR_CODES.expiresInThePast,
    );
  }
  return date.toISOString();
}
