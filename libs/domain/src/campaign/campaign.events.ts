import type { RatingSource } from '../maturity-model';
import type { DomainEvent } from '../shared';

export type RaterInvitedData = {
  assessmentId: string;
  organizationId: string;
  invitationId: string;
  /** The person's pseudonymous slug: their answers are ratings of this respondent. */
  respondentId: string;
  /** Free text that may name a person: this is the only place it is kept, sealed like evidence. */
  label: string | null;
  source: RatingSource;
  /** The person's function for PEER, null otherwise. */
  raterFunctionId: string | null;
  functionIds: string[];
  capabilityIds: string[];
  /** ISO-8601; null: no expiry. */
  expiresAt: string | null;
  /** SHA-256 (hex) of the link's secret; the secret itself is never stored. */
  secretHash: string;
  /** ISO-8601, from the command context. */
  invitedAt: string;
  /**
   * Never stored: set on read when the label was erased (its respondent forgotten), label then
   * null (docs/reference/personal-data.md).
   */
  labelErased?: boolean;
};

export type InvitationRevokedData = {
  assessmentId: string;
  organizationId: string;
  invitationId: string;
  /** ISO-8601, from the command context. */
  revokedAt: string;
};

/**
 * A rater chose "Not sure" on one question of their invitation: no level and no text, so it is no
 * rating and counts in no score. A later answer to the question supersedes it.
 */
export type QuestionSetAsideData = {
  assessmentId: string;
  organizationId: string;
  invitationId: string;
  functionId: string;
  capabilityId: string;
  /** ISO-8601, from the command context. */
  setAsideAt: string;
};

export type RaterInvited = DomainEvent<'RaterInvited', RaterInvitedData>;
export type InvitationRevoked = DomainEvent<'InvitationRevoked', InvitationRevokedData>;
export type QuestionSetAside = DomainEvent<'QuestionSetAside', QuestionSetAsideData>;
export type CampaignEvent = RaterInvited | InvitationRevoked | QuestionSetAside;
export type CampaignEventType = CampaignEvent['type'];

export const CAMPAIGN_EVENT_SCHEMA_VERSIONS: Record<CampaignEventType, number> = {
  RaterInvited: 1,
  InvitationRevoked: 1,
  QuestionSetAside: 1,
};
