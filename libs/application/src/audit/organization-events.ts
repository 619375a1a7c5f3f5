import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import type { HistoryEntry } from '@app/projections';
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
   * The events the entries point at, as recorded and in the entries' order: consecutive revisions
   * of one stream are one read, so a page of a rating batch costs one read of the store.
   */
  async at(entries: readonly HistoryEntry[]): Promise<RecordedEvent[]> {
    const runs: { stream: string; fromRevision: number; count: number }[] = [];
    for (const entry of entries) {
      const run = runs.at(-1);
      if (run !== undefined && run.stream === entry.stream && run.fromRevision + run.count === entry.revision)
        run.count += 1;
      else runs.push({ stream: entry.stream, fromRevision: entry.revision, count: 1 });
    }
    const read = await Promise.all(
      runs.map(({ stream, fromRevision, count }) =>
        this.store.readStream(stream, { fromRevision, maxCount: count, raw: true }),
      ),
    );
    return read.flat();
  }

  /**
   * The events with their personal text opened for people to read (history, reports): the text,
   * or null with its erased flag once erased. Exports use the events as recorded.
   */
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
