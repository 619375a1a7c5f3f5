import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract, newEvent } from '../testing/event-store-contract';
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

describe('SqliteEventStore layout migration', () => {
  it('should move a version 1 file to per-stream ids, keeping every event', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'event-store-migration-'));
    directories.push(dataDir);
    const store = new SqliteEventStore({ dataDir });
    const event = newEvent('Kept');
    await store.append('kept', [event], { expectedRevision: 'no_stream' });
    const file = store.file;
    await store.close();
    // What version 1 wrote: the unique index on ids across the store.
    const database = new Database(file);
    database.exec(
      'DROP INDEX events_by_stream_id; CREATE UNIQUE INDEX events_by_id ON events (id); PRAGMA user_version = 1',
    );
    database.close();

    const migrated = new SqliteEventStore({ dataDir });
    await expect(migrated.append('other', [event], { expectedRevision: 'no_stream' })).resolves.toMatchObject(
      {
        written: true,
      },
    );
    await migrated.close();
    const check = new Database(file, { readonly: true });
    const indexes = check
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
      .pluck()
      .all();
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    check.close();
    expect(indexes).toEqual(['events_by_stream_id', 'events_by_stream_revision', 'events_by_type_position']);
  });
});
