import type { ErrorCodeOf } from '../shared/domain-error';

export const API_TOKEN_ERROR_CODES = {
  notFound: 'API_TOKEN.NOT_FOUND',
  alreadyIssued: 'API_TOKEN.ALREADY_ISSUED',
  noOrganizations: 'API_TOKEN.NO_ORGANIZATIONS',
  malformedSecretHash: 'API_TOKEN.MALFORMED_SECRET_HASH',
  secretShownOnce: 'API_TOKEN.SECRET_SHOWN_ONCE',
} as const;

export type ApiTokenErrorCode = ErrorCodeOf<typeof API_TOKEN_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    apiToken: ApiTokenErrorCode;
  }
}
