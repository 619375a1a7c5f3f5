import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, LIMIT_ERROR_CODES } from '@app/application';
import { TooManyRequestsError } from './access-errors';
import { SlidingWindowCounter } from './sliding-window';

/** RATE_LIMIT_PER_MINUTE requests per caller (0: off), in memory. */
@Injectable()
export class RateLimiter {
  private readonly counter: SlidingWindowCounter | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.counter =
      config.rateLimitPerMinute === 0 ? null : new SlidingWindowCounter(config.rateLimitPerMinute);
  }

  /** Counts one request of the caller, or throws TooManyRequestsError when over the limit. */
  take(callerKey: string): void {
    if (this.counter === null) return;
    const retryAfterSeconds = this.counter.retryAfterSeconds(callerKey);
    if (retryAfterSeconds !== null) {
      throw new TooManyRequestsError(
        `Rate limit reached for this API token: retry in ${retryAfterSeconds} s`,
        retryAfterSeconds,
        LIMIT_ERROR_CODES.requestsPerToken,
      );
    }
    this.counter.add(callerKey);
  }
}

/**
 * FAILED_AUTHENTICATIONS_PER_MINUTE requests with a missing or bad credential per client address
 * (0: off). Past it, every request of that address that needs a credential is refused with
 * TOO_MANY_REQUESTS before its credential is even looked at, so guessing costs the api nothing
 * and learns nothing, until Retry-After.
 */
@Injectable()
export class FailedAuthenticationThrottle {
  private readonly counter: SlidingWindowCounter | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.counter =
      config.failedAuthenticationsPerMinute === 0
        ? null
        : new SlidingWindowCounter(config.failedAuthenticationsPerMinute);
  }

  /** Throws TooManyRequestsError while the address is over its limit of failures. */
  refuseIfThrottled(clientAddress: string): void {
    const retryAfterSeconds = this.counter?.retryAfterSeconds(clientAddress) ?? null;
    if (retryAfterSeconds !== null) {
      throw new TooManyRequestsError(
        `Too many requests with a missing or bad token from this address: retry in ${retryAfterSeconds} s`,
        retryAfterSeconds,
        LIMIT_ERROR_CODES.failedAuthentications,
      );
    }
  }

  recordFailure(clientAddress: string): void {
    this.counter?.add(clientAddress);
  }
}
