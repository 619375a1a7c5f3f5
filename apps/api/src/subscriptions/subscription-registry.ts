// Every open subscription, by API token: caps per token and per process (SUBSCRIPTIONS_PER_TOKEN,
// SUBSCRIPTIONS_PER_PROCESS), and when a token is revoked (by the api, or by the cli in another
// process) its sockets are closed at once; a person's subscription ends when their access token expires.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig, ApiTokenIndex, LIMIT_ERROR_CODES } from '@app/application';
import { ServiceUnavailableError, TooManyRequestsError } from '../auth/access-errors';

/** graphql-ws closes with this code when the token behind a socket is revoked (4403: Forbidden). */
export const TOKEN_REVOKED_CLOSE_CODE = 4403;
/** graphql-ws closes with this code when the access token behind a socket expires (4401: Unauthorized). */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;
/** setTimeout's longest delay (about 24 days); an expiry further away is checked again then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** What a subscription needs of its socket: to be closed. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

interface OpenSubscription {
  socket: ClosableSocket | undefined;
  end: () => void;
}

@Injectable()
export class SubscriptionRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionRegistry.name);
  private readonly byToken = new Map<string, Set<OpenSubscription>>();
  private open = 0;
  private stopWatchingRevocations: (() => void) | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: ApiTokenIndex,
  ) {}

  onApplicationBootstrap(): void {
    this.stopWatchingRevocations = this.tokens.onRevoked((tokenId) => {
      this.endToken(tokenId);
    });
  }

  onApplicationShutdown(): void {
    this.stopWatchingRevocations?.();
  }

  /** Subscriptions open now, in this process. */
  get size(): number {
    return this.open;
  }

  /**
   * Admits one more subscription of the token, or refuses it: TOO_MANY_REQUESTS over the token's
   * cap, SERVICE_UNAVAILABLE over the process's. `end` stops the subscription's stream; the
   * returned function releases its place (call it once the stream ends). With `expiresAt` (epoch
   * milliseconds, an access token's expiry) the subscription ends then and its socket is closed.
   */
  admit(
    tokenId: string,
    socket: ClosableSocket | undefined,
    end: () => void,
    expiresAt: number | null = null,
  ): () => void {
    const { subscriptionsPerToken, subscriptionsPerProcess } = this.config;
    const mine = this.byToken.get(tokenId) ?? new Set<OpenSubscription>();
    if (mine.size >= subscriptionsPerToken) {
      throw new TooManyRequestsError(
        mine.size === 1
          ? 'This API token already has an open subscription, as many as it may have: close it first'
          : `This API token already has ${mine.size} open subscriptions, as many as it may have: close one first`,
        5,
        LIMIT_ERROR_CODES.subscriptionsPerToken,
      );
    }
    if (this.open >= subscriptionsPerProcess) {
      throw new ServiceUnavailableError(
        `The server holds as many open subscriptions as it may (${subscriptionsPerProcess}): retry later`,
        30,
        LIMIT_ERROR_CODES.subscriptionsPerProcess,
      );
    }
    const subscription: OpenSubscription = { socket, end };
    mine.add(subscription);
    this.byToken.set(tokenId, mine);
    this.open += 1;
    const expiry = expiresAt === null ? null : this.endAtExpiry(subscription, expiresAt);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      clearTimeout(expiry?.timer);
      this.open -= 1;
      mine.delete(subscription);
      if (mine.size === 0 && this.byToken.get(tokenId) === mine) this.byToken.delete(tokenId);
    };
  }

  /** A timer that ends the subscription when its access token expires (unless released first). */
  private endAtExpiry(subscription: OpenSubscription, expiresAt: number): { timer?: NodeJS.Timeout } {
    const expiry: { timer?: NodeJS.Timeout } = {};
    const expire = (): void => {
      subscription.end();
      subscription.socket?.close(
        TOKEN_EXPIRED_CLOSE_CODE,
        'Unauthorized: the access token expired; sign in again and subscribe anew',
      );
    };
    const arm = (): void => {
      const remaining = expiresAt - Date.now();
      expiry.timer = setTimeout(
        remaining > LONGEST_TIMER_MS ? arm : expire,
        Math.max(0, Math.min(remaining, LONGEST_TIMER_MS)),
      );
      // Shutting down never waits for a token to expire.
      expiry.timer.unref();
    };
    arm();
    return expiry;
  }

  /** Ends every subscription of a revoked token and closes its sockets. */
  private endToken(tokenId: string): void {
    const subscriptions = this.byToken.get(tokenId);
    if (subscriptions === undefined) return;
    this.logger.log(`API token ${tokenId} was revoked: closing its ${subscriptions.size} subscription(s)`);
    for (const subscription of [...subscriptions]) {
      subscription.end();
      subscription.socket?.close(TOKEN_REVOKED_CLOSE_CODE, 'Forbidden: the API token was revoked');
    }
  }
}
