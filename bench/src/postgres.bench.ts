// The PostgreSQL event store against plain `pg` writing and reading the very same rows, in the
// same run, on a throwaway server the bench starts (fsync and synchronous_commit on, the defaults).
// Raw writes into `raw_events`, created LIKE the store's `events` table with all its indexes and
// constraints, one autocommit INSERT per append: what any application writing those rows must at
// least do. Ours does that plus the expectation check, the hash chain and the position lock.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type NewEvent, PostgresEventStore } from '@app/event-store';
import { startPostgresTestServer } from '@app/event-store/testing';

export interface PostgresFigure {
  events_per_s: number;
  raw_pg_events_per_s: number;
  /** events_per_s / raw_pg_events_per_s */
  ratio: number;
}

export interface PostgresBenchResult {
  postgres_append_single: PostgresFigure;
  postgres_append_batch: PostgresFigure;
  postgres_read_all: PostgresFigure;
  postgres_version: string;
}

interface Sizes {
  runs: number;
  singleEvents: number;
  batches: number;
  readEvents: number;
}

const BATCH_SIZE = 100;
const READ_PAGE = 1000;
const STREAM_LENGTH = 10;
const HISTORY_EVENTS = 5000;
const INTERLEAVED_BLOCK = 10;
const COLUMNS = 'position, id, stream, revision, type, data, metadata, hash';

