import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/application';
import { TooManyRequestsError } from './access-errors';

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  previousCount: number;
  count: number;
}

/**
 * RATE_LIMIT_PER_MINUTE requests per token (0: off), in memory. A sliding window estimated from
 * the current and previous minute, so a burst at a minute's edge cannot double the rate.
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = config.rateLimitPerMinute;
  }

  /** Counts one request of the token, or throws TooManyRequestsError when over the limit. */
  take(tokenId: string): void {
    if (this.limit === 0) return;
    const now = Date.now();
    const window = this.current(tokenId, now);
    const elapsed = (now - window.startedAt) / WINDOW_MS;
    const estimated = window.previousCount * (1 - elapsed) + window.count;
    if (estimated + 1 > this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
      throw new TooManyRequestsError(
        `Rate limit reached for this API token: retry in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
    window.count += 1;
  }

  private current(tokenId: string, now: number): Window {
    const window = this.windows.get(tokenId);
    if (window === undefined) {
      const fresh = { startedAt: now, previousCount: 0, count: 0 };
      this.windows.set(tokenId, fresh);
      return fresh;
    }
    const windowsPassed = Math.floor((now - window.startedAt) / WINDOW_MS);
    if (windowsPassed >= 1) {
      window.previousCount = windowsPassed === 1 ? window.count : 0;
      window.count = 0;
      window.startedAt += windowsPassed * WINDOW_MS;
    }
    return window;
  }
}
