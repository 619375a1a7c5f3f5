import type { RatingSource } from '../maturity-model';
import type { DomainEvent } from '../shared';

/** Written to the organisation's stream. Names the respondent by id only: no personal text. */
export type RespondentForgottenData = {
  organizationId: string;
  respondentId: string;
  /** Why, e.g. the request's reference; never the person's name (it stays in the log). */
  reason: string;
  /** ISO-8601, from the command context. */
  forgottenAt: string;
};

/** The evidence of one rating (every recording of it) was erased. Written to the organisation's stream. */
export type EvidenceRedactedData = {
  organizationId: string;
  assessmentId: string;
  functionId: string;
  capabilityId: string;
  source: RatingSource;
  raterFunctionId: string | null;
  respondentId: string | null;
  reason: string;
  /** ISO-8601, from the command context. */
  redactedAt: string;
};

export type RespondentForgotten = DomainEvent<'RespondentForgotten', RespondentForgottenData>;
export type EvidenceRedacted = DomainEvent<'EvidenceRedacted', EvidenceRedactedData>;

export type PersonalDataEvent = RespondentForgotten | EvidenceRedacted;
export type PersonalDataEventType = PersonalDataEvent['type'];

export const PERSONAL_DATA_EVENT_SCHEMA_VERSIONS: Record<PersonalDataEventType, number> = {
  RespondentForgotten: 1,
  EvidenceRedacted: 1,
};
