// The Emmett SQLite event store (@event-driven-io/emmett-sqlite) doing the store benchmark's work:
// the same appends (same streams, events, payloads, batch size and expectations) and the same
// read-all page size, with its defaults. Those defaults: node-sqlite3 (SQLite 3.44),
// journal_mode=WAL, synchronous left at SQLite's default FULL (the build's DEFAULT_WAL_SYNCHRONOUS
// is 2), and a new connection opened and closed per operation for a file database; closing the
// last connection checkpoints the WAL, which is what a default Emmett append costs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExpectedRevision, NewEvent } from '@app/event-store';
import { PEERS_DIRECTORY, loadPeerPackages } from './peer-packages';
import type { StoreAppend } from './store-workload';

/** The part of emmett-sqlite's API the bench uses (its .d.ts, narrowed to what we call). */
interface EmmettEvent {
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

interface EmmettSqliteEventStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: bigint },
  ): Promise<{ nextExpectedStreamVersion: bigint; lastEventGlobalPosition: bigint }>;
}

type EmmettSqliteConnection = object;

interface EmmettSqliteConnectionPool {
  withConnection<Result>(handle: (connection: EmmettSqliteConnection) => Promise<Result>): Promise<Result>;
  close(): Promise<void>;
}

interface EmmettSqliteModule {
  getSQLiteEventStore(options: { fileName: string }): EmmettSqliteEventStore;
  SQLiteConnectionPool(options: { fileName: string }): EmmettSqliteConnectionPool;
  readMessagesBatch(
    connection: EmmettSqliteConnection,
    options: { after: bigint; batchSize: number },
  ): Promise<{ currentGlobalPosition: bigint; messages: unknown[]; areEventsLeft: boolean }>;
}

const isEmmettSqliteModule = (value: unknown): value is EmmettSqliteModule =>
  typeof value === 'object' &&
  value !== null &&
  ['getSQLiteEventStore', 'SQLiteConnectionPool', 'readMessagesBatch'].every(
    (name) => typeof (value as Record<string, unknown>)[name] === 'function',
  );

export interface EmmettPeer {
  version: string;
  pragmas: string;
  /** What went wrong inside Emmett so far, and was caught or retried (see guardUncheckedStatements). */
  failures(): EmmettFailures;
  /** A new Emmett store in `directory`, for the store bench to time append by append beside ours. */
  openAppender(directory: string): EmmettAppender;
  /** Writes `appends` (untimed), then events per second of reading them all, page by page. */
  readAll(directory: string, appends: readonly StoreAppend[], pageSize: number): Promise<number>;
}

export interface EmmettAppender {
  /** One appendToStream with the append's expectation, tried again when Emmett's race fails it. */
  append(append: StoreAppend): Promise<void>;
}

export interface EmmettFailures {
  /** Errors of statements Emmett runs without a callback. */
  unchecked_statement_errors: number;
  /** Appends that failed (and were rolled back) and were tried again; their time counts. */
  retried_appends: number;
}

/** Tries of one append: Emmett's own race (below) fails an append now and then under load. */
const APPEND_ATTEMPTS = 3;

export type EmmettLoad = { available: true; peer: EmmettPeer } | { available: false; reason: string };

export const EMMETT_PRAGMAS =
  'journal_mode=WAL, synchronous=FULL (SQLite default), a connection opened and closed per operation';

/**
 * Emmett counts stream versions from 1 (the number of events in the stream) where we count
 * revisions from 0, and takes 0n as "the stream must not exist yet".
 */
function expectedStreamVersion(expected: ExpectedRevision): bigint | undefined {
  if (expected === 'no_stream') return 0n;
  if (typeof expected === 'number') return BigInt(expected + 1);
  return undefined;
}

const toEmmettEvent = (event: NewEvent): EmmettEvent => ({
  type: event.type,
  data: event.data,
  metadata: { ...event.metadata },
});

type StatementRun = (this: object, ...parameters: unknown[]) => unknown;

const hasDatabaseRun = (value: unknown): value is { Database: { prototype: { run: StatementRun } } } =>
  typeof value === 'object' &&
  value !== null &&
  'Database' in value &&
  typeof value.Database === 'function' &&
  typeof (value.Database.prototype as { run?: unknown }).run === 'function';

