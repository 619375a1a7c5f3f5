import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import {
  type ApiTokenEvent,
  type ApiTokenState,
  apiTokenDecider,
  apiTokenStream,
  evolveApiToken,
  type IssuedApiToken,
} from '@app/domain';
import { LiveEventIndex } from '../streams/live-event-index';
import { toDomainEvent } from '../streams/stream-state-loader';
import { type ApiTokenPrincipal, reachesAllOrganizations } from '../auth/principal';
import { ADMIN_TOKEN_ID, hashSecret, parseToken, sameDigest } from './api-token-secrets';

const TOKEN_EVENT_TYPES = ['ApiTokenIssued', 'ApiTokenRevoked'] as const;
/** A token id unknown here is looked up in the store at most this often (another process may have issued it). */
const MISS_RECHECK_MS = 1000;
const MAX_REMEMBERED_MISSES = 10_000;

export type ApiTokenRecord = IssuedApiToken & { revoked: boolean };

export function principalOf(token: IssuedApiToken): ApiTokenPrincipal {
  return {
    kind: 'api-token',
    tokenId: token.tokenId,
    subject: token.tokenId,
    name: token.label,
    roles: [token.role],
    organizationIds: token.organizationIds,
    allOrganizations: reachesAllOrganizations([token.role]),
  };
}

/**
 * Every token in memory, kept current by a subscription to token events (and, for a token issued
 * by another process a moment ago, one stream read on a miss), so authenticating a request reads
 * nothing from the store.
 */
@Injectable()
export class ApiTokenIndex extends LiveEventIndex {
  private readonly tokens = new Map<string, Exclude<ApiTokenState, { status: 'NONE' }>>();
  private readonly misses = new Map<string, number>();
  private readonly revocationListeners = new Set<(tokenId: string) => void>();

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, TOKEN_EVENT_TYPES, 'token');
  }

  get anyIssued(): boolean {
    return this.tokens.size > 0;
  }

  /** Folds a recorded token event in; applying one twice changes nothing. */
  override apply(event: RecordedEvent): void {
    const domainEvent = toDomainEvent<ApiTokenEvent>(event);
    const current = this.tokens.get(domainEvent.data.tokenId);
    if (domainEvent.type === 'ApiTokenIssued' && current !== undefined) return;
    this.remember(evolveApiToken(current ?? apiTokenDecider.initialState(), domainEvent));
  }

  /** Takes a token's state as a command left it, so the next request sees it without waiting for the subscription. */
  remember(state: ApiTokenState): void {
    if (state.status === 'NONE') return;
    // Revocation is final: a late, older state never brings a token back.
    if (this.tokens.get(state.tokenId)?.status === 'REVOKED') return;
    this.tokens.set(state.tokenId, state);
    this.misses.delete(state.tokenId);
    if (state.status === 'REVOKED') for (const listener of this.revocationListeners) listener(state.tokenId);
  }

  /**
   * Called once when a token is revoked, by this process or (through the store subscription,
   * within its poll interval) by another one such as the cli.
   */
  onRevoked(listener: (tokenId: string) => void): () => void {
    this.revocationListeners.add(listener);
    return () => {
      this.revocationListeners.delete(listener);
    };
  }

  /** The caller a token string stands for, or null when it is unknown, wrong or revoked. */
  async authenticate(presented: string): Promise<ApiTokenPrincipal | null> {
    await this.ready();
    const parsed = parseToken(presented);
    if (parsed !== null) {
      const token = this.tokens.get(parsed.tokenId) ?? (await this.lookUpMiss(parsed.tokenId));
      if (token?.status === 'ISSUED' && sameDigest(token.secretHash, hashSecret(parsed.secret)))
        return principalOf(token);
    }
    // The adopted ADMIN_TOKEN is hashed whole: an operator's string need not have our shape.
    const admin = this.tokens.get(ADMIN_TOKEN_ID);
    if (admin?.status === 'ISSUED' && sameDigest(admin.secretHash, hashSecret(presented)))
      return principalOf(admin);
    return null;
  }

  /** Every token, oldest first, without secrets (the index holds hashes only). */
  list(): ApiTokenRecord[] {
    return [...this.tokens.values()]
      .map(({ status, ...token }) => ({ ...token, revoked: status === 'REVOKED' }))
      .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.tokenId.localeCompare(b.tokenId));
  }

  private async lookUpMiss(tokenId: string): Promise<ApiTokenState | undefined> {
    const now = Date.now();
    const lastMiss = this.misses.get(tokenId);
    if (lastMiss !== undefined && now - lastMiss < MISS_RECHECK_MS) return undefined;
    if (this.misses.size >= MAX_REMEMBERED_MISSES) this.misses.clear();
    this.misses.set(tokenId, now);
    for (const event of await this.store.readStream(apiTokenStream(tokenId))) this.apply(event);
    return this.tokens.get(tokenId);
  }
}
