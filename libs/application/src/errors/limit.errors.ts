// The limits a refusal can name: one of the caller's own (TOO_MANY_REQUESTS) or the server's
// capacity shared by every caller (SERVICE_UNAVAILABLE). Each is set by an environment variable
// (docs/reference/running.md); the message, which a page may show its user as it is, never names
// that variable: the reason says which limit it was, for a program and for whoever runs the api.
import type { ErrorCodeOf } from '@app/domain';

export const LIMIT_ERROR_CODES = {
  /** RATE_LIMIT_PER_MINUTE */
  requestsPerToken: 'LIMIT.REQUESTS_PER_TOKEN',
  /** FAILED_AUTHENTICATIONS_PER_MINUTE: counted per client address, whoever sent them. */
  failedAuthentications: 'LIMIT.FAILED_AUTHENTICATIONS',
  /** HEAVY_WORK_PER_TOKEN */
  heavyWorkPerToken: 'LIMIT.HEAVY_WORK_PER_TOKEN',
  /** HEAVY_WORK_QUEUE */
  heavyWorkQueue: 'LIMIT.HEAVY_WORK_QUEUE',
  /** SUBSCRIPTIONS_PER_TOKEN */
  subscriptionsPerToken: 'LIMIT.SUBSCRIPTIONS_PER_TOKEN',
  /** SUBSCRIPTIONS_PER_PROCESS */
  subscriptionsPerProcess: 'LIMIT.SUBSCRIPTIONS_PER_PROCESS',
} as const;

export type LimitErrorCode = ErrorCodeOf<typeof LIMIT_ERROR_CODES>;

declare module '@app/domain' {
  interface DomainErrorCodes {
    limit: LimitErrorCode;
  }
}
