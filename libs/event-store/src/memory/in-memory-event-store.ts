// In-memory adapter for fast unit tests: the same semantics as SQLite (gap-free positions from 1,
// events stored as canonical JSON texts so readers never share objects with writers).
import {
  expectationHolds,
  type PreparedEvent,
  prepareEvents,
  resolveRepeat,
  settle,
  transactionTime,
  validateAppend,
  wrongExpectedRevision,
} from '../append-rules';
import { EventStoreClosedError, ImportRefusedError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';
import {
  type ImportRecordedOptions,
  type ImportRecordedResult,
  prepareRecordedImport,
  type RecordedEventImporter,
  storeNotEmpty,
} from '../recorded-import';
import { decodeStoredEvent, type StoredEventRow } from '../stored-event';
import { PollingSubscriptions } from '../subscription/polling-subscription';
import { NO_UPCASTERS, type UpcasterRegistry } from '../upcasting';

export interface InMemoryEventStoreOptions {
  clock?: () => Date;
  upcasters?: UpcasterRegistry;
}

const SUBSCRIPTION_PAGE_SIZE = 500;

export class InMemoryEventStore implements EventStore, RecordedEventImporter {
  private readonly all: StoredEventRow[] = [];
  private readonly streams = new Map<string, StoredEventRow[]>();
  /** By stream, then id: idempotency is per stream. */
  private readonly byId = new Map<string, StoredEventRow>();
  private readonly clock: () => Date;
  private readonly upcasters: UpcasterRegistry;
  private readonly subscriptions: PollingSubscriptions;
  private closed = false;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? ((): Date => new Date());
    this.upcasters = options.upcasters ?? NO_UPCASTERS;
    this.subscriptions = new PollingSubscriptions({
      pageSize: SUBSCRIPTION_PAGE_SIZE,
      pollIntervalMs: null,
      readAll: (readOptions) => this.readAll(readOptions),
    });
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return settle(() => this.appendNow(stream, events, options));
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return settle(() => this.readStreamNow(stream, options));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return settle(() => this.readAllNow(options));
  }

  private readStreamNow(stream: string, options: ReadStreamOptions): RecordedEvent[] {
    this.assertOpen();
    const events = this.streams.get(stream) ?? [];
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const raw = options.raw ?? false;
    const result: RecordedEvent[] = [];
    if (options.direction === 'backwards') {
      const from = Math.min(options.fromRevision ?? events.length - 1, events.length - 1);
      for (let revision = from; revision >= 0 && result.length < maxCount; revision -= 1) {
        result.push(decodeStoredEvent(events[revision] as StoredEventRow, this.upcasters, raw));
      }
    } else {
      for (
        let revision = Math.max(options.fromRevision ?? 0, 0);
        revision < events.length && result.length < maxCount;
        revision += 1
      ) {
        result.push(decodeStoredEvent(events[revision] as StoredEventRow, this.upcasters, raw));
      }
    }
    return result;
  }

  private readAllNow(options: ReadAllOptions): RecordedEvent[] {
    this.assertOpen();
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const types = options.eventTypes === undefined ? null : new Set(options.eventTypes);
    const raw = options.raw ?? false;
    const result: RecordedEvent[] = [];
    // Positions are 1-based and gap-free, so position p sits at index p - 1.
    for (
      let index = Math.max(Math.floor(options.after ?? 0), 0);
      index < this.all.length && result.length < maxCount;
      index += 1
    ) {
      const row = this.all[index] as StoredEventRow;
      if (types === null || types.has(row.type)) result.push(decodeStoredEvent(row, this.upcasters, raw));
    }
    return result;
  }

  importRecorded(
    events: readonly RecordedEvent[],
    options: ImportRecordedOptions = {},
  ): Promise<ImportRecordedResult> {
    return settle(() => {
      this.assertOpen();
      if (options.requireEmptyStore === true && this.all.length > 0) throw storeNotEmpty(this.all.length);
      const rows = prepareRecordedImport(events, (stream) => this.streams.get(stream)?.at(-1));
      const stored = rows.find((row) => this.byId.has(idKey(row.stream, row.id)));
      if (stored !== undefined)
        throw new ImportRefusedError(
          `Import refused: event id ${stored.id} is already stored in stream ${stored.stream}; nothing was written.`,
        );
      for (const row of rows) this.insert(row.stream, row);
      if (rows.length > 0) this.subscriptions.notify();
      return { imported: rows.length, position: this.all.length };
    });
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): EventSubscription {
    this.assertOpen();
    return this.subscriptions.subscribe(options, handler);
  }

  headPosition(): Promise<number> {
    return settle(() => {
      this.assertOpen();
      return this.all.length;
    });
  }

  /** How many events sit at positions 1..position (nothing deletes from memory). */
  countEventsUpTo(position: number): Promise<number> {
    return settle(() => {
      this.assertOpen();
      return this.all.filter((event) => event.position <= position).length;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.subscriptions.closeAll();
    this.closed = true;
  }

  private appendNow(stream: string, events: readonly NewEvent[], options: AppendOptions): AppendResult {
    this.assertOpen();
    const expected = validateAppend(stream, events, options.expectedRevision);
    const streamEvents = this.streams.get(stream) ?? [];
    const currentRevision = streamEvents.length - 1;
    const stored = events.map((event) => this.byId.get(idKey(stream, event.id)));
    if (stored.some((location) => location !== undefined)) {
      return resolveRepeat(stream, events, expected, stored, currentRevision);
    }
    if (!expectationHolds(expected, currentRevision)) {
      throw wrongExpectedRevision(stream, expected, currentRevision);
    }
    if (events.length === 0) {
      const last = streamEvents[streamEvents.length - 1];
      return { nextExpectedRevision: currentRevision, position: last?.position ?? 0, written: false };
    }
    const previousHash = streamEvents[streamEvents.length - 1]?.hash ?? null;
    const prepared = prepareEvents(
      stream,
      events,
      currentRevision + 1,
      previousHash,
      transactionTime(this.clock),
    );
    for (const event of prepared) this.insert(stream, event);
    this.subscriptions.notify();
    return {
      nextExpectedRevision: currentRevision + prepared.length,
      position: this.all.length,
      written: true,
    };
  }

  /** Stores one event at the next position, in its stream and by id. */
  private insert(stream: string, event: PreparedEvent): void {
    const row: StoredEventRow = { ...event, stream, position: this.all.length + 1 };
    this.all.push(row);
    const streamEvents = this.streams.get(stream);
    if (streamEvents === undefined) this.streams.set(stream, [row]);
    else streamEvents.push(row);
    this.byId.set(idKey(stream, row.id), row);
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function idKey(stream: string, id: string): string {
  return `${stream}\u0000${id}`;
}
