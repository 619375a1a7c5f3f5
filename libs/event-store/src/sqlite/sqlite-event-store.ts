// The embedded default adapter: one SQLite file, <dataDir>/events.db (the constructor takes the
// data directory, as DATA_DIR names it). WAL with synchronous=FULL (ADR 0001); busy_timeout lets
// a second process (the cli while the api runs) write too. Appends are committed in groups (ADR
// 0013): those made during one turn of the event loop share one transaction and one fsync, each
// in its own savepoint with its own expectation and outcome (an append alone in its turn needs no
// savepoint), and each is acknowledged only once that transaction has committed. The file is
// checked once per group, before its transaction. close() commits the appends still queued.
import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  expectationHolds,
  NO_STREAM_REVISION,
  type PreparedEvent,
  prepareEvents,
  resolveRepeat,
  settle,
  type StoredEventLocation,
  transactionTime,
  validateAppend,
  wrongExpectedRevision,
} from '../append-rules';
import {
  EventStoreClosedError,
  EventStoreDamagedError,
  EventStoreUnavailableError,
  ImportRefusedError,
} from '../errors';
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
import { openSqliteDatabase, sqliteErrorCode } from './open-sqlite-database';
import { SQLITE_EVENT_STORE_FILE_NAME } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** Directory of the store; created when missing. The file is `<dataDir>/events.db`. */
  dataDir: string;
  /** Defaults to events.db. */
  fileName?: string;
  clock?: () => Date;
  upcasters?: UpcasterRegistry;
  /** How long a write waits for another process's write lock, and the start-up lock probe. Default 5000. */
  busyTimeoutMs?: number;
  /** How often a live subscription looks for appends by other processes. Default 200. */
  pollIntervalMs?: number;
  /** PRAGMA quick_check at start (reads the whole file). Default 'quick'. */
  integrityCheck?: 'quick' | 'none';
  /** Events per subscription read. Default 500. */
  subscriptionPageSize?: number;
}

const PRIMARY_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
] as const;

const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, hash';
const NO_LIMIT = -1;
const INSERT_COLUMNS = 7;
/**
 * Rows per multi-row INSERT: 128 x 7 = 896 bound values stays under the 999 variables older SQLite
 * builds allow (newer ones allow 32,766), and a batch of up to 128 events is one statement.
 */
const MAX_ROWS_PER_INSERT = 128;
/** Appends committed in one transaction at most; more wait for the next group (a group blocks the event loop). */
const MAX_APPENDS_PER_COMMIT = 256;

interface LastEventRow {
  revision: number;
  hash: string;
}

/** An append waiting for its group's commit. */
interface QueuedAppend {
  stream: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

/** What one append of a group came to inside the transaction: told to its caller only after the commit. */
type AppendOutcome = { result: AppendResult } | { error: unknown };

export class SqliteEventStore implements EventStore, RecordedEventImporter {
  readonly file: string;
  private readonly database: Database.Database;
  private readonly clock: () => Date;
  private readonly upcasters: UpcasterRegistry;
  private readonly subscriptions: PollingSubscriptions;
  private closed = false;
  /** The file opened: the same one must be there for every operation (see assertIntact). */
  private readonly identity: { dev: number; ino: number };
  /** The largest size seen: the main file only grows (checkpoints append pages; nothing vacuums it). */
  private largestSize: number;
  /** Set once the file is found replaced, truncated or corrupt: every later operation is refused. */
  private damage: EventStoreDamagedError | null = null;

  private readonly selectLastEvent: Database.Statement<[string], LastEventRow>;
  private readonly insertEvent: Database.Statement<[string, string, number, string, string, string, string]>;
  /** One multi-row INSERT per row count, prepared on first use (a batch is one statement, not one per event). */
  private readonly insertRowsStatements = new Map<number, Database.Statement>();
  private readonly selectLocation: Database.Statement<[string, string], StoredEventLocation>;
  private readonly selectStreamForwards: Database.Statement<[string, number, number], StoredEventRow>;
  private readonly selectStreamBackwards: Database.Statement<[string, number, number], StoredEventRow>;
  private readonly selectAll: Database.Statement<[number, number], StoredEventRow>;
  private readonly selectAllOfType: Database.Statement<[string, number, number], StoredEventRow>;
  private readonly selectPositionsOfType: Database.Statement<[string, number, number], number>;
  private readonly selectAtPositions: Database.Statement<[string], StoredEventRow>;
  private readonly readAllOfTypes: Database.Transaction<
    (after: number, types: readonly string[], limit: number) => StoredEventRow[]
  >;
  private readonly selectHead: Database.Statement<[], { head: number | null }>;
  private readonly countUpTo: Database.Statement<[number], number>;
  private readonly appendTransaction: Database.Transaction<
    (
      stream: string,
      events: readonly NewEvent[],
      expected: ExpectedRevision,
      lookUpIds: boolean,
    ) => AppendResult
  >;

