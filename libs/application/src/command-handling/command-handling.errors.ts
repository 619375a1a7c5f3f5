import type { ErrorCodeOf } from '@app/domain';

export const CONCURRENCY_ERROR_CODES = {
  retriesExhausted: 'CONCURRENCY.RETRIES_EXHAUSTED',
} as const;

export type ConcurrencyErrorCode = ErrorCodeOf<typeof CONCURRENCY_ERROR_CODES>;

declare module '@app/domain' {
  interface DomainErrorCodes {
    concurrency: ConcurrencyErrorCode;
  }
}
