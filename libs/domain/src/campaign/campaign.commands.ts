/** One person to invite into an assessment, as the office describes them. */
export type InvitationRequest = {
  /** Made by the server, unique in the store: the token's id. */
  invitationId: string;
  /** The person's pseudonymous slug (the server makes one when the office gives none). */
  respondentId: string;
  /** Free text for the office, such as "night shift lead"; never required to be a name. */
  label?: string | null;
  source: string;
  /** PEER only: the function the person belongs to. */
  raterFunctionId?: string | null;
  /** The functions the person rates: exactly their own for SELF. */
  functionIds: readonly string[];
  /** Absent or null: every capability of the assessment's model. */
  capabilityIds?: readonly string[] | null;
  /** SHA-256 (hex) of the invitation's secret, hashed by the caller: the decider never sees the secret. */
  secretHash: string;
};

/** Invites many people at once: all of them, or (on any refusal) none. */
export type InviteRaters = {
  type: 'InviteRaters';
  data: {
    invitations: readonly InvitationRequest[];
    /** ISO-8601; absent or null: the links work until revoked or the assessment closes. */
    expiresAt?: string | null;
  };
};

export type RevokeInvitation = {
  type: 'RevokeInvitation';
  data: { invitationId: string };
};

/**
 * A new link for the person of a working invitation, in one step: the old link is revoked and an
 * invitation like it (label, source, rater function, functions, capabilities, respondent, expiry)
 * is made.
 */
export type ReissueInvitation = {
  type: 'ReissueInvitation';
  data: {
    /** The working invitation whose link is replaced. */
    invitationId: string;
    /** Made by the server, unique in the store: the new token's id. */
    newInvitationId: string;
    /** SHA-256 (hex) of the new link's secret, hashed by the caller. */
    secretHash: string;
  };
};

/**
 * New links for many people at once (every working link of an assessment, say): each old link is
 * revoked and an invitation like it made, all of them in one append or none.
 */
export type ReissueInvitations = {
  type: 'ReissueInvitations';
  data: { reissues: readonly ReissueInvitation['data'][] };
};

/** A rater's answer to one question: recorded as a rating with the invitation's source, rater and respondent. */
export type AnswerQuestion = {
  type: 'AnswerQuestion';
  data: {
    invitationId: string;
    functionId: string;
    capabilityId: string;
    level: number;
    evidence?: string | null;
  };
};

/**
 * A rater's "Not sure" on one question: recorded with no level (no rating), until they answer it.
 * A question already answered cannot be set aside: its level can be changed, not withdrawn.
 */
export type SetQuestionAside = {
  type: 'SetQuestionAside';
  data: {
    invitationId: string;
    functionId: string;
    capabilityId: string;
  };
};

export type CampaignCommand =
  | InviteRaters
  | RevokeInvitation
  | ReissueInvitation
  | ReissueInvitations
  | AnswerQuestion
  | SetQuestionAside;