  private readonly groupTransaction: Database.Transaction<
    (group: readonly QueuedAppend[]) => AppendOutcome[]
  >;
  private queuedAppends: QueuedAppend[] = [];
  private commitScheduled = false;
  private commits = 0;

  private readonly importTransaction: Database.Transaction<
    (events: readonly RecordedEvent[], requireEmptyStore: boolean) => ImportRecordedResult
  >;

  constructor(options: SqliteEventStoreOptions) {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.file = path.join(options.dataDir, options.fileName ?? SQLITE_EVENT_STORE_FILE_NAME);
    this.database = openSqliteDatabase({
      dataDir: options.dataDir,
      file: this.file,
      busyTimeoutMs,
      integrityCheck: options.integrityCheck ?? 'quick',
    });
    const opened = statSync(this.file);
    this.identity = { dev: opened.dev, ino: opened.ino };
    this.largestSize = opened.size;
    this.clock = options.clock ?? ((): Date => new Date());
    this.upcasters = options.upcasters ?? NO_UPCASTERS;
    this.subscriptions = new PollingSubscriptions({
      pageSize: options.subscriptionPageSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 200,
      readAll: (readOptions) => this.readAll(readOptions),
    });

    const database = this.database;
    this.selectLastEvent = database.prepare(
      'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    );
    this.insertEvent = database.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectLocation = database.prepare(
      'SELECT id, stream, revision, position FROM events WHERE stream = ? AND id = ?',
    );
    this.selectStreamForwards = database.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    );
    this.selectStreamBackwards = database.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
    this.selectAll = database.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
    );
    this.selectAllOfType = database.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE type = ? AND position > ? ORDER BY position ASC LIMIT ?`,
    );
    this.selectPositionsOfType = database
      .prepare<[string, number, number], number>(
        'SELECT position FROM events WHERE type = ? AND position > ? ORDER BY position ASC LIMIT ?',
      )
      .pluck();
    this.selectAtPositions = database.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position ASC`,
    );
    // One read transaction: every type is read from the same snapshot, so no page can skip an event.
    this.readAllOfTypes = database.transaction((after, types, limit) =>
      this.selectOfTypes(after, types, limit),
    );
    this.selectHead = database.prepare('SELECT MAX(position) AS head FROM events');
    this.countUpTo = database
      .prepare<[number], number>('SELECT COUNT(*) FROM events WHERE position <= ?')
      .pluck();
    // Called inside the group's transaction, better-sqlite3 makes it a savepoint: an append that
    // throws rolls back to it, alone, and the group goes on.
    this.appendTransaction = database.transaction((stream, events, expected, lookUpIds) =>
      this.appendInTransaction(stream, events, expected, lookUpIds),
    );
    this.groupTransaction = database.transaction((group) =>
      group.map((queued) => this.appendInGroup(queued)),
    );
    this.importTransaction = database.transaction((events, requireEmptyStore) =>
      this.importInTransaction(events, requireEmptyStore),
    );
  }

  /** Transactions that committed appends (one per group), since the store was opened: appends per commit is the grouping. */
  get commitCount(): number {
    return this.commits;
  }

  /**
   * A consistent copy of the store into a new file while others keep writing: VACUUM INTO reads
   * one snapshot (WAL lets writers go on) and, unlike the page-by-page backup API, never restarts
   * when another connection writes. The file must not exist yet (or be empty).
   */
  backupTo(file: string): Promise<void> {
    return settle(() => {
      this.assertOpen();
      this.commitQueuedAppends(); // the copy holds every append made before it was asked for
      try {
        this.database.prepare('VACUUM INTO ?').run(file);
      } catch (error) {
        throw this.translate(error);
      }
    });
  }

  importRecorded(
    events: readonly RecordedEvent[],
    options: ImportRecordedOptions = {},
  ): Promise<ImportRecordedResult> {
    return settle(() => {
      this.assertOpen();
      this.commitQueuedAppends(); // in call order: an import after an append finds it written
      let result: ImportRecordedResult;
      try {
        result = this.importTransaction.immediate(events, options.requireEmptyStore ?? false);
      } catch (error) {
        if (isUniqueIdViolation(error))
          throw new ImportRefusedError(
            'Import refused: an event id is already stored in its stream; nothing was written.',
            { cause: error },
          );
        throw this.translate(error);
      }
      if (result.imported > 0) this.subscriptions.notify();
      return result;
    });
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    let expected: ExpectedRevision;
    try {
      // The file itself is checked once per group, just before its transaction (commitGroup).
      if (this.closed) throw new EventStoreClosedError();
      if (this.damage !== null) throw this.damage;
      expected = validateAppend(stream, events, options.expectedRevision);
    } catch (error) {
      return settle(() => {
        throw error;
      });
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queuedAppends.push({ stream, events, expected, resolve, reject });
      // setImmediate runs after the I/O callbacks of this turn: the appends their requests make join the group.
      if (!this.commitScheduled) {
        this.commitScheduled = true;
        setImmediate(() => {
          this.commitScheduled = false;
          this.commitQueuedAppends();
        });
      }
    });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return settle(() => {
      this.assertOpen();
      const limit = options.maxCount ?? NO_LIMIT;
      const rows = this.translated(() =>
        options.direction === 'backwards'
          ? this.selectStreamBackwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
          : this.selectStreamForwards.all(stream, options.fromRevision ?? 0, limit),
      );
      return this.decode(rows, options.raw ?? false);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return settle(() => {
      this.assertOpen();
      const after = options.after ?? 0;
      const limit = options.maxCount ?? NO_LIMIT;
      const rows = this.translated(() =>
        options.eventTypes === undefined
          ? this.selectAll.all(after, limit)
          : this.readAllOfTypes(after, options.eventTypes, limit),
      );
      return this.decode(rows, options.raw ?? false);
    });
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): EventSubscription {
    this.assertOpen();
    return this.subscriptions.subscribe(options, handler);
  }

  headPosition(): Promise<number> {
    return settle(() => {
      this.assertOpen();
      return this.translated(() => this.selectHead.get()?.head ?? 0);
    });
  }

  /** How many events sit at positions 1..position: equal to position while none was deleted. */
  countEventsUpTo(position: number): Promise<number> {
    return settle(() => {
      this.assertOpen();
      return this.translated(() => this.countUpTo.get(position) ?? 0);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends accepted before close are committed (or refused) now, not dropped.
    this.commitQueuedAppends();
    await this.subscriptions.closeAll();
    this.database.close();
  }

  /** Commits every queued append, a group (one transaction) at a time. */
  private commitQueuedAppends(): void {
    while (this.queuedAppends.length > 0) {
      const group = this.queuedAppends.splice(0, MAX_APPENDS_PER_COMMIT);
      this.commitGroup(group);
    }
  }

  private commitGroup(group: readonly QueuedAppend[]): void {
    const [alone] = group;
    if (group.length === 1 && alone !== undefined) {
      this.commitAlone(alone);
      return;
    }
    let outcomes: AppendOutcome[];
    try {
      this.assertIntact();
      outcomes = this.groupTransaction.immediate(group);
      this.commits += 1;
    } catch (error) {
      // The transaction did not commit: none of the group was written.
      const failure = asError(this.translate(error));
      for (const queued of group) queued.reject(failure);
      return;
    }
    let written = false;
    for (const [index, queued] of group.entries()) {
      const outcome = outcomes[index] as AppendOutcome;
      if ('error' in outcome) {
        queued.reject(asError(outcome.error));
        continue;
      }
      written ||= outcome.result.written;
      queued.resolve(outcome.result);
    }
    if (written) this.subscriptions.notify();
  }

  /**
   * An append alone in its group, in a transaction of its own: no savepoint is needed, since a
   * failure rolls back only this append. Saves a SAVEPOINT and a RELEASE per lone append.
   */
  private commitAlone(queued: QueuedAppend): void {
    let result: AppendResult;
    try {
      this.assertIntact();
      result = this.appendOrRepeat(
        (stream, events, expected, lookUpIds) =>
          this.appendTransaction.immediate(stream, events, expected, lookUpIds),
        queued,
      );
      this.commits += 1;
    } catch (error) {
      // The transaction rolled back: nothing of this append was written.
      queued.reject(asError(this.translate(error)));
      return;
    }
    queued.resolve(result);
    if (result.written) this.subscriptions.notify();
  }

  /** One append of a group, in its own savepoint: its failure is its own, unless the transaction is gone. */
  private appendInGroup(queued: QueuedAppend): AppendOutcome {
    try {
      return { result: this.appendOrRepeat(this.appendTransaction, queued) };
    } catch (error) {
      // SQLite rolls the whole transaction back on some failures (a full disk, an I/O error): the
      // appends before this one are undone too, so the group fails as one.
      if (!this.database.inTransaction) throw error;
      return { error: this.translate(error) };
    }
  }

  /**
   * Runs the append in `transaction` (a savepoint inside the group's transaction, or a transaction
   * of its own); when some id is already stored, that attempt rolled back and it runs again looking
   * the ids up: an idempotent repeat or a conflict.
   */
  private appendOrRepeat(
    transaction: (
      stream: string,
      events: readonly NewEvent[],
      expected: ExpectedRevision,
      lookUpIds: boolean,
    ) => AppendResult,
    { stream, events, expected }: QueuedAppend,
  ): AppendResult {
    try {
      return transaction(stream, events, expected, false);
    } catch (error) {
      if (!isUniqueIdViolation(error)) throw error;
      return transaction(stream, events, expected, true);
    }
  }

  private appendInTransaction(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    lookUpIds: boolean,
  ): AppendResult {
    const last = this.selectLastEvent.get(stream);
    const currentRevision = last?.revision ?? NO_STREAM_REVISION;
    const holds = expectationHolds(expected, currentRevision);
    // The ids are looked up only off the fast path (a failed expectation, or a retry after a
    // unique id violation): a repeat of an acknowledged append must answer as the original did.
    if (lookUpIds || !holds) {
      const stored = events.map((event) => this.selectLocation.get(stream, event.id));
      if (stored.some((location) => location !== undefined))
        return resolveRepeat(stream, events, expected, stored, currentRevision);
      if (!holds) throw wrongExpectedRevision(stream, expected, currentRevision);
    }
    if (events.length === 0) {
      const lastPosition =
        last === undefined ? 0 : (this.selectStreamBackwards.get(stream, currentRevision, 1)?.position ?? 0);
      return { nextExpectedRevision: currentRevision, position: lastPosition, written: false };
    }
    const prepared = prepareEvents(
      stream,
      events,
      currentRevision + 1,
      last?.hash ?? null,
      transactionTime(this.clock),
    );
    const position = this.insertBatch(stream, prepared);
    return { nextExpectedRevision: currentRevision + prepared.length, position, written: true };
  }

  private importInTransaction(
    events: readonly RecordedEvent[],
    requireEmptyStore: boolean,
  ): ImportRecordedResult {
    const head = this.selectHead.get()?.head ?? 0;
    if (requireEmptyStore && head > 0) throw storeNotEmpty(head);
    const rows = prepareRecordedImport(events, (stream) => this.selectLastEvent.get(stream));
    let position = head;
    for (const row of rows) position = this.insert(row.stream, row);
    return { imported: rows.length, position };
  }

  /**
   * Events of some types in position order. A single `type IN (...)` query would sort every later
   * match before applying the limit; instead take up to `limit` positions per type from the
   * (type, position) index, merge them, and fetch just the rows of the page.
   */
  private selectOfTypes(after: number, types: readonly string[], limit: number): StoredEventRow[] {
    const distinct = [...new Set(types)];
    const [onlyType] = distinct;
    if (onlyType === undefined) return [];
    if (distinct.length === 1) return this.selectAllOfType.all(onlyType, after, limit);
    const positions: number[] = [];
    for (const type of distinct) positions.push(...this.selectPositionsOfType.all(type, after, limit));
    positions.sort((left, right) => left - right);
    return this.selectAtPositions.all(
      JSON.stringify(limit === NO_LIMIT ? positions : positions.slice(0, limit)),
    );
  }

  /**
   * Inserts a batch of one stream's events with as few statements as possible (each run of a
   * statement crosses into SQLite and back) and returns the last position. Rows of one INSERT get
   * their rowids in VALUES order, so positions follow revisions.
   */
  private insertBatch(stream: string, events: readonly PreparedEvent[]): number {
    let position = 0;
    for (let start = 0; start < events.length; start += MAX_ROWS_PER_INSERT) {
      const rowCount = Math.min(MAX_ROWS_PER_INSERT, events.length - start);
      const values = new Array<unknown>(rowCount * INSERT_COLUMNS);
      let index = 0;
      for (let offset = start; offset < start + rowCount; offset += 1) {
        const event = events[offset] as PreparedEvent;
        values[index] = event.id;
        values[index + 1] = stream;
        values[index + 2] = event.revision;
        values[index + 3] = event.type;
        values[index + 4] = event.data;
        values[index + 5] = event.metadata;
        values[index + 6] = event.hash;
        index += INSERT_COLUMNS;
      }
      position = Number(this.insertRowsStatement(rowCount).run(values).lastInsertRowid);
    }
    return position;
  }

  private insertRowsStatement(rowCount: number): Database.Statement {
    let statement = this.insertRowsStatements.get(rowCount);
    if (statement === undefined) {
      const rows = new Array<string>(rowCount).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = this.database.prepare(
        `INSERT INTO events (id, stream, revision, type, data, metadata, hash) VALUES ${rows}`,
      );
      this.insertRowsStatements.set(rowCount, statement);
    }
    return statement;
  }

  /** Inserts one event into its stream and returns the position SQLite gave it. */
  private insert(stream: string, event: PreparedEvent): number {
    const { id, revision, type, data, metadata, hash } = event;
    return Number(this.insertEvent.run(id, stream, revision, type, data, metadata, hash).lastInsertRowid);
  }

  private decode(rows: StoredEventRow[], raw: boolean): RecordedEvent[] {
    const events = new Array<RecordedEvent>(rows.length);
    for (let index = 0; index < rows.length; index += 1)
      events[index] = decodeStoredEvent(rows[index] as StoredEventRow, this.upcasters, raw);
    return events;
  }

  /** Open, and still the file it opened: checked before every operation (a stat, microseconds). */
  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
    this.assertIntact();
  }

  /** Still the file it opened, neither replaced nor truncated, and never found damaged. */
  private assertIntact(): void {
    if (this.damage !== null) throw this.damage;
    let current: { dev: number; ino: number; size: number };
    try {
      current = statSync(this.file);
    } catch (error) {
      throw this.damaged('removed', error);
    }
    if (current.dev !== this.identity.dev || current.ino !== this.identity.ino)
      throw this.damaged('replaced by another file');
    if (current.size < this.largestSize) throw this.damaged('truncated or overwritten');
    this.largestSize = current.size;
  }

  private damaged(reason: string, cause?: unknown): EventStoreDamagedError {
    this.damage ??= new EventStoreDamagedError(this.file, reason, { cause });
    return this.damage;
  }

  private translated<Result>(work: () => Result): Result {
    try {
      return work();
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** SQLite's failures as the store's typed errors, each saying what to do; nothing was written. */
  private translate(error: unknown): unknown {
    const code = sqliteErrorCode(error);
    if (code === undefined) return error;
    // Extended result codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT) belong to their primary code.
    const primary = PRIMARY_CODES.find((candidate) => code === candidate || code.startsWith(`${candidate}_`));
    switch (primary === 'SQLITE_NOTADB' ? 'SQLITE_CORRUPT' : primary) {
      case 'SQLITE_BUSY':
      case 'SQLITE_LOCKED':
        return new EventStoreUnavailableError(
          'The store stayed locked by another process beyond the busy timeout: retry shortly. Nothing was written.',
          { cause: error },
        );
      case 'SQLITE_FULL':
        return new EventStoreUnavailableError(
          'The data disk is full: free space, then retry. Nothing was written.',
          {
            cause: error,
          },
        );
      case 'SQLITE_READONLY':
        return new EventStoreUnavailableError(
          'The data directory is read-only: make it writable, then retry. Nothing was written.',
          { cause: error },
        );
      case 'SQLITE_IOERR':
        return new EventStoreUnavailableError(
          'The data disk failed to read or write: check it, then retry. Nothing was written.',
          { cause: error },
        );
      case 'SQLITE_CORRUPT':
        return this.damaged('found corrupt', error);
      // Constraint violations and the rest: the caller's own concern (or a bug), passed on as they are.
      case undefined:
        return error;
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function isUniqueIdViolation(error: unknown): boolean {
  return (
    sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' && (error as Error).message.includes('events.id')
  );
}
