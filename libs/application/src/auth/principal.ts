import { randomUUID } from 'node:crypto';
import { DomainError, optionalCommandId } from '@app/domain';
import type { CommandContext } from '../command-handling/command-context';
import { ACCESS_ERROR_CODES } from './auth.errors';

/** The roles of API tokens and people, in the order a person would name their most powerful role first. */
export const ROLES = ['ADMIN', 'ASSESSOR', 'PLANNER', 'AUDITOR'] as const;
/** The role of a rater's invitation link: its own questionnaire, nothing else. Never an API token's or a person's. */
export const RATER_ROLE = 'RATER';
export type RoleName = (typeof ROLES)[number] | typeof RATER_ROLE;
/** A caller always has a role; it may have more. */
export type Roles = readonly [RoleName, ...RoleName[]];

/** What every caller has, however it signed in: who it is, its roles and the organisations it reaches. */
interface PrincipalBase {
  /** Stable and unique: the API token's id, the identity provider's `sub`, or the invitation's id. The events' actor. */
  subject: string;
  /** For people to read: the token's label, or the user's name from the identity provider. */
  name: string | null;
  /** The caller may do what any of them allows (on the organisations it reaches). */
  roles: Roles;
  /** The organisations this caller reaches; ignored when `allOrganizations`. */
  organizationIds: readonly string[];
  allOrganizations: boolean;
}

/** A bearer API token issued by this platform. */
export interface ApiTokenPrincipal extends PrincipalBase {
  kind: 'api-token';
  tokenId: string;
}

/** A person signed in with the organisation's identity provider (an OpenID Connect access token). */
export interface IdentityProviderPrincipal extends PrincipalBase {
  kind: 'identity-provider';
  /** When the access token stops being accepted (epoch seconds, its `exp`). */
  expiresAt: number;
}

/** A rater's invitation link (role RATER): its own questionnaire in one assessment. */
export interface InvitationPrincipal extends PrincipalBase {
  kind: 'invitation';
  invitationId: string;
  assessmentId: string;
}

/** The authenticated caller. */
export type Principal = ApiTokenPrincipal | IdentityProviderPrincipal | InvitationPrincipal;

/**
 * The key of a caller's own limits (subscriptions, heavy work): an API token's or a rater link's
 * id, which is also what a revocation names, or the identity provider's subject, kept apart from ids.
 */
export const callerKeyOf = (principal: Principal): string => {
  switch (principal.kind) {
    case 'api-token':
      return principal.tokenId;
    case 'invitation':
      return principal.invitationId;
    case 'identity-provider':
      return `identity-provider:${principal.subject}`;
  }
};

/** An ADMIN role reaches every organisation, whichever kind of principal holds it. */
export const reachesAllOrganizations = (roles: readonly RoleName[]): boolean => roles.includes('ADMIN');

/** The invitation of a rater's link; FORBIDDEN for any other caller. */
export function raterOf(principal: Principal): InvitationPrincipal {
  if (principal.kind !== 'invitation') {
    throw new DomainError(
      'forbidden',
      ACCESS_ERROR_CODES.notARater,
      'Only a rater’s invitation link answers a questionnaire',
    );
  }
  return principal;
}

/**
 * The actor written into events: the subject, with an API token's label in front for people to
 * read. An invitation's label may name a person, so a rater's answers name the invitation only.
 */
function actorOf(principal: Principal): string {
  // The first admin token is labelled with its own id: "admin", not "admin (admin)".
  if (principal.kind === 'api-token' && principal.name && principal.name !== principal.subject)
    return `${principal.name} (${principal.subject})`;
  return principal.subject;
}

/**
 * The metadata of a command: who asks, and its commandId (which also correlates repeats). A
 * malformed or oversized commandId is refused here, before anything is read or written.
 */
export function commandContextOf(
  principal: Principal,
  commandId: string | null | undefined,
  correlationId?: string,
): CommandContext {
  const checked = optionalCommandId('commandId', commandId);
  // A rater's commandIds are their own: another rater of the assessment reusing one is another command.
  const scoped =
    checked !== null && principal.kind === 'invitation' ? `${principal.invitationId}/${checked}` : checked;
  return {
    actor: actorOf(principal),
    role: principal.roles.join(' '),
    commandId: scoped,
    correlationId: correlationId ?? scoped ?? randomUUID(),
  };
}
