import { mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
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

describe('SqliteEventStore temporary files', () => {
  it('should append large batches to a store with history without creating any temporary file', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'event-store-temporary-'));
    const temporaryDirectory = mkdtempSync(path.join(tmpdir(), 'sqlite-temporary-'));
    directories.push(dataDir, temporaryDirectory);
    // Where SQLite creates its temporary files, for this process (reset below). A file created and
    // deleted at once leaves no trace in the directory, so the watcher records every creation.
    const settings = new Database(':memory:');
    settings.pragma(`temp_store_directory = '${temporaryDirectory}'`);
    const created: string[] = [];
    const watcher = watch(temporaryDirectory, (_event, name) => created.push(String(name)));
    const store = new SqliteEventStore({ dataDir });
    try {
      const batch = (size: number): ReturnType<typeof newEvent>[] =>
        Array.from({ length: size }, (_, index) => newEvent('Filled', { index, text: 'x'.repeat(300) }));
      for (let stream = 0; stream < 20; stream += 1)
        await store.append(`history-${stream}`, batch(100), { expectedRevision: 'no_stream' });
      // A lone batch, and a group of two (each in its own savepoint).
      await store.append('lone', batch(300), { expectedRevision: 'no_stream' });
      await Promise.all([
        store.append('first', batch(300), { expectedRevision: 'no_stream' }),
        store.append('second', batch(300), { expectedRevision: 'no_stream' }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 100));

      expect(created).toEqual([]);
      expect(readdirSync(temporaryDirectory)).toEqual([]);
    } finally {
      watcher.close();
      await store.close();
      settings.pragma("temp_store_directory = ''");
      settings.close();
    }
  });
});
