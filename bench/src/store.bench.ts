// Event store throughput against plain better-sqlite3 writing and reading the very same rows with
// the same pragmas (WAL, synchronous=FULL) and the same table, side by side in one run, and against
// the Emmett SQLite event store doing the same work (emmett.bench.ts). Each figure is the median of
// several runs, ours and raw interleaved so both see the same machine load.
//
// Raw inserts rows the store has already serialized and hashed. The store's contract makes it do
// that work itself (canonical JSON, and a SHA-256 chain: each event's hash covers the previous
// one's), so appends are also compared with a second plain writer that does the least a writer
// of such rows must: read the stream's last revision and hash, JSON.stringify, hash, insert.
import { mkdtempSync, rmSync } from 'node:fs';
import { hash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_EVENT_STORE_FILE_NAME, SqliteEventStore, type StoredEventRow } from '@app/event-store';
import type { EmmettPeer } from './emmett.bench';
import { median } from './statistics';
import {
  batchAppends,
  historyAppends,
  INTERLEAVED_BLOCK,
  READ_PAGE,
  readAppends,
  readPagesSideBySide,
  singleAppends,
  type StoreAppend,
  storeBenchSizes,
} from './store-workload';

export interface ThroughputFigure {
  events_per_s: number;
  raw_sqlite_events_per_s: number;
  /** events_per_s / raw_sqlite_events_per_s */
  ratio: number;
  /**
   * Plain better-sqlite3 doing the work the contract requires of an append besides inserting: the
   * stream's last revision and hash read, data and metadata serialized, each event hashed over the
   * previous hash. Null for reads.
   */
  raw_chained_events_per_s: number | null;
  /** events_per_s / raw_chained_events_per_s */
  ratio_chained: number | null;
  /** The Emmett SQLite event store doing the same work; null when the peer is skipped. */
  emmett_events_per_s: number | null;
  /** events_per_s / emmett_events_per_s */
  times_emmett: number | null;
}

export interface StoreBenchResult {
  append_single: ThroughputFigure;
  append_batch: ThroughputFigure;
  read_all: ThroughputFigure;
}

type EventRow = [string, string, number, string, string, string, string];

