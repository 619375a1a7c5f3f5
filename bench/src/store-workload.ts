// The work both event store benches (SQLite in store.bench.ts, PostgreSQL in postgres.bench.ts)
// give each store and its raw peer: the same events, appends and sizes, so their figures compare.
import { randomUUID } from 'node:crypto';
import type { ExpectedRevision, NewEvent } from '@app/event-store';

export interface StoreAppend {
  stream: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface StoreBenchSizes {
  runs: number;
  singleEvents: number;
  batches: number;
  readEvents: number;
}

export const storeBenchSizes = (quick: boolean): StoreBenchSizes =>
  quick
    ? { runs: 3, singleEvents: 150, batches: 10, readEvents: 5000 }
    : { runs: 5, singleEvents: 600, batches: 50, readEvents: 30000 };

export const BATCH_SIZE = 100;
export const READ_PAGE = 1000;
const STREAM_LENGTH = 10;
/**
 * Events every store holds before an append run is timed. A running store's WAL has wrapped at a
 * checkpoint and commits overwrite it in place; in a new file every commit also grows the WAL, and
 * its fsync then flushes the file size too (about 1.5x slower single commits here). Each side
 * gets the same history, untimed.
 */
const HISTORY_EVENTS = 5000;
/** Appends each side makes in a row before the next side's turn. */
export const INTERLEAVED_BLOCK = 10;

/** An event as a command handler appends it; the events of one append share the command's id. */
export function sampleEvent(index: number, commandId: string = randomUUID()): NewEvent {
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

export function historyAppends(): StoreAppend[] {
  return Array.from({ length: HISTORY_EVENTS / BATCH_SIZE }, (_, batch) => ({
    stream: `history-${batch}`,
    events: Array.from({ length: BATCH_SIZE }, (_unused, index) => sampleEvent(batch * BATCH_SIZE + index)),
    expectedRevision: 'no_stream',
  }));
}

/** One event an append, streams of STREAM_LENGTH events. */
export function singleAppends(count: number): StoreAppend[] {
  return Array.from({ length: count }, (_, index) => {
    const revision = index % STREAM_LENGTH;
    return {
      stream: `rating-${Math.floor(index / STREAM_LENGTH)}`,
      events: [sampleEvent(index)],
      expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
    };
  });
}

/** BATCH_SIZE events an append, one command's, each to a new stream. */
export function batchAppends(batches: number): StoreAppend[] {
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

/** `count` events in batches of at most BATCH_SIZE, for the stores to read back. */
export function readAppends(count: number): StoreAppend[] {
  const appends: StoreAppend[] = [];
  for (let offset = 0; offset < count; offset += BATCH_SIZE) {
    const events = Array.from({ length: Math.min(BATCH_SIZE, count - offset) }, (_, index) =>
      sampleEvent(offset + index),
    );
    appends.push({ stream: `assessment-${offset}`, events, expectedRevision: 'no_stream' });
  }
  return appends;
}

/**
 * Reads every event page by page, ours then raw on the same page, each timed apart, and answers
 * the events per second of each. `readRaw` answers how many events it read and parsed from the
 * page after the position; the two must read as many events.
 */
export async function readPagesSideBySide(
  figure: string,
  readOurs: (after: number) => Promise<readonly { position: number }[]>,
  readRaw: (after: number) => Promise<number> | number,
): Promise<{ ours: number; raw: number }> {
  let oursNanoseconds = 0n;
  let rawNanoseconds = 0n;
  let oursRead = 0;
  let rawRead = 0;
  for (let after = 0; ;) {
    let startedAt = process.hrtime.bigint();
    const page = await readOurs(after);
    oursNanoseconds += process.hrtime.bigint() - startedAt;
    startedAt = process.hrtime.bigint();
    const rawCount = await readRaw(after);
    rawNanoseconds += process.hrtime.bigint() - startedAt;
    if (page.length === 0) break;
    oursRead += page.length;
    rawRead += rawCount;
    after = page.at(-1)?.position ?? after;
  }
  if (oursRead !== rawRead) throw new Error(`${figure}: ours read ${oursRead} events, raw ${rawRead}`);
  return { ours: oursRead / (Number(oursNanoseconds) / 1e9), raw: rawRead / (Number(rawNanoseconds) / 1e9) };
}
