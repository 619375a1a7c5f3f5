// The PostgreSQL event store against plain `pg` writing and reading the very same rows, in the
// same run, on a throwaway server the bench starts (fsync and synchronous_commit on, the defaults).
// Raw writes into `raw_events`, created LIKE the store's `events` table with all its indexes and
// constraints, one autocommit INSERT per append: what any application writing those rows must at
// least do. Ours does that plus the expectation check, the hash chain and the position lock.
import { Client } from 'pg';
import { PostgresEventStore, type StoredEventRow } from '@app/event-store';
import { startPostgresTestServer } from '@app/event-store/testing';
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

const COLUMNS = 'position, id, stream, revision, type, data, metadata, hash';

/** PostgreSQL answers a bigint as a string. */
type Row = Omit<StoredEventRow, 'position'> & { position: string };

export async function benchPostgres(options: { quick: boolean }): Promise<PostgresBenchResult> {
  const sizes = storeBenchSizes(options.quick);
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
  appends: readonly StoreAppend[],
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
    for (const append of readAppends(count)) {
      await store.append(append.stream, append.events, { expectedRevision: append.expectedRevision });
    }
    return await readPagesSideBySide(
      'postgres_read_all',
      (after) => store.readAll({ after, maxCount: READ_PAGE }),
      async (after) => {
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
        return events.length;
      },
    );
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