export async function benchStore(options: {
  quick: boolean;
  emmett?: EmmettPeer | null;
}): Promise<StoreBenchResult> {
  const emmett = options.emmett ?? null;
  const sizes = storeBenchSizes(options.quick);
  const workspace = mkdtempSync(path.join(tmpdir(), 'store-bench-'));
  try {
    return {
      append_single: await compare(sizes.runs, workspace, (directory) =>
        appendSingle(directory, sizes.singleEvents, emmett),
      ),
      append_batch: await compare(sizes.runs, workspace, (directory) =>
        appendBatches(directory, sizes.batches, emmett),
      ),
      read_all: await compare(sizes.runs, workspace, (directory) =>
        readAll(directory, sizes.readEvents, emmett),
      ),
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** One run: events per second of our store, of raw better-sqlite3 and of Emmett (when measured). */
interface RunFigures {
  ours: number;
  raw: number;
  rawChained: number | null;
  emmett: number | null;
}

async function compare(
  runs: number,
  workspace: string,
  run: (directory: string) => Promise<RunFigures>,
): Promise<ThroughputFigure> {
  const ours: number[] = [];
  const raw: number[] = [];
  const rawChained: number[] = [];
  const emmett: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const directory = mkdtempSync(path.join(workspace, 'run-'));
    const figures = await run(directory);
    ours.push(figures.ours);
    raw.push(figures.raw);
    if (figures.rawChained !== null) rawChained.push(figures.rawChained);
    if (figures.emmett !== null) emmett.push(figures.emmett);
    rmSync(directory, { recursive: true, force: true });
  }
  const events_per_s = Math.round(median(ours));
  const raw_sqlite_events_per_s = Math.round(median(raw));
  const raw_chained_events_per_s = rawChained.length === 0 ? null : Math.round(median(rawChained));
  const emmett_events_per_s = emmett.length === 0 ? null : Math.round(median(emmett));
  return {
    events_per_s,
    raw_sqlite_events_per_s,
    ratio: Math.round((events_per_s / raw_sqlite_events_per_s) * 1000) / 1000,
    raw_chained_events_per_s,
    ratio_chained:
      raw_chained_events_per_s === null
        ? null
        : Math.round((events_per_s / raw_chained_events_per_s) * 1000) / 1000,
    emmett_events_per_s,
    times_emmett:
      emmett_events_per_s === null ? null : Math.round((events_per_s / emmett_events_per_s) * 10) / 10,
  };
}

/** A plain better-sqlite3 database with the store's pragmas and the very same table and indexes. */
function openRawLike(storeFile: string, rawFile: string): Database.Database {
  const source = new Database(storeFile, { readonly: true });
  const schema = source
    .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  source.close();
  const database = new Database(rawFile);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  for (const statement of schema) database.exec(statement);
  return database;
}

/**
 * A plain writer of chained rows, as anyone would write it with better-sqlite3: in one
 * transaction, the stream's last revision and hash, then per event JSON.stringify of data and
 * metadata, a SHA-256 over the row's fields and the previous hash, and an INSERT.
 */
function chainedWriter(database: Database.Database): (append: StoreAppend) => void {
  const selectLast = database.prepare<[string], { revision: number; hash: string }>(
    'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
  );
  const insert = database.prepare<EventRow>(
    'INSERT INTO events (id, stream, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return database.transaction(({ stream, events }: StoreAppend) => {
    const last = selectLast.get(stream);
    let revision = last?.revision ?? -1;
    let previousHash = last?.hash ?? null;
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      revision += 1;
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify({ ...event.metadata, recordedAt, prevHash: previousHash });
      const eventHash = hash('sha256', `${stream}\n${revision}\n${event.type}\n${data}\n${metadata}`, 'hex');
      insert.run(event.id, stream, revision, event.type, data, metadata, eventHash);
      previousHash = eventHash;
    }
  });
}

/**
 * Appends the same events through the store, raw and Emmett, interleaved in blocks of a few
 * appends (fsync times on a shared disk drift by several times within seconds): raw inserts
 * exactly the rows the store just wrote, each side timed separately. Blocks, not single appends:
 * an fsync that directly follows another file's fsync is slower here, and a server's store
 * mostly follows its own.
 */
