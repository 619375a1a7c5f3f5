import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { notFound, ORGANIZATION_ERROR_CODES, organizationStream } from '@app/domain';
import { PersonalData } from '../personal-data/personal-data';
import { OrganizationStreams } from './organization-streams';

/** An organisation's events exactly as recorded (raw, not upcast), in global order. */
@Injectable()
export class OrganizationEvents {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: OrganizationStreams,
    private readonly personalData: PersonalData,
  ) {}

  /** Every event of the organisation, oldest first. */
  async all(organizationId: string): Promise<RecordedEvent[]> {
    const streams = await this.streams.fromIndex(organizationId);
    const perStream = await Promise.all(
      streams.map((stream) => this.store.readStream(stream, { raw: true })),
    );
    // Each stream is already in revision order; a merge by position gives the global order.
    return perStream.flat().sort((left, right) => left.position - right.position);
  }

  /**
   * Every event of the organisation as recorded, with personal text opened for people to read
   * (history, reports): the text, or null with its erased flag once erased. Exports use all().
   */
  async allToShow(organizationId: string): Promise<RecordedEvent[]> {
    return this.toShow(await this.all(organizationId));
  }

  /** The events with their personal text opened, as allToShow. */
  toShow(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    return this.personalData.open(events);
  }

  /** NOT_FOUND unless the organisation's own stream exists. */
  async requireRegistered(organizationId: string): Promise<void> {
    if (!(await this.isRegistered(organizationId))) throw unknownOrganization(organizationId);
  }

  async isRegistered(organizationId: string): Promise<boolean> {
    const first = await this.store.readStream(organizationStream(organizationId), { maxCount: 1, raw: true });
    return first.length > 0;
  }
}

function unknownOrganization(organizationId: string): Error {
  return notFound(
    'organizationId',
    `organizationId: no organisation "${organizationId}" is registered`,
    ORGANIZATION_ERROR_CODES.notFound,
  );
}
