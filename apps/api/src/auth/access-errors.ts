import {
  AUTH_ERROR_CODES,
  type AccessErrorCode,
  type AuthErrorCode,
  type LimitErrorCode,
} from '@app/application';
import { domainError, type DomainErrorOf } from '@app/domain';

export const unauthenticated = (
  message: string,
  code: AuthErrorCode = AUTH_ERROR_CODES.unauthenticated,
): DomainErrorOf<AuthErrorCode> => domainError('unauthenticated', code, message);

export const forbidden = (
  message: string,
  code: AccessErrorCode,
  field?: string,
): DomainErrorOf<AccessErrorCode> => domainError('forbidden', code, message, field);

/** The caller went over a limit of its own (requests, subscriptions); mapped to TOO_MANY_REQUESTS. */
export class TooManyRequestsError extends Error {
  override name = 'TooManyRequestsError';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** Which limit (`extensions.reason`). */
    readonly reason: LimitErrorCode,
  ) {
    super(message);
  }
}

/** The server is at a limit of its own (capacity shared by every caller); mapped to SERVICE_UNAVAILABLE. */
export class ServiceUnavailableError extends Error {
  override name = 'ServiceUnavailableError';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** Which limit (`extensions.reason`). */
    readonly reason: LimitErrorCode,
  ) {
    super(message);
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