interface Row {
  position: string;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

interface Append {
  stream: string;
  events: NewEvent[];
  expectedRevision: 'no_stream' | number;
}

export async function benchPostgres(options: { quick: boolean }): Promise<PostgresBenchResult> {
  const sizes: Sizes = options.quick
    ? { runs: 3, singleEvents: 150, batches: 10, readEvents: 5000 }
    : { runs: 5, singleEvents: 600, batches: 50, readEvents: 30000 };
  const server = await startPostgresTestServer();
  try {
    const version = await withClient(server.adminUrl, async (client) => {
      const result = await client.query<{ server_version: string }>('SHOW server_version');
      return result.rows[0]?.server_version ?? 'unknown';
    });
    const newDatabase = (): Promise<string> => server.createDatabase();
    return {
      postgres_append_single: await compare(sizes.runs, async () =>
        appendInterleaved(await newDatabase(), singleAppends(sizes.singleEvents), false),
      ),
      postgres_append_batch: await compare(sizes.runs, async () =>
        appendInterleaved(await newDatabase(), batchAppends(sizes.batches), true),
      ),
      postgres_read_all: await compare(sizes.runs, async () =>
        readAll(await newDatabase(), sizes.readEvents),
      ),
      postgres_version: version,
    };
  } finally {
    await server.destroy();
  }
}

async function compare(
  runs: number,
  run: () => Promise<{ ours: number; raw: number }>,
): Promise<PostgresFigure> {
  const ours: number[] = [];
  const raw: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const figures = await run();
    ours.push(figures.ours);
    raw.push(figures.raw);
  }
  const events_per_s = Math.round(median(ours));
  const raw_pg_events_per_s = Math.round(median(raw));
  return {
    events_per_s,
    raw_pg_events_per_s,
    ratio: Math.round((events_per_s / raw_pg_events_per_s) * 1000) / 1000,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The same payload as the SQLite bench: an event as a command handler appends it. */
function sampleEvent(index: number, commandId: string = randomUUID()): NewEvent {
  return {
    id: randomUUID(),
    type: 'CapabilityRated',
    data: {
      organizationId: 'hotel-aurora',
      cycleId: '2024-q1',
      functionId: index % 2 === 0 ? 'front-desk' : 'housekeeping',
      capabilityId: 'customer-insight',
      level: (index % 5) + 1,
      evidence: 'Guests are asked about their stay at checkout and the answers reach housekeeping weekly.',
    },
    metadata: { actor: 'assessor@hotel-aurora', role: 'ASSESSOR', commandId, schemaVersion: 1 },
  };
}

function singleAppends(count: number): Append[] {
  return Array.from({ length: count }, (_, index) => {
    const revision = index % STREAM_LENGTH;
    return {
      stream: `rating-${Math.floor(index / STREAM_LENGTH)}`,
      events: [sampleEvent(index)],
      expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
    };
  });
}

function batchAppends(batches: number): Append[] {
  return Array.from({ length: batches }, (_, batch) => {
    const commandId = randomUUID();
    return {
      stream: `assessment-${batch}`,
      events: Array.from({ length: BATCH_SIZE }, (_unused, index) =>
        sampleEvent(batch * BATCH_SIZE + index, commandId),
      ),
      expectedRevision: 'no_stream',
    };
  });
}

function historyAppends(): Append[] {
  return Array.from({ length: HISTORY_EVENTS / BATCH_SIZE }, (_, batch) => ({
    stream: `history-${batch}`,
    events: Array.from({ length: BATCH_SIZE }, (_unused, index) => sampleEvent(batch * BATCH_SIZE + index)),
    expectedRevision: 'no_stream',
  }));
}

const INSERT_ONE = {
  name: 'raw-insert-one',
  text: `INSERT INTO raw_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
};
const INSERT_MANY = {
  name: 'raw-insert-many',
  text: `INSERT INTO raw_events (${COLUMNS})
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[])`,
};

async function insertRaw(client: Client, rows: readonly Row[], oneStatement: boolean): Promise<void> {
  if (!oneStatement) {
    for (const row of rows) {
      await client.query({
        ...INSERT_ONE,
        values: [row.position, row.id, row.stream, row.revision, row.type, row.data, row.metadata, row.hash],
      });
    }
    return;
  }
  await client.query({
    ...INSERT_MANY,
    values: [
      rows.map((row) => row.position),
      rows.map((row) => row.id),
      rows.map((row) => row.stream),
      rows.map((row) => row.revision),
      rows.map((row) => row.type),
      rows.map((row) => row.data),
      rows.map((row) => row.metadata),
      rows.map((row) => row.hash),
    ],
  });
}

/**
 * Ours appends a block of appends, then raw inserts exactly the rows ours wrote (read back,
 * untimed), each append its own autocommit transaction; blocks alternate so drift in the disk's
 * flush latency hits both alike.
 */
async function appendInterleaved(
  url: string,
  appends: readonly Append[],
  rawInOneStatement: boolean,
): Promise<{ ours: number; raw: number }> {
  const store = await PostgresEventStore.connect({ connectionString: url, applicationName: 'bench-ours' });
  const raw = new Client({ connectionString: url, application_name: 'bench-raw' });
  await raw.connect();
  try {
    await raw.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
    const written = (after: number): Promise<Row[]> =>
      raw
        .query<Row>({
          name: 'written-since',
          text: `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position`,
          values: [after],
        })
        .then((result) => result.rows);
    let head = 0;
    for (const append of historyAppends()) {
      const result = await store.append(append.stream, append.events, {
        expectedRevision: append.expectedRevision,
      });
      await insertRaw(raw, await written(head), true);
      head = result.position;
    }
    let oursNanoseconds = 0n;
    let rawNanoseconds = 0n;
    let events = 0;
    for (let block = 0; block < appends.length; block += INTERLEAVED_BLOCK) {
      const rowsOfBlock: Row[][] = [];
      for (const append of appends.slice(block, block + INTERLEAVED_BLOCK)) {
        const startedAt = process.hrtime.bigint();
        const result = await store.append(append.stream, append.events, {
          expectedRevision: append.expectedRevision,
        });
        oursNanoseconds += process.hrtime.bigint() - startedAt;
        const rows = await written(head);
        head = result.position;
        events += rows.length;
        rowsOfBlock.push(rows);
      }
      for (const rows of rowsOfBlock) {
        const startedAt = process.hrtime.bigint();
        await insertRaw(raw, rows, rawInOneStatement);
        rawNanoseconds += process.hrtime.bigint() - startedAt;
      }
    }
    return { ours: events / (Number(oursNanoseconds) / 1e9), raw: events / (Number(rawNanoseconds) / 1e9) };
  } finally {
    await raw.end();
    await store.close();
  }
}

/** Page by page, ours then raw on the same page: the same query; raw parses data and metadata. */
async function readAll(url: string, count: number): Promise<{ ours: number; raw: number }> {
  const store = await PostgresEventStore.connect({ connectionString: url, applicationName: 'bench-ours' });
  const raw = new Client({ connectionString: url, application_name: 'bench-raw' });
  await raw.connect();
  try {
    for (let offset = 0; offset < count; offset += BATCH_SIZE) {
      const batch = Array.from({ length: Math.min(BATCH_SIZE, count - offset) }, (_, index) =>
        sampleEvent(offset + index),
      );
      await store.append(`assessment-${offset}`, batch, { expectedRevision: 'no_stream' });
    }
    let oursNanoseconds = 0n;
    let rawNanoseconds = 0n;
    let oursRead = 0;
    let rawRead = 0;
    for (let after = 0; ;) {
      let startedAt = process.hrtime.bigint();
      const page = await store.readAll({ after, maxCount: READ_PAGE });
      oursNanoseconds += process.hrtime.bigint() - startedAt;
      startedAt = process.hrtime.bigint();
      const result = await raw.query<Row>({
        name: 'raw-read-all',
        text: `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position ASC LIMIT $2`,
        values: [after, READ_PAGE],
      });
      const events = result.rows.map((row) => ({
        ...row,
        position: Number(row.position),
        data: JSON.parse(row.data) as unknown,
        metadata: JSON.parse(row.metadata) as unknown,
      }));
      rawNanoseconds += process.hrtime.bigint() - startedAt;
      if (page.length === 0) break;
      oursRead += page.length;
      rawRead += events.length;
      after = page.at(-1)?.position ?? after;
    }
    if (oursRead !== rawRead)
      throw new Error(`postgres_read_all: ours read ${oursRead} events, raw ${rawRead}`);
    return {
      ours: oursRead / (Number(oursNanoseconds) / 1e9),
      raw: rawRead / (Number(rawNanoseconds) / 1e9),
    };
  } finally {
    await raw.end();
    await store.close();
  }
}

async function withClient<Result>(url: string, work: (client: Client) => Promise<Result>): Promise<Result> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
