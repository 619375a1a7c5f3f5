import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { requireSlug } from '@app/domain';
import { OrganizationEvents } from './organization-events';
import { OrganizationStreams } from './organization-streams';
import {
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
  ) {}

  async verify(organizationId?: string | null, onProgress?: IntegrityProgress): Promise<IntegrityReport> {
    if (organizationId === undefined || organizationId === null)
      return verifyWholeStore(this.store, onProgress);
    await this.organizationEvents.requireRegistered(requireSlug('organizationId', organizationId));
    return verifyStreams(this.store, await this.organizationStreams.fromStore(organizationId), onProgress);
  }

  /**
   * The streams of these organisations together: the "whole store" of a token scoped to them, so
   * its report can only ever name a stream of its own organisations.
   */
  async verifyOrganizations(
    organizationIds: readonly string[],
    onProgress?: IntegrityProgress,
  ): Promise<IntegrityReport> {
    const streams: string[] = [];
    for (const organizationId of organizationIds) {
      if (!(await this.organizationEvents.isRegistered(organizationId))) continue;
      streams.push(...(await this.organizationStreams.fromStore(organizationId)));
    }
    return verifyStreams(this.store, [...new Set(streams)], onProgress);
  }
}
