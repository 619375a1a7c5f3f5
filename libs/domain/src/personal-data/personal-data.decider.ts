// Forgetting a respondent and redacting one rating's evidence (docs/reference/personal-data.md).
// The events only record that it happened, when and why; erasing is destroying the keys that
// sealed the text, which the application does once the event is stored.
import { RATING_SOURCES } from '../maturity-model';
import {
  conflict,
  type Decider,
  requireOneOf,
  notFound,
  requireSlug,
  requireText,
  TEXT_FIELDS,
} from '../shared';
import type { PersonalDataCommand, PersonalDataContext } from './personal-data.commands';
import { PERSONAL_DATA_ERROR_CODES } from './personal-data.errors';
import { ORGANIZATION_ERROR_CODES } from '../organization/organization.errors';
import { ASSESSMENT_ERROR_CODES } from '../assessment/assessment.errors';
import type { PersonalDataEvent } from './personal-data.events';
import type { OrganizationEvent } from '../organization';

/** The organisation's stream as this decider sees it: registered or not, and who was forgotten when. */
export type PersonalDataState = {
  organizationId: string | null;
  /** respondentId -> forgottenAt (ISO-8601). */
  forgotten: Readonly<Record<string, string>>;
};

export function decidePersonalData(
  command: PersonalDataCommand,
  state: PersonalDataState,
  context: PersonalDataContext,
): PersonalDataEvent[] {
  const organizationId = state.organizationId;
  if (organizationId === null)
    throw notFound(
      'organizationId',
      'organizationId: no such organisation is registered',
      ORGANIZATION_ERROR_CODES.notFound,
    );
  const reason = requireText('reason', command.data.reason, TEXT_FIELDS.reason);
  if (context.evidence.plain > 0)
    throw conflict(
      `${context.evidence.plain} recording(s) of this text (evidence, invitation labels) were stored in the clear before such text was sealed; they cannot be erased without rewriting the audit chain. Nothing was erased: see "Text recorded before sealing" in the personal-data reference.`,
      PERSONAL_DATA_ERROR_CODES.recordedBeforeSealing,
    );
  const now = context.now.toISOString();
  if (command.type === 'ForgetRespondent') {
    const respondentId = requireSlug('respondentId', command.data.respondentId);
    if (context.respondentRecorded !== true)
      throw notFound(
        'respondentId',
        `respondentId: no respondent "${respondentId}" was invited or rated in this organisation, so nothing was erased; check the id (ids are case-sensitive) against the invitations or the ratings`,
        PERSONAL_DATA_ERROR_CODES.respondentNotFound,
      );
    // Their key is destroyed already: a second erasure would erase nothing and still add an event.
    const forgottenAt = state.forgotten[respondentId];
    if (forgottenAt !== undefined)
      throw conflict(
        `respondentId: "${respondentId}" was already forgotten (since ${forgottenAt}); nothing was recorded`,
        PERSONAL_DATA_ERROR_CODES.alreadyErased,
        'respondentId',
      );
    return [
      { type: 'RespondentForgotten', data: { organizationId, respondentId, reason, forgottenAt: now } },
    ];
  }
  const { data } = command;
  const assessmentId = requireSlug('assessmentId', data.assessmentId);
  if (context.assessmentOrganizationId !== organizationId)
    throw notFound(
      'assessmentId',
      `assessmentId: no assessment "${assessmentId}" in this organisation`,
      ASSESSMENT_ERROR_CODES.notFound,
    );
  const rating = {
    functionId: requireSlug('functionId', data.functionId),
    capabilityId: requireSlug('capabilityId', data.capabilityId),
    source: requireOneOf('source', data.source, RATING_SOURCES),
    raterFunctionId: optionalSlug('raterFunctionId', data.raterFunctionId),
    respondentId: optionalSlug('respondentId', data.respondentId),
  };
  if (context.evidence.sealed === 0)
    throw notFound(
      'capabilityId',
      'capabilityId: no recording of this rating (function, capability, source, rater and respondent) holds evidence',
      PERSONAL_DATA_ERROR_CODES.nothingToRedact,
    );
  // A second erasure would erase nothing and still add an event to the history: refused, so the
  // history holds one EvidenceRedacted per erasure and the admin learns it is already done.
  if (context.erased !== undefined && context.erased.recordings >= context.evidence.sealed)
    throw conflict(
      `capabilityId: the evidence of this rating is already erased${
        context.erased.lastErasedAt === null ? '' : ` (since ${context.erased.lastErasedAt})`
      }, by an earlier redaction or by forgetting its respondent; nothing was recorded`,
      PERSONAL_DATA_ERROR_CODES.alreadyErased,
      'capabilityId',
    );
  return [
    { type: 'EvidenceRedacted', data: { organizationId, assessmentId, ...rating, reason, redactedAt: now } },
  ];
}

function optionalSlug(field: string, value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : requireSlug(field, value);
}

export function evolvePersonalData(
  state: PersonalDataState,
  event: PersonalDataEvent | OrganizationEvent,
): PersonalDataState {
  if (event.type === 'OrganizationRegistered') return { ...state, organizationId: event.data.organizationId };
  if (event.type === 'RespondentForgotten')
    return { ...state, forgotten: { ...state.forgotten, [event.data.respondentId]: event.data.forgottenAt } };
  return state;
}

/** Runs on the organisation's stream beside the organisation's own decider. */
export const personalDataDecider: Decider<
  PersonalDataCommand,
  PersonalDataEvent | OrganizationEvent,
  PersonalDataState,
  PersonalDataContext
> = {
  initialState: () => ({ organizationId: null, forgotten: {} }),
  decide: decidePersonalData,
  evolve: evolvePersonalData,
};
