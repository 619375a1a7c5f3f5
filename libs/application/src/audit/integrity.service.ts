import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../command-handling/clock';
import {
  coversSameScope,
  describeScope,
  type FingerprintScope,
  type KeptFingerprint,
  organizationScope,
  parseFingerprint,
} from './integrity-fingerprint';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { invalidInput, requireSlug } from '@app/domain';
import { OrganizationEvents } from './organization-events';
import { OrganizationStreams } from './organization-streams';
import {
  type IntegrityOptions,
  type IntegrityProgress,
  type IntegrityReport,
  verifyStreams,
  verifyWholeStore,
} from './store-integrity';

/** verifyIntegrity: the whole store, or the streams of one organisation. */
@Injectable()
export class IntegrityService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly organizationStreams: OrganizationStreams,
    private readonly organizationEvents: OrganizationEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `since`: a fingerprint's text kept from an earlier check, compared as of its head position. */
  async verify(
    organizationId?: string | null,
    onProgress?: IntegrityProgress,
    since?: string | null,
  ): Promise<IntegrityReport> {
    if (organizationId === undefined || organizationId === null)
      return verifyWholeStore(this.store, onProgress, this.optionsFor(since, 'store'));
    await this.organizationEvents.requireRegistered(requireSlug('organizationId', organizationId));
    const options = this.optionsFor(since, organizationScope([organizationId]));
    return verifyStreams(
      this.store,
      await this.organizationStreams.fromStore(organizationId),
      onProgress,
      options,
    );
  }

  /**
   * The streams of these organisations together: the "whole store" of a token scoped to them, so
   * its report can only ever name a stream of its own organisations.
   */
  async verifyOrganizations(
    organizationIds: readonly string[],
    onProgress?: IntegrityProgress,
    since?: string | null,
  ): Promise<IntegrityReport> {
    const registered: string[] = [];
    for (const organizationId of organizationIds)
      if (await this.organizationEvents.isRegistered(organizationId)) registered.push(organizationId);
    const options = this.optionsFor(since, organizationScope(registered));
    const streams: string[] = [];
    for (const organizationId of registered)
      streams.push(...(await this.organizationStreams.fromStore(organizationId)));
    return verifyStreams(this.store, [...new Set(streams)], onProgress, options);
  }

  private optionsFor(since: string | null | undefined, scope: FingerprintScope): IntegrityOptions {
    const kept = since === undefined || since === null || since === '' ? null : parseFingerprint(since);
    if (kept !== null) requireSameScope(kept, scope);
    return { since: kept, checkedAt: this.clock(), scope };
  }
}

/**
 * A fingerprint of another scope counts other streams, so comparing would report tampering that
 * never happened: it is refused, saying which check it belongs to.
 */
function requireSameScope(kept: KeptFingerprint, checked: FingerprintScope): void {
  if (kept.scope === null || coversSameScope(kept, checked)) return;
  const how =
    kept.scope === 'store'
      ? 'check the whole store (verifyIntegrity without organizationId, with an ADMIN token; on the command line, verify without --org)'
      : kept.scope.organizationIds.length === 1
        ? `pass organizationId "${kept.scope.organizationIds[0]}" (on the command line, verify --org ${kept.scope.organizationIds[0]})`
        : 'check with a token of exactly those organisations and no organizationId';
  throw invalidInput(
    'since',
    `since: this fingerprint was kept from a check of ${describeScope(kept.scope)}, and this check covers ${describeScope(checked)}: the two count different events, so they cannot be compared; ${how} to compare with it`,
  );
}
