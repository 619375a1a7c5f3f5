import { DomainError } from '@app/domain';

export const unauthenticated = (message: string, code = 'AUTH.UNAUTHENTICATED'): DomainError =>
  new DomainError('unauthenticated', code, message);

export const forbidden = (message: string, code: string, field?: string): DomainError =>
  new DomainError('forbidden', code, message, field);

/** The token spent its requests for this minute; mapped to TOO_MANY_REQUESTS. */
export class TooManyRequestsError extends Error {
  override name = 'TooManyRequestsError';

  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limit reached for this API token: retry in ${retryAfterSeconds} s`);
  }
}

/** The identity provider's discovery document or signing keys cannot be had now; mapped to SERVICE_UNAVAILABLE. */
export class IdentityProviderUnavailableError extends Error {
  override name = 'IdentityProviderUnavailableError';

  constructor(detail: string) {
    super(
      `${detail}. Sign-in with the identity provider is unavailable; API tokens still work. Retry shortly.`,
    );
  }
}
