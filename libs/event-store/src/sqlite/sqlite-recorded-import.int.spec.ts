import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { describeRecordedImport } from '../recorded-import-cases.spec';

const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeRecordedImport('SqliteEventStore', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'recorded-import-'));
  directories.push(dataDir);
  return Promise.resolve(new SqliteEventStore({ dataDir }));
});

describe('SqliteEventStore backupTo', () => {
  it('should write a consistent copy that opens as a store with the same events', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'backup-'));
    directories.push(dataDir);
    const store = new SqliteEventStore({ dataDir });
    await store.append(
      'stream',
      [
        {
          id: '00000000-0000-4000-8000-000000000001',
          type: 'Happened',
          data: {},
          metadata: { actor: 'a', role: 'ADMIN' },
        },
      ],
      {
        expectedRevision: 'no_stream',
      },
    );
    const file = path.join(dataDir, 'backup.db');
    await store.backupTo(file);
    await expect(store.backupTo(file)).rejects.toThrow();
    const copy = new SqliteEventStore({ dataDir, fileName: 'backup.db' });
    expect(await copy.readAll({ raw: true })).toEqual(await store.readAll({ raw: true }));
    await copy.close();
    await store.close();
  });
});
