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

export interface StoreAppend {
  stream: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface EmmettPeer {
  version: string;
  pragmas: string;
  /** Events per second of `appends`, one appendToStream each, into a new database in `directory`. */
  append(directory: string, appends: readonly StoreAppend[]): Promise<number>;
  /** Writes `appends` (untimed), then events per second of reading them all, page by page. */
  readAll(directory: string, appends: readonly StoreAppend[], pageSize: number): Promise<number>;
}

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

export function loadEmmett(): EmmettLoad {
  const packages = loadPeerPackages(['sqlite3', '@event-driven-io/emmett-sqlite']);
  if (!packages.loaded) return { available: false, reason: packages.reason };
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

  const appendAll = async (fileName: string, appends: readonly StoreAppend[]): Promise<number> => {
    const store = emmett.getSQLiteEventStore({ fileName });
    let events = 0;
    const startedAt = process.hrtime.bigint();
    for (const append of appends) {
      const expected = expectedStreamVersion(append.expectedRevision);
      await store.appendToStream(
        append.stream,
        append.events.map(toEmmettEvent),
        expected === undefined ? {} : { expectedStreamVersion: expected },
      );
      events += append.events.length;
    }
    return events / (Number(process.hrtime.bigint() - startedAt) / 1e9);
  };

  return {
    available: true,
    peer: {
      version,
      pragmas: EMMETT_PRAGMAS,
      append: (directory, appends) => appendAll(path.join(directory, 'emmett.db'), appends),
      readAll: async (directory, appends, pageSize) => {
        const fileName = path.join(directory, 'emmett-read.db');
        await appendAll(fileName, appends);
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