async function appendInterleaved(
  directory: string,
  appends: StoreAppend[],
  rawInOneTransaction: boolean,
  emmett: EmmettPeer | null,
): Promise<RunFigures> {
  const store = new SqliteEventStore({ dataDir: path.join(directory, 'store') });
  const raw = openRawLike(store.file, path.join(directory, 'raw.db'));
  const reader = new Database(store.file, { readonly: true });
  const written = reader
    .prepare<[number], EventRow>(
      'SELECT id, stream, revision, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position',
    )
    .raw();
  const insert = raw.prepare<EventRow>(
    'INSERT INTO events (id, stream, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAll = raw.transaction((rows: EventRow[]) => {
    for (const row of rows) insert.run(...row);
  });
  const chained = openRawLike(store.file, path.join(directory, 'raw-chained.db'));
  const appendChained = chainedWriter(chained);
  // A failing Emmett run loses that run's Emmett figure only, not ours and raw.
  let peer = emmett?.openAppender(directory) ?? null;
  const appendPeer = async (append: StoreAppend): Promise<bigint> => {
    if (peer === null) return 0n;
    const startedAt = process.hrtime.bigint();
    try {
      await peer.append(append);
    } catch (error: unknown) {
      console.error(`bench: an Emmett run failed: ${error instanceof Error ? error.message : String(error)}`);
      peer = null;
    }
    return process.hrtime.bigint() - startedAt;
  };
  let head = 0;
  for (const append of historyAppends()) {
    const result = await store.append(append.stream, append.events, {
      expectedRevision: append.expectedRevision,
    });
    insertAll(written.all(head));
    head = result.position;
    appendChained(append);
    await appendPeer(append);
  }
  let storeNanoseconds = 0n;
  let rawNanoseconds = 0n;
  let chainedNanoseconds = 0n;
  let peerNanoseconds = 0n;
  let events = 0;
  for (let block = 0; block < appends.length; block += INTERLEAVED_BLOCK) {
    const appendsOfBlock = appends.slice(block, block + INTERLEAVED_BLOCK);
    const writtenByBlock: EventRow[][] = [];
    for (const append of appendsOfBlock) {
      const startedAt = process.hrtime.bigint();
      const result = await store.append(append.stream, append.events, {
        expectedRevision: append.expectedRevision,
      });
      storeNanoseconds += process.hrtime.bigint() - startedAt;
      const rows = written.all(head);
      head = result.position;
      events += rows.length;
      writtenByBlock.push(rows);
    }
    for (const append of appendsOfBlock) peerNanoseconds += await appendPeer(append);
    for (const rows of writtenByBlock) {
      const startedAt = process.hrtime.bigint();
      if (rawInOneTransaction) insertAll(rows);
      else for (const row of rows) insert.run(...row); // autocommit: one transaction per row
      rawNanoseconds += process.hrtime.bigint() - startedAt;
    }
    for (const append of appendsOfBlock) {
      const startedAt = process.hrtime.bigint();
      appendChained(append);
      chainedNanoseconds += process.hrtime.bigint() - startedAt;
    }
  }
  reader.close();
  raw.close();
  chained.close();
  await store.close();
  const perSecond = (nanoseconds: bigint): number => events / (Number(nanoseconds) / 1e9);
  return {
    ours: perSecond(storeNanoseconds),
    raw: perSecond(rawNanoseconds),
    rawChained: perSecond(chainedNanoseconds),
    emmett: peer === null ? null : perSecond(peerNanoseconds),
  };
}

function appendSingle(directory: string, count: number, emmett: EmmettPeer | null): Promise<RunFigures> {
  return appendInterleaved(directory, singleAppends(count), false, emmett);
}

function appendBatches(directory: string, batches: number, emmett: EmmettPeer | null): Promise<RunFigures> {
  return appendInterleaved(directory, batchAppends(batches), true, emmett);
}

/** A failing Emmett read loses that run's Emmett figure only, not ours and raw. */
async function peerReadAll(
  emmett: EmmettPeer,
  directory: string,
  appends: StoreAppend[],
): Promise<number | null> {
  try {
    return await emmett.readAll(directory, appends, READ_PAGE);
  } catch (error: unknown) {
    console.error(`bench: an Emmett run failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function readAll(directory: string, count: number, emmett: EmmettPeer | null): Promise<RunFigures> {
  const dataDir = path.join(directory, 'store');
  const writer = new SqliteEventStore({ dataDir });
  const appends = readAppends(count);
  for (const append of appends) {
    await writer.append(append.stream, append.events, { expectedRevision: append.expectedRevision });
  }
  await writer.close();

  // Page by page, the store then raw on the same page (the same query and page size; raw parses
  // data and metadata into a usable object, the least any reader does).
  const store = new SqliteEventStore({ dataDir });
  const database = new Database(path.join(dataDir, SQLITE_EVENT_STORE_FILE_NAME));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  const select = database.prepare<[number, number], StoredEventRow>(
    'SELECT position, id, stream, revision, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position ASC LIMIT ?',
  );
  const figures = await readPagesSideBySide(
    'read_all',
    (after) => store.readAll({ after, maxCount: READ_PAGE }),
    (after) => {
      const events = select.all(after, READ_PAGE).map((row) => ({
        ...row,
        data: JSON.parse(row.data) as unknown,
        metadata: JSON.parse(row.metadata) as unknown,
      }));
      return events.length;
    },
  );
  database.close();
  await store.close();
  return {
    ...figures,
    rawChained: null,
    emmett: emmett === null ? null : await peerReadAll(emmett, directory, appends),
  };
}