/**
 * Emmett 0.42.4 runs `PRAGMA journal_mode = WAL` without a callback on every new connection. When
 * node-sqlite3 runs it after the append's BEGIN IMMEDIATE (they race), it fails with "cannot
 * change into wal mode from within a transaction", emitted as an 'error' event nobody listens to:
 * the process dies. Such calls get a callback that counts the error instead; the file is already
 * in WAL mode (a persistent setting), so the connection goes on in WAL. The same race sometimes
 * fails the COMMIT ("SQLITE_BUSY: cannot commit transaction - SQL statements in progress"): Emmett
 * rolls back and rejects, and the bench tries that append again.
 */
function guardUncheckedStatements(sqlite3: unknown): (() => number) | null {
  if (!hasDatabaseRun(sqlite3)) return null;
  let errors = 0;
  const prototype = sqlite3.Database.prototype;
  const run = prototype.run;
  prototype.run = function (this: object, ...parameters: unknown[]): unknown {
    if (typeof parameters.at(-1) !== 'function')
      parameters.push((error: Error | null) => {
        if (error !== null) errors += 1;
      });
    return run.apply(this, parameters);
  };
  return () => errors;
}

/** Emmett logs a failed transaction with console.log: to stderr, stdout carries only the figures. */
async function withLogOnStderr<Result>(work: () => Promise<Result>): Promise<Result> {
  /* eslint-disable no-console -- redirects the peer's logging; nothing is logged here */
  const log = console.log;
  console.log = console.error;
  try {
    return await work();
  } finally {
    console.log = log;
  }
  /* eslint-enable no-console */
}

export function loadEmmett(): EmmettLoad {
  const packages = loadPeerPackages(['sqlite3', '@event-driven-io/emmett-sqlite']);
  if (!packages.loaded) return { available: false, reason: packages.reason };
  const uncheckedStatementErrors = guardUncheckedStatements(packages.require('sqlite3'));
  if (uncheckedStatementErrors === null)
    return { available: false, reason: 'sqlite3 does not export Database.prototype.run' };
  const emmett: unknown = packages.require('@event-driven-io/emmett-sqlite');
  if (!isEmmettSqliteModule(emmett))
    return { available: false, reason: '@event-driven-io/emmett-sqlite does not export the expected API' };
  // Its package.json is not among its exports, so it is read from disk.
  const manifest: unknown = JSON.parse(
    readFileSync(
      path.join(PEERS_DIRECTORY, 'node_modules', '@event-driven-io', 'emmett-sqlite', 'package.json'),
      'utf8',
    ),
  );
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest
      ? String(manifest.version)
      : 'unknown';

  let retriedAppends = 0;
  const openAppender = (fileName: string): EmmettAppender => {
    const store = emmett.getSQLiteEventStore({ fileName });
    return {
      append: (append) =>
        withLogOnStderr(async () => {
          const expected = expectedStreamVersion(append.expectedRevision);
          for (let attempt = 1; ; attempt += 1) {
            try {
              await store.appendToStream(
                append.stream,
                append.events.map(toEmmettEvent),
                expected === undefined ? {} : { expectedStreamVersion: expected },
              );
              return;
            } catch (error: unknown) {
              if (attempt === APPEND_ATTEMPTS) throw error;
              retriedAppends += 1;
            }
          }
        }),
    };
  };

  return {
    available: true,
    peer: {
      version,
      pragmas: EMMETT_PRAGMAS,
      failures: () => ({
        unchecked_statement_errors: uncheckedStatementErrors(),
        retried_appends: retriedAppends,
      }),
      openAppender: (directory) => openAppender(path.join(directory, 'emmett.db')),
      readAll: async (directory, appends, pageSize) => {
        const fileName = path.join(directory, 'emmett-read.db');
        const writer = openAppender(fileName);
        for (const append of appends) await writer.append(append);
        // Emmett's read-all is readMessagesBatch over a pool, as its own consumers pull.
        const pool = emmett.SQLiteConnectionPool({ fileName });
        let read = 0;
        const startedAt = process.hrtime.bigint();
        for (let after = 0n; ;) {
          const page = await pool.withConnection((connection) =>
            emmett.readMessagesBatch(connection, { after, batchSize: pageSize }),
          );
          read += page.messages.length;
          if (page.messages.length === 0) break;
          after = page.currentGlobalPosition;
        }
        const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
        await pool.close();
        const expected = appends.reduce((total, append) => total + append.events.length, 0);
        if (read !== expected) throw new Error(`emmett read_all: read ${read} events of ${expected}`);
        return read / seconds;
      },
    },
  };
}
