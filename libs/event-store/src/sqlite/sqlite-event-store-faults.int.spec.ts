// SQLite-only fault tests with real files and real processes: kill -9 mid-append, a second
// process writing and being seen, and start-up refusals that leave the file untouched.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import {
  DataDirectoryNotWritableError,
  EventStoreCorruptError,
  EventStoreDamagedError,
  EventStoreLockedError,
} from '../errors';
import type { RecordedEvent } from '../event-store.port';
import { verifyStreamChain } from '../hash-chain';
import { eventually, newEvent } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

const repositoryRoot = path.resolve(__dirname, '../../../..');
const childScript = path.join(__dirname, 'testing', 'append-loop.child.cjs');

interface Acknowledgement {
  batch: number;
  size: number;
  stream: string;
  position: number;
  ids: string[];
}

interface RunningChild {
  process: ChildProcess;
  acknowledged: Acknowledgement[];
  ready: Promise<void>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

afterEach(() => {
  // A failed test must not leave a writer running.
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startAppendLoop(dataDir: string, batches: number | 'forever'): RunningChild {
  const child = spawn(process.execPath, [childScript, dataDir, String(batches)], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const acknowledged: Acknowledgement[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as Acknowledgement | { ready: true };
    if ('ready' in message) markReady();
    else acknowledged.push(message);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );
  return { process: child, acknowledged, ready, exited };
}

function fingerprint(file: string): { bytes: Buffer; modifiedAt: number } {
  return { bytes: readFileSync(file), modifiedAt: statSync(file).mtimeMs };
}

async function readEverything(store: SqliteEventStore): Promise<RecordedEvent[]> {
  return store.readAll({ raw: true });
}

/** Positions gap-free from firstPosition, every batch whole, every stream's chain valid. */
function expectIntactStore(events: RecordedEvent[], firstPosition = 1): void {
  expect(events.map((event) => event.position)).toEqual(events.map((_, index) => index + firstPosition));
  const batches = new Map<string, RecordedEvent[]>();
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const key = JSON.stringify([event.data.pid, event.data.batch]);
    batches.set(key, [...(batches.get(key) ?? []), event]);
    streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  }
  for (const batch of batches.values()) {
    expect(batch.map((event) => event.data.index)).toEqual(batch.map((_, index) => index));
    expect(batch).toHaveLength(batch[0]?.data.size as number);
  }
  for (const streamEvents of streams.values()) {
    expect(verifyStreamChain(streamEvents)).toMatchObject({ valid: true });
  }
}

describe('SqliteEventStore faults', () => {
  let workspace: string;

  beforeEach(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'event-store-faults-'));
  });

  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  it('should keep every acknowledged append and no partial batch when the writer is killed with SIGKILL', async () => {
    const dataDir = path.join(workspace, 'data');
    const allAcknowledged: Acknowledgement[] = [];
    for (const killAfter of [25, 60, 110]) {
      const child = startAppendLoop(dataDir, 'forever');
      await child.ready;
      await eventually(
        () => child.acknowledged.length >= killAfter,
        `${killAfter} acknowledged appends`,
        30000,
      );
      child.process.kill('SIGKILL');
      expect(await child.exited).toBeNull();
      allAcknowledged.push(...child.acknowledged);
    }

    const store = new SqliteEventStore({ dataDir });
    try {
      const events = await readEverything(store);
      const stored = new Set(events.map((event) => event.id));
      const missing = allAcknowledged
        .flatMap((acknowledgement) => acknowledgement.ids)
        .filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      expectIntactStore(events);
    } finally {
      await store.close();
    }
  }, 60000);

  it('should let another process write while this one is open, and deliver its events to a live subscription', async () => {
    const dataDir = path.join(workspace, 'data');
    const store = new SqliteEventStore({ dataDir, pollIntervalMs: 50 });
    try {
      await store.append('local', [newEvent('Local')], { expectedRevision: 'no_stream' });
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ after: 0 }, (event) => {
        received.push(event);
      });
      const writers = [startAppendLoop(dataDir, 40), startAppendLoop(dataDir, 40)];
      expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
      const expectedCount =
        1 +
        writers.reduce(
          (sum, writer) =>
            sum + writer.acknowledged.reduce((total, acknowledgement) => total + acknowledgement.size, 0),
          0,
        );
      await eventually(
        () => received.length === expectedCount,
        `${expectedCount} events through the subscription`,
        10000,
      );
      await subscription.close();

      expect(received.map((event) => event.position)).toEqual(received.map((_, index) => index + 1));
      expectIntactStore((await readEverything(store)).slice(1), 2);
    } finally {
      await store.close();
    }
  }, 60000);

  it('should refuse a data directory that cannot be created, naming DATA_DIR', () => {
    const aFile = path.join(workspace, 'afile');
    writeFileSync(aFile, 'not a directory');
    const dataDir = path.join(aFile, 'data');

    expect(() => new SqliteEventStore({ dataDir })).toThrow(DataDirectoryNotWritableError);
    expect(() => new SqliteEventStore({ dataDir })).toThrow(/DATA_DIR/);
    expect(readFileSync(aFile, 'utf8')).toBe('not a directory');
  });

  it('should refuse a store file that is garbage and leave it untouched', () => {
    const file = path.join(workspace, 'events.db');
    writeFileSync(file, randomBytes(8192));
    const before = fingerprint(file);

    expect(() => new SqliteEventStore({ dataDir: workspace })).toThrow(EventStoreCorruptError);
    expect(() => new SqliteEventStore({ dataDir: workspace })).toThrow(/left untouched/);
    expect(fingerprint(file)).toEqual(before);
  });

  it('should refuse a store file whose pages are damaged and leave it untouched', async () => {
    const writer = new SqliteEventStore({ dataDir: workspace });
    for (let batch = 0; batch < 20; batch += 1) {
      await writer.append(
        `stream-${batch}`,
        Array.from({ length: 50 }, (_, index) => newEvent('Filled', { index, text: 'x'.repeat(200) })),
        {
          expectedRevision: 'no_stream',
        },
      );
    }
    await writer.close();
    const file = writer.file;
    const bytes = readFileSync(file);
    randomBytes(4096 * 3).copy(bytes, 4096 * 4);
    writeFileSync(file, bytes);
    const before = fingerprint(file);

    expect(() => new SqliteEventStore({ dataDir: workspace })).toThrow(EventStoreCorruptError);
    expect(fingerprint(file)).toEqual(before);
  });

  it('should answer damage SQLite finds at run time as the typed EventStoreDamagedError, then refuse every operation', async () => {
    const writer = new SqliteEventStore({ dataDir: workspace });
    for (let batch = 0; batch < 20; batch += 1) {
      await writer.append(
        `stream-${batch}`,
        Array.from({ length: 50 }, (_, index) => newEvent('Filled', { index, text: 'x'.repeat(200) })),
        { expectedRevision: 'no_stream' },
      );
    }
    await writer.close();
    const bytes = readFileSync(writer.file);
    randomBytes(4096 * 3).copy(bytes, 4096 * 4);
    writeFileSync(writer.file, bytes);
    // Opened without the start-up check, as if the damage came after the start.
    const store = new SqliteEventStore({ dataDir: workspace, integrityCheck: 'none' });
    try {
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreDamagedError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreDamagedError);
      await expect(
        store.append('stream-new', [newEvent('Filled', {})], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(EventStoreDamagedError);
    } finally {
      await store.close();
    }
  });

  it('should refuse the SQLite database of another application and leave it untouched', () => {
    const file = path.join(workspace, 'events.db');
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada');");
    foreign.close();
    const before = fingerprint(file);

    expect(() => new SqliteEventStore({ dataDir: workspace })).toThrow(/another application/);
    expect(fingerprint(file)).toEqual(before);
  });

  it('should refuse a store file locked by another process and leave it untouched', async () => {
    const created = new SqliteEventStore({ dataDir: workspace });
    await created.append('stream', [newEvent('Before')], { expectedRevision: 'no_stream' });
    await created.close();
    const before = fingerprint(created.file);
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(created.file)}); db.exec('BEGIN EXCLUSIVE'); console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) =>
        holder.stdout.once('data', () => {
          resolve();
        }),
      );
      const startedAt = Date.now();

      expect(() => new SqliteEventStore({ dataDir: workspace, busyTimeoutMs: 300 })).toThrow(
        EventStoreLockedError,
      );
      expect(Date.now() - startedAt).toBeLessThan(5000);
      expect(fingerprint(created.file)).toEqual(before);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
