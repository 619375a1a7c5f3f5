// The invitations of one assessment, as its stream records them, and what each one may do now.
import type { InvitationRevoked, RaterInvited, RaterInvitedData } from './campaign.events';

export type Invitation = Omit<RaterInvitedData, 'assessmentId' | 'organizationId' | 'labelErased'> & {
  /** ISO-8601; null while the invitation is not revoked. */
  revokedAt: string | null;
  /** True once the label was erased (the respondent forgotten); the label is then null. */
  labelErased: boolean;
};

/** By invitation id, in invitation order. */
export type Invitations = ReadonlyMap<string, Invitation>;

export const NO_INVITATIONS: Invitations = new Map();

/** ACTIVE: the link works and answers are taken. The others are final for answering. */
export type InvitationStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'CLOSED' | 'WITHDRAWN';

export const INVITATION_STATUSES: readonly InvitationStatus[] = [
  'ACTIVE',
  'REVOKED',
  'EXPIRED',
  'CLOSED',
  'WITHDRAWN',
];

/** Pure: returns new invitations and leaves `invitations` as it was. */
export function evolveInvitations(
  invitations: Invitations,
  event: RaterInvited | InvitationRevoked,
): Invitations {
  switch (event.type) {
    case 'RaterInvited': {
      const { assessmentId: _assessment, organizationId: _organization, ...invitation } = event.data;
      return new Map(invitations).set(invitation.invitationId, {
        ...invitation,
        revokedAt: null,
        labelErased: invitation.labelErased === true,
      });
    }
    case 'InvitationRevoked': {
      const invitation = invitations.get(event.data.invitationId);
      if (invitation === undefined || invitation.revokedAt !== null) return invitations;
      return new Map(invitations).set(invitation.invitationId, {
        ...invitation,
        revokedAt: event.data.revokedAt,
      });
    }
  }
}

/** Who answers through a link: the same person, source and rater function answer the same ratings. */
export type RaterOfLink = Pick<Invitation, 'respondentId' | 'source' | 'raterFunctionId'>;

/** One working link per person, source and rater: a second would answer the same ratings. */
export const sameRater = (one: RaterOfLink, other: RaterOfLink): boolean =>
  one.respondentId === other.respondentId &&
  one.source === other.source &&
  one.raterFunctionId === other.raterFunctionId;

export const isExpired = (invitation: Invitation, now: Date): boolean =>
  invitation.expiresAt !== null && Date.parse(invitation.expiresAt) <= now.getTime();

/**
 * Revoked and expired links stop working (that comes first: such a link no longer opens the
 * questionnaire); a working link of a closed assessment shows the answers, read-only; every link of
 * a withdrawn assessment stops, whatever it was (the assessment counts nowhere any more).
 */
export function invitationStatus(
  invitation: Invitation,
  assessmentStatus: 'OPEN' | 'CLOSED' | 'WITHDRAWN',
  now: Date,
): InvitationStatus {
  if (assessmentStatus === 'WITHDRAWN') return 'WITHDRAWN';
  if (invitation.revokedAt !== null) return 'REVOKED';
  if (isExpired(invitation, now)) return 'EXPIRED';
  return assessmentStatus === 'CLOSED' ? 'CLOSED' : 'ACTIVE';
}

export interface Cell {
  functionId: string;
  capabilityId: string;
}

/** The cells an invitation asks about, function by function, in the order it names them. */
export const invitationCells = (invitation: Invitation): Cell[] =>
  invitation.functionIds.flatMap((functionId) =>
    invitation.capabilityIds.map((capabilityId) => ({ functionId, capabilityId })),
  );

/**
 * The cells an invitation still asks about: its cells less those of the functions retired as of
 * the end of the period rated (`retired`, see retiredFunctionIds), which take no answer any more;
 * none when the function it rates from is retired (its answers would be refused). The
 * questionnaire and the campaign progress both count these.
 */
export const askedCells = (invitation: Invitation, retired: ReadonlySet<string>): Cell[] =>
  invitation.raterFunctionId !== null && retired.has(invitation.raterFunctionId)
    ? []
    : invitationCells(invitation).filter((cell) => !retired.has(cell.functionId));

export const asksAbout = (invitation: Invitation, cell: Cell): boolean =>
  invitation.functionIds.includes(cell.functionId) && invitation.capabilityIds.includes(cell.capabilityId);
