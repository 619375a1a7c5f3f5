// EventStoreDB / KurrentDB adapter (the scale-out path), selected by EVENTSTORE_CONNECTION_STRING.
// Mapping (ADR 0002): our position is the event's commit position in $all, as a number (it grows
// strictly but is a byte offset, so not gap-free); ESDB metadata holds our metadata plus `hash`.
// The hash chain needs the previous event's hash, so an append reads the stream's last event, then
// appends with that exact revision: a concurrent writer makes ESDB reject the append, so the
// chain cannot fork.
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  expectationHolds,
  NO_STREAM_REVISION,
  prepareEvents,
  resolveRepeat,
  type StoredEventLocation,
  transactionTime,
  validateAppend,
  wrongExpectedRevision,
} from '../append-rules';
import { EventStoreClosedError, EventStoreUnavailableError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventMetadata,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';
import { decodeStoredEvent } from '../stored-event';
import { NO_UPCASTERS, type UpcasterRegistry } from '../upcasting';

export interface EventStoreDbEventStoreOptions {
  connectionString: string;
  clock?: () => Date;
  upcasters?: UpcasterRegistry;
  /** How far back an 'any'/'stream_exists' append looks for its own ids (idempotent repeats). Default 256. */
  repeatWindow?: number;
  /** Retries when a concurrent writer moved the stream under an 'any'/'stream_exists' append. Default 10. */
  concurrencyRetries?: number;
}

/** ESDB's metadata for one of our events: our metadata plus the event's hash. */
type StoredMetadata = EventMetadata & { hash: string };

const READ_ALL_CHUNK = 1000;

export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly clock: () => Date;
  private readonly upcasters: UpcasterRegistry;
  private readonly repeatWindow: number;
  private readonly concurrencyRetries: number;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<EventSubscription>();
  private closed = false;

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.clock = options.clock ?? ((): Date => new Date());
    this.upcasters = options.upcasters ?? NO_UPCASTERS;
    this.repeatWindow = options.repeatWindow ?? 256;
    this.concurrencyRetries = options.concurrencyRetries ?? 10;
  }

  /** Connects and checks the server answers, so a wrong connection string fails at start. */
  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(options);
    try {
      await store.headPosition();
    } catch (error) {
      await store.client.dispose();
      throw error;
    }
    return store;
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.track(async () => {
      const expected = validateAppend(stream, events, options.expectedRevision);
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await this.appendOnce(stream, events, expected);
        } catch (error) {
          // The stream moved between our read and our append. Re-evaluate against the new state:
          // a numeric expectation then fails with the typed error; 'any' chains onto the new tail.
          if (!(error instanceof WrongExpectedVersionError) || attempt >= this.concurrencyRetries)
            throw translate(error);
        }
      }
    });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.track(async () => {
      const backwards = options.direction === 'backwards';
      const fromRevision =
        options.fromRevision === undefined
          ? backwards
            ? END
            : START
          : BigInt(Math.max(0, options.fromRevision));
      const raw = options.raw ?? false;
      const events: RecordedEvent[] = [];
      try {
        const read = this.client.readStream(stream, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision,
          ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
        });
        for await (const resolved of read) {
          const event = this.toRecordedEvent(resolved, raw);
          if (event !== null) events.push(event);
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw translate(error);
      }
      return events;
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.track(async () => {
      const after = options.after ?? 0;
      const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
      const types = options.eventTypes === undefined ? null : new Set(options.eventTypes);
      const raw = options.raw ?? false;
      const events: RecordedEvent[] = [];
      // $all reads take no type filter, so read chunks and filter here (system events are skipped).
      let cursor = after;
      try {
        while (events.length < maxCount) {
          let seen = 0;
          let lastCommit: number | null = null;
          // A read from a position includes the event at it; `<= cursor` skips it.
          for await (const resolved of this.client.readAll({
            direction: FORWARDS,
            fromPosition: cursor > 0 ? positionOf(cursor) : START,
            maxCount: READ_ALL_CHUNK,
          })) {
            seen += 1;
            if (resolved.event !== undefined) lastCommit = Number(resolved.event.position.commit);
            const event = this.toRecordedEvent(resolved, raw);
            if (event === null || event.position <= cursor || (types !== null && !types.has(event.type)))
              continue;
            events.push(event);
            if (events.length >= maxCount) break;
          }
          if (
            events.length >= maxCount ||
            seen < READ_ALL_CHUNK ||
            lastCommit === null ||
            lastCommit <= cursor
          )
            break;
          cursor = lastCommit;
        }
      } catch (error) {
        throw translate(error);
      }
      return events;
    });
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): EventSubscription {
    if (this.closed) throw new EventStoreClosedError();
    const after = options.after ?? 0;
    const filter =
      options.eventTypes === undefined
        ? excludeSystemEvents()
        : eventTypeFilter({ regex: `^(?:${options.eventTypes.map(escapeRegularExpression).join('|')})$` });
    const native = this.client.subscribeToAll({
      fromPosition: after > 0 ? positionOf(after) : START,
      filter,
    });
    const subscription: EventStoreDbSubscription = new EventStoreDbSubscription(
      native,
      after,
      handler,
      (resolved) => this.toRecordedEvent(resolved, false),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  headPosition(): Promise<number> {
    return this.track(async () => {
      try {
        // The newest non-system event of $all.
        for await (const resolved of this.client.readAll({
          direction: BACKWARDS,
          fromPosition: END,
          maxCount: READ_ALL_CHUNK,
        })) {
          const event = resolved.event;
          if (event !== undefined && !event.type.startsWith('$')) return Number(event.position.commit);
        }
        return 0;
      } catch (error) {
        throw translate(error);
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async appendOnce(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const last = await this.readLastEvent(stream);
    const currentRevision = last?.revision ?? NO_STREAM_REVISION;
    const holds = expectationHolds(expected, currentRevision);
    if (!holds || events.length === 0 || expected === 'any' || expected === 'stream_exists') {
      const repeat = await this.findRepeat(stream, events, expected, currentRevision);
      if (repeat !== null) return repeat;
      if (!holds) throw wrongExpectedRevision(stream, expected, currentRevision);
      if (events.length === 0)
        return { nextExpectedRevision: currentRevision, position: last?.position ?? 0, written: false };
    }
    const prepared = prepareEvents(
      stream,
      events,
      currentRevision + 1,
      last?.hash ?? null,
      transactionTime(this.clock),
    );
    const result = await this.client.appendToStream(
      stream,
      prepared.map((event) =>
        jsonEvent({
          id: event.id,
          type: event.type,
          data: JSON.parse(event.data) as JsonObject,
          metadata: { ...(JSON.parse(event.metadata) as EventMetadata), hash: event.hash },
        }),
      ),
      { expectedRevision: currentRevision === NO_STREAM_REVISION ? NO_STREAM : BigInt(currentRevision) },
    );
    // The append reports the commit position of the batch's last event.
    return {
      nextExpectedRevision: Number(result.nextExpectedRevision),
      position: result.position ? Number(result.position.commit) : 0,
      written: true,
    };
  }

  private async readLastEvent(
    stream: string,
  ): Promise<{ revision: number; hash: string; position: number } | null> {
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1, raw: true });
    return last === undefined ? null : { revision: last.revision, hash: last.hash, position: last.position };
  }

  /** ESDB has no lookup by event id: look where a repeat of this batch would have been written. */
  private async findRepeat(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    currentRevision: number,
  ): Promise<AppendResult | null> {
    if (events.length === 0 || currentRevision === NO_STREAM_REVISION) return null;
    let candidates: RecordedEvent[];
    if (typeof expected === 'number') {
      candidates = await this.readStream(stream, {
        fromRevision: expected + 1,
        maxCount: events.length,
        raw: true,
      });
    } else if (expected === 'no_stream') {
      candidates = await this.readStream(stream, { fromRevision: 0, maxCount: events.length, raw: true });
    } else {
      candidates = await this.readStream(stream, {
        direction: 'backwards',
        maxCount: this.repeatWindow + events.length,
        raw: true,
      });
    }
    const byId = new Map<string, StoredEventLocation>(
      candidates.map((event) => [
        event.id,
        { id: event.id, stream, revision: event.revision, position: event.position },
      ]),
    );
    const stored = events.map((event) => byId.get(event.id));
    if (!stored.some((location) => location !== undefined)) return null;
    return resolveRepeat(stream, events, expected, stored, currentRevision);
  }

  private toRecordedEvent(
    resolved: ResolvedEvent | AllStreamResolvedEvent,
    raw: boolean,
  ): RecordedEvent | null {
    const event = resolved.event;
    if (event === undefined || !event.isJson || event.type.startsWith('$')) return null;
    const metadata = event.metadata as Partial<StoredMetadata> | undefined;
    if (metadata === undefined || typeof metadata.hash !== 'string') return null;
    const { hash, ...eventMetadata } = metadata as StoredMetadata;
    return decodeStoredEvent(
      {
        position: event.position === undefined ? 0 : Number(event.position.commit),
        id: event.id,
        stream: event.streamId,
        revision: Number(event.revision),
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(eventMetadata),
        hash,
      },
      this.upcasters,
      raw,
    );
  }

  private track<Result>(work: () => Promise<Result>): Promise<Result> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    const promise = work();
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }
}

class EventStoreDbSubscription implements EventSubscription {
  readonly done: Promise<void>;
  private closed = false;

  constructor(
    private readonly native: AllStreamSubscription,
    private readonly after: number,
    private readonly handler: EventHandler,
    private readonly toRecordedEvent: (resolved: AllStreamResolvedEvent) => RecordedEvent | null,
    onStop: () => void,
  ) {
    this.done = this.run().finally(onStop);
    this.done.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.native.unsubscribe();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    try {
      // for-await pulls one event at a time, so the next waits for the handler (back-pressure).
      for await (const resolved of this.native) {
        if (this.closed) return;
        const event = this.toRecordedEvent(resolved);
        // The start position may be delivered again; the checkpoint is exclusive.
        if (event === null || event.position <= this.after) continue;
        await this.handler(event);
      }
    } catch (error) {
      if (this.closed) return;
      await this.native.unsubscribe().catch(() => undefined);
      throw translate(error);
    }
  }
}

function positionOf(position: number): Position {
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

function escapeRegularExpression(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function translate(error: unknown): unknown {
  if (error instanceof UnavailableError) {
    return new EventStoreUnavailableError(
      `EventStoreDB is unavailable (${error.message}). Check EVENTSTORE_CONNECTION_STRING and that the server runs.`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return wrongExpectedRevision(
      error.streamName,
      mapExpected(error.expectedVersion),
      actual === NO_STREAM ? NO_STREAM_REVISION : Number(actual),
    );
  }
  return error;
}

function mapExpected(expected: WrongExpectedVersionError['expectedVersion']): ExpectedRevision {
  return typeof expected === 'bigint' ? Number(expected) : expected;
}
