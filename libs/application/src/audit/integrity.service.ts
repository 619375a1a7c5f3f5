import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../command-handling/clock';
import { parseFingerprint } from './integrity-fingerprint';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { requireSlug } from '@app/domain';
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
    const options = this.optionsFor(since);
    if (organizationId === undefined || organizationId === null)
      return verifyWholeStore(this.store, onProgress, options);
    await this.organizationEvents.requireRegistered(requireSlug('organizationId', organizationId));
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
    const options = this.optionsFor(since);
    const streams: string[] = [];
    for (const organizationId of organizationIds) {
      if (!(await this.organizationEvents.isRegistered(organizationId))) continue;
      streams.push(...(await this.organizationStreams.fromStore(organizationId)));
    }
    return verifyStreams(this.store, [...new Set(streams)], onProgress, options);
  }

  private optionsFor(since: string | null | undefined): IntegrityOptions {
    return {
      since: since === undefined || since === null || since === '' ? null : parseFingerprint(since),
      checkedAt: this.clock(),
    };
  }
}
