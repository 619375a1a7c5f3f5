// PostgreSQL adapter (ADR 0010), selected by DATABASE_URL: several api replicas share one
// database. An append is one round trip: the events are prepared here (revisions, hash chain) for
// the stream's tip as last seen, and event_store_append writes them under the position lock only
// if the tip is still that one; otherwise it answers with the current tip and we decide again.
// Subscriptions poll, and wake at once on NOTIFY from any process's commit.
import { Pool, type PoolClient, type PoolConfig, type QueryConfig, type QueryResultRow } from 'pg';
import {
  expectationHolds,
  NO_STREAM_REVISION,
  type PreparedEvent,
  prepareEvents,
  resolveRepeat,
  type StoredEventLocation,
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
  ExpectedRevision,
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
import { AppendListener } from './append-listener';
import {
  describeDatabaseUrl,
  endedWhileIdle,
  translatePostgresError,
  violatedUniqueConstraint,
} from './postgres-errors';
import { APPENDED_CHANNEL, migrate } from './postgres-schema';

export interface PostgresEventStoreOptions {
  /** DATABASE_URL, e.g. postgres://user:password@host:5432/database */
  connectionString: string;
  clock?: () => Date;
  upcasters?: UpcasterRegistry;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** Shown in pg_stat_activity. Default `event-store`. */
  applicationName?: string;
  /** How often a live subscription polls when no NOTIFY arrives. Default 1000. */
  pollIntervalMs?: number;
  /** Events per subscription read. Default 500. */
  subscriptionPageSize?: number;
  /** How long to wait for a connection before the store reports itself unavailable. Default 10000. */
  connectTimeoutMs?: number;
  /** Reports errors nobody awaits (an idle connection dropped, the LISTEN connection lost). */
  onBackgroundError?: (error: unknown) => void;
}

const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, hash';
/** Stream tips remembered from our own appends and reads (a stale one only costs a retry). */
const MAX_REMEMBERED_TIPS = 10_000;
/** Retries of an 'any'/'stream_exists' append when other writers keep moving the stream. */
const MAX_APPEND_ATTEMPTS = 20;

interface StreamTip {
  revision: number;
  hash: string | null;
  position: number;
}

const NO_TIP: StreamTip = { revision: NO_STREAM_REVISION, hash: null, position: 0 };

interface EventRow {
  position: string;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

interface AppendRow {
  last_position: string;
  tip_revision: number;
  tip_hash: string | null;
  tip_position: string | null;
}

export class PostgresEventStore implements EventStore, RecordedEventImporter {
  readonly target: string;
  private readonly pool: Pool;
  private readonly clock: () => Date;
  private readonly upcasters: UpcasterRegistry;
  private readonly subscriptions: PollingSubscriptions;
  private readonly listener: AppendListener;
  private readonly tips = new Map<string, StreamTip>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  private constructor(options: PostgresEventStoreOptions) {
    this.target = describeDatabaseUrl(options.connectionString);
    const onBackgroundError = options.onBackgroundError ?? ((): void => undefined);
    const connection: PoolConfig = {
      connectionString: options.connectionString,
      application_name: options.applicationName ?? 'event-store',
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    };
    this.pool = new Pool({ ...connection, max: options.poolSize ?? 10 });
    // An idle connection that drops emits 'error' on the pool; unheard, it would end the process.
    this.pool.on('error', onBackgroundError);
    this.clock = options.clock ?? ((): Date => new Date());
    this.upcasters = options.upcasters ?? NO_UPCASTERS;
    this.subscriptions = new PollingSubscriptions({
      pageSize: options.subscriptionPageSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      readAll: (readOptions) => this.readAll(readOptions),
      onUnavailable: onBackgroundError,
    });
    this.listener = new AppendListener(
      connection,
      () => {
        this.subscriptions.notify();
      },
      onBackgroundError,
    );
  }

  /** Connects, creates or migrates the layout, and checks the server answers. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      const client = await store.pool.connect();
      try {
        await migrate(client, store.target);
      } finally {
        client.release();
      }
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      throw translatePostgresError(error, store.target, false);
    }
    return store;
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.track(async () => {
      const expected = validateAppend(stream, events, options.expectedRevision);
      try {
        const result = await this.appendWithRetries(stream, events, expected);
        if (result.written) this.subscriptions.notify();
        return result;
      } catch (error) {
        throw translatePostgresError(error, this.target, true);
      }
    });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.track(async () => {
      const backwards = options.direction === 'backwards';
      const rows = await this.query<EventRow>({
        name: backwards ? 'event-store-read-stream-backwards' : 'event-store-read-stream-forwards',
        text: backwards
          ? `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`
          : `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision ASC LIMIT $3`,
        values: [stream, options.fromRevision ?? (backwards ? 2_147_483_647 : 0), options.maxCount ?? null],
      });
      const last = rows.at(-1);
      // A forward read to the end saw the tip: the next append to this stream can skip reading it.
      if (!backwards && options.maxCount === undefined && last !== undefined)
        this.rememberTip(stream, {
          revision: last.revision,
          hash: last.hash,
          position: Number(last.position),
        });
      return this.decode(rows, options.raw ?? false);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.track(async () => {
      const after = options.after ?? 0;
      const limit = options.maxCount ?? null;
      const rows =
        options.eventTypes === undefined
          ? await this.query<EventRow>({
              name: 'event-store-read-all',
              text: `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position ASC LIMIT $2`,
              values: [after, limit],
            })
          : await this.query<EventRow>({
              name: 'event-store-read-all-of-types',
              text: `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 AND type = ANY($3::text[]) ORDER BY position ASC LIMIT $2`,
              values: [after, limit, [...new Set(options.eventTypes)]],
            });
      return this.decode(rows, options.raw ?? false);
    });
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): EventSubscription {
    this.assertOpen();
    void this.listener.start();
    return this.subscriptions.subscribe(options, handler);
  }

  headPosition(): Promise<number> {
    return this.track(async () => {
      const [row] = await this.query<{ position: string }>({
        name: 'event-store-head',
        text: 'SELECT position FROM event_store_head WHERE singleton',
      });
      return Number(row?.position ?? 0);
    });
  }

  /** How many events sit at positions 1..position: equal to position while none was deleted. */
  countEventsUpTo(position: number): Promise<number> {
    return this.track(async () => {
      const [row] = await this.query<{ count: string }>({
        name: 'event-store-count-up-to',
        text: 'SELECT COUNT(*) AS count FROM events WHERE position <= $1',
        values: [position],
      });
      return Number(row?.count ?? 0);
    });
  }

  /** Whether subscriptions are woken by NOTIFY right now (else they poll). */
  get listening(): boolean {
    return this.listener.listening;
  }

  importRecorded(
    events: readonly RecordedEvent[],
    options: ImportRecordedOptions = {},
  ): Promise<ImportRecordedResult> {
    return this.track(async () => {
      const client = await this.connectClient(true);
      try {
        await client.query('BEGIN');
        const result = await this.importInTransaction(client, events, options.requireEmptyStore ?? false);
        await client.query('COMMIT');
        if (result.imported > 0) this.subscriptions.notify();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (violatedUniqueConstraint(error) !== undefined)
          throw new ImportRefusedError(
            'Import refused: an event id is already stored in its stream; nothing was written.',
            { cause: error },
          );
        throw translatePostgresError(error, this.target, true);
      } finally {
        client.release();
      }
    });
  }

  /** Finishes in-flight operations, stops the subscriptions and the listener, closes the pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await this.subscriptions.closeAll();
    await this.listener.close();
    await this.pool.end();
  }

  private async appendWithRetries(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let tip = this.tips.get(stream);
    let fresh = false;
    if (tip === undefined) {
      tip = await this.readTip(stream);
      fresh = true;
    }
    for (let attempt = 1; ; attempt += 1) {
      if (!expectationHolds(expected, tip.revision) || events.length === 0) {
        // A remembered tip may be stale: decide on the stored one.
        if (!fresh) {
          tip = await this.readTip(stream);
          fresh = true;
          continue;
        }
        return this.resolveWithoutWriting(stream, events, expected, tip);
      }
      const prepared = prepareEvents(stream, events, tip.revision + 1, tip.hash, transactionTime(this.clock));
      let row: AppendRow | undefined;
      try {
        [row] = await this.query<AppendRow>(appendQuery(stream, tip.revision, prepared), true);
      } catch (error) {
        if (violatedUniqueConstraint(error) === undefined) throw error;
        // Some id is already stored (nothing was written): an idempotent repeat or a conflict.
        return this.resolveWithoutWriting(stream, events, expected, await this.readTip(stream));
      }
      if (row === undefined) throw new Error('event_store_append returned no row');
      const current: StreamTip = {
        revision: row.tip_revision,
        hash: row.tip_hash,
        position: Number(row.tip_position ?? 0),
      };
      this.rememberTip(stream, current);
      const lastPosition = Number(row.last_position);
      if (lastPosition > 0)
        return { nextExpectedRevision: current.revision, position: lastPosition, written: true };
      // Another writer moved the stream since we read its tip.
      if (attempt >= MAX_APPEND_ATTEMPTS) throw wrongExpectedRevision(stream, expected, current.revision);
      tip = current;
      fresh = true;
    }
  }

  /** The expectation failed, the batch is empty, or an id is already stored: a repeat, or an error. */
  private async resolveWithoutWriting(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    tip: StreamTip,
  ): Promise<AppendResult> {
    if (events.length > 0) {
      const locations = await this.query<{ id: string; stream: string; revision: number; position: string }>({
        name: 'event-store-locate-ids',
        text: 'SELECT id, stream, revision, position FROM events WHERE stream = $1 AND id = ANY($2::text[])',
        values: [stream, events.map((event) => event.id)],
      });
      const byId = new Map<string, StoredEventLocation>(
        locations.map((location) => [location.id, { ...location, position: Number(location.position) }]),
      );
      const stored = events.map((event) => byId.get(event.id));
      if (stored.some((location) => location !== undefined))
        return resolveRepeat(stream, events, expected, stored, tip.revision);
    }
    if (!expectationHolds(expected, tip.revision))
      throw wrongExpectedRevision(stream, expected, tip.revision);
    return { nextExpectedRevision: tip.revision, position: tip.position, written: false };
  }

  private async readTip(stream: string): Promise<StreamTip> {
    const [row] = await this.query<{ revision: number; hash: string; position: string }>({
      name: 'event-store-stream-tip',
      text: 'SELECT revision, hash, position FROM events WHERE stream = $1 ORDER BY revision DESC LIMIT 1',
      values: [stream],
    });
    const tip =
      row === undefined ? NO_TIP : { revision: row.revision, hash: row.hash, position: Number(row.position) };
    if (row !== undefined) this.rememberTip(stream, tip);
    return tip;
  }

  private rememberTip(stream: string, tip: StreamTip): void {
    if (tip.revision === NO_STREAM_REVISION) return;
    const known = this.tips.get(stream);
    if (known !== undefined && known.revision > tip.revision) return;
    this.tips.delete(stream);
    this.tips.set(stream, tip);
    if (this.tips.size > MAX_REMEMBERED_TIPS) {
      const oldest = this.tips.keys().next().value;
      if (oldest !== undefined) this.tips.delete(oldest);
    }
  }

  private async importInTransaction(
    client: PoolClient,
    events: readonly RecordedEvent[],
    requireEmptyStore: boolean,
  ): Promise<ImportRecordedResult> {
    const head = await client.query<{ position: string }>(
      'SELECT position FROM event_store_head WHERE singleton FOR UPDATE',
    );
    const headPosition = Number(head.rows[0]?.position ?? 0);
    if (requireEmptyStore && headPosition > 0) throw storeNotEmpty(headPosition);
    const streams = [...new Set(events.map((event) => event.stream))];
    const tipRows = await client.query<{ stream: string; revision: number; hash: string }>(
      `SELECT DISTINCT ON (stream) stream, revision, hash FROM events WHERE stream = ANY($1::text[])
       ORDER BY stream, revision DESC`,
      [streams],
    );
    const tips = new Map(tipRows.rows.map((row) => [row.stream, { revision: row.revision, hash: row.hash }]));
    const rows = prepareRecordedImport(events, (stream) => tips.get(stream));
    if (rows.length === 0) return { imported: 0, position: headPosition };
    await client.query(
      `INSERT INTO events (position, id, stream, revision, type, data, metadata, hash)
       SELECT $1::bigint + entry.ordinality, entry.id, entry.stream, entry.revision, entry.type, entry.data, entry.metadata, entry.hash
         FROM unnest($2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[])
              WITH ORDINALITY AS entry(id, stream, revision, type, data, metadata, hash, ordinality)`,
      [
        headPosition,
        rows.map((row) => row.id),
        rows.map((row) => row.stream),
        rows.map((row) => row.revision),
        rows.map((row) => row.type),
        rows.map((row) => row.data),
        rows.map((row) => row.metadata),
        rows.map((row) => row.hash),
      ],
    );
    const position = headPosition + rows.length;
    await client.query('UPDATE event_store_head SET position = $1 WHERE singleton', [position]);
    await client.query(`SELECT pg_notify('${APPENDED_CHANNEL}', $1)`, [String(position)]);
    return { imported: rows.length, position };
  }

  private async query<Row extends QueryResultRow>(config: QueryConfig, writing = false): Promise<Row[]> {
    // A connection the server ended while it sat idle in the pool (a failover, pg_terminate_backend)
    // can be handed out before the pool has noticed: each failed one leaves the pool, so the query
    // runs again, at most once per pooled connection. An append may run again too: its event ids
    // make a repeat of one that was written recognised as such.
    for (let attempt = 0; ; attempt += 1) {
      try {
        return (await this.pool.query<Row>(config)).rows;
      } catch (error) {
        if (!endedWhileIdle(error) || attempt >= this.pool.options.max || this.closed)
          throw translatePostgresError(error, this.target, writing);
      }
    }
  }

  private async connectClient(writing: boolean): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw translatePostgresError(error, this.target, writing);
    }
  }

  private decode(rows: readonly EventRow[], raw: boolean): RecordedEvent[] {
    const events = new Array<RecordedEvent>(rows.length);
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index] as EventRow;
      const stored: StoredEventRow = { ...row, position: Number(row.position) };
      events[index] = decodeStoredEvent(stored, this.upcasters, raw);
    }
    return events;
  }

  private track<Result>(work: () => Promise<Result>): Promise<Result> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    const promise = work();
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function appendQuery(stream: string, expectedTip: number, prepared: readonly PreparedEvent[]): QueryConfig {
  const ids = new Array<string>(prepared.length);
  const types = new Array<string>(prepared.length);
  const data = new Array<string>(prepared.length);
  const metadata = new Array<string>(prepared.length);
  const hashes = new Array<string>(prepared.length);
  for (let index = 0; index < prepared.length; index += 1) {
    const event = prepared[index] as PreparedEvent;
    ids[index] = event.id;
    types[index] = event.type;
    data[index] = event.data;
    metadata[index] = event.metadata;
    hashes[index] = event.hash;
  }
  return {
    name: 'event-store-append',
    text: 'SELECT last_position, tip_revision, tip_hash, tip_position FROM event_store_append($1, $2, $3, $4, $5, $6, $7)',
    values: [stream, expectedTip, ids, types, data, metadata, hashes],
  };
}
