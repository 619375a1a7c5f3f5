import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

const directories: string[] = [];
const dataDirOf = new WeakMap<object, string>();

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeEventStoreContract(SqliteEventStore.name, {
  create: (options) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'event-store-contract-'));
    directories.push(dataDir);
    const store = new SqliteEventStore({ dataDir, pollIntervalMs: 50, ...options });
    dataDirOf.set(store, dataDir);
    return Promise.resolve(store);
  },
  // A second connection to the same file: the race is decided by SQLite's write lock.
  openSecondWriter: (first) => Promise.resolve(new SqliteEventStore({ dataDir: dataDirOf.get(first) ?? '' })),
  startsEmptyWithGapFreePositions: true,
});
