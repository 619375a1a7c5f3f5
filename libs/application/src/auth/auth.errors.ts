// Who may call: the codes of a refused caller. The api raises most of them (tokens, identity
// provider, access rules), the application the rater's own; one place lists them all.
import type { ErrorCodeOf } from '@app/domain';

/** The caller is not known: UNAUTHENTICATED. */
export const AUTH_ERROR_CODES = {
  unauthenticated: 'AUTH.UNAUTHENTICATED',
  missingToken: 'AUTH.MISSING_TOKEN',
  invalidToken: 'AUTH.INVALID_TOKEN',
  invitationRevoked: 'AUTH.INVITATION_REVOKED',
  invitationExpired: 'AUTH.INVITATION_EXPIRED',
  /** The person a link was for was forgotten: the link no longer shows what they answered. */
  respondentForgotten: 'AUTH.RESPONDENT_FORGOTTEN',
  malformedClaim: 'AUTH.MALFORMED_CLAIM',
  noSubject: 'AUTH.NO_SUBJECT',
  noRolesClaim: 'AUTH.NO_ROLES_CLAIM',
  oidcNotConfigured: 'AUTH.OIDC_NOT_CONFIGURED',
  invalidAccessToken: 'AUTH.INVALID_ACCESS_TOKEN',
} as const;

/** The caller is known but may not do this: FORBIDDEN. */
export const ACCESS_ERROR_CODES = {
  role: 'ACCESS.ROLE',
  noRole: 'ACCESS.NO_ROLE',
  noRule: 'ACCESS.NO_RULE',
  notPublic: 'ACCESS.NOT_PUBLIC',
  notARater: 'ACCESS.NOT_A_RATER',
} as const;

export type AuthErrorCode = ErrorCodeOf<typeof AUTH_ERROR_CODES>;
export type AccessErrorCode = ErrorCodeOf<typeof ACCESS_ERROR_CODES>;

declare module '@app/domain' {
  interface DomainErrorCodes {
    auth: AuthErrorCode;
    access: AccessErrorCode;
  }
}
