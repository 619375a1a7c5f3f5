import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import type { InvitationRevokedData, RaterInvitedData, RespondentForgottenData } from '@app/domain';
import { hashSecret, parseToken, sameDigest } from '../api-tokens/api-token-secrets';
import { CLOCK, type Clock } from '../command-handling/clock';
import { LiveEventIndex } from '../streams/live-event-index';

// A forgotten respondent's links stop too: derived from the forgetting itself, so no invitation
// event is written for it and stores forgotten before this rule are covered alike.
const INVITATION_EVENT_TYPES = ['RaterInvited', 'InvitationRevoked', 'RespondentForgotten'] as const;
/** An unknown invitation makes the index read the store's newest invitation events at most this often. */
const CATCH_UP_INTERVAL_MS = 250;

/** What authenticating a rater's link needs; the rest of an invitation lives in its assessment. */
export interface InvitationCredential {
  invitationId: string;
  assessmentId: string;
  organizationId: string;
  /** The person the link is for: once the organisation forgets them, the link stops. */
  respondentId: string;
  secretHash: string;
  /** ISO-8601, or null for a link that does not expire. */
  expiresAt: string | null;
  revoked: boolean;
}

/** Why a link was not accepted, for a message the rater can act on. */
export type InvitationRefusal = 'unknown' | 'revoked' | 'expired' | 'forgotten';

export type InvitationAuthentication =
  { accepted: true; credential: InvitationCredential } | { accepted: false; refusal: InvitationRefusal };

/** Invitation ids are made by the server with this prefix, which tells a rater's link from an API token. */
export const INVITATION_ID_PREFIX = 'invitation-';

const respondentKey = (organizationId: string, respondentId: string): string =>
  `${organizationId}/${respondentId}`;

export const isInvitationToken = (presented: string): boolean =>
  parseToken(presented)?.tokenId.startsWith(INVITATION_ID_PREFIX) ?? false;

/**
 * Every invitation's credential in memory, kept current by a subscription to invitation events
 * (and, for one issued by another process a moment ago, a catch-up read on a miss), so
 * authenticating a rater's request reads nothing from the store.
 */
@Injectable()
export class InvitationIndex extends LiveEventIndex {
  private readonly credentials = new Map<string, InvitationCredential>();
  /** When each respondent was forgotten (ISO-8601), by `organizationId/respondentId`. */
  private readonly forgotten = new Map<string, string>();
  private readonly revocationListeners = new Set<(invitationId: string) => void>();
  private lastCatchUp = 0;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(store, INVITATION_EVENT_TYPES, 'invitation');
  }

  /** Folds a recorded invitation event in; applying one twice changes nothing. */
  override apply(event: RecordedEvent): void {
    if (event.type === 'RaterInvited') {
      const data = event.data as unknown as RaterInvitedData;
      if (this.credentials.has(data.invitationId)) return;
      this.credentials.set(data.invitationId, {
        invitationId: data.invitationId,
        assessmentId: data.assessmentId,
        organizationId: data.organizationId,
        respondentId: data.respondentId,
        secretHash: data.secretHash,
        expiresAt: data.expiresAt,
        revoked: false,
      });
    } else if (event.type === 'InvitationRevoked') {
      this.revoke((event.data as unknown as InvitationRevokedData).invitationId);
    } else if (event.type === 'RespondentForgotten') {
      const { organizationId, respondentId, forgottenAt } = event.data as unknown as RespondentForgottenData;
      this.rememberForgotten(organizationId, respondentId, forgottenAt);
    }
  }

  /** Takes invitations as a command left them, so the next request sees them without waiting for the subscription. */
  remember(credentials: Iterable<InvitationCredential>): void {
    for (const credential of credentials) {
      const known = this.credentials.get(credential.invitationId);
      if (known === undefined) this.credentials.set(credential.invitationId, { ...credential });
      if (credential.revoked) this.revoke(credential.invitationId);
    }
  }

  /** Takes a forgetting as its command left it, so the person's links stop at the next request. */
  rememberForgotten(organizationId: string, respondentId: string, forgottenAt: string): void {
    const key = respondentKey(organizationId, respondentId);
    if (!this.forgotten.has(key)) this.forgotten.set(key, forgottenAt);
  }

  /** When the organisation forgot the respondent (ISO-8601), or null while it has not. */
  async forgottenAt(organizationId: string, respondentId: string): Promise<string | null> {
    await this.ready();
    return this.forgotten.get(respondentKey(organizationId, respondentId)) ?? null;
  }

  /** Called once when an invitation is revoked, by this process or (through the subscription) another. */
  onRevoked(listener: (invitationId: string) => void): () => void {
    this.revocationListeners.add(listener);
    return () => {
      this.revocationListeners.delete(listener);
    };
  }

  /** The invitation's credential, or null when no such invitation exists. */
  async find(invitationId: string): Promise<InvitationCredential | null> {
    await this.ready();
    return this.credentials.get(invitationId) ?? (await this.lookUpMiss(invitationId));
  }

  /** Whether a link's token is a working invitation, and why not otherwise. */
  async authenticate(presented: string): Promise<InvitationAuthentication> {
    const parsed = parseToken(presented);
    if (parsed === null || !parsed.tokenId.startsWith(INVITATION_ID_PREFIX))
      return { accepted: false, refusal: 'unknown' };
    const credential = await this.find(parsed.tokenId);
    // A wrong secret says nothing about the invitation: it is answered as an unknown one.
    if (credential === null || !sameDigest(credential.secretHash, hashSecret(parsed.secret)))
      return { accepted: false, refusal: 'unknown' };
    // Forgetting comes first: it says why the answers behind the link are no longer shown.
    if (this.forgotten.has(respondentKey(credential.organizationId, credential.respondentId)))
      return { accepted: false, refusal: 'forgotten' };
    if (credential.revoked) return { accepted: false, refusal: 'revoked' };
    if (credential.expiresAt !== null && Date.parse(credential.expiresAt) <= this.clock().getTime())
      return { accepted: false, refusal: 'expired' };
    return { accepted: true, credential };
  }

  private revoke(invitationId: string): void {
    const credential = this.credentials.get(invitationId);
    if (credential === undefined || credential.revoked) return;
    credential.revoked = true;
    for (const listener of this.revocationListeners) listener(invitationId);
  }

  private async lookUpMiss(invitationId: string): Promise<InvitationCredential | null> {
    const now = Date.now();
    if (now - this.lastCatchUp < CATCH_UP_INTERVAL_MS) return null;
    this.lastCatchUp = now;
    await this.catchUp();
    return this.credentials.get(invitationId) ?? null;
  }
}
