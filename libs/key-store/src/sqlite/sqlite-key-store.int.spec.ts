import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openText, sealText } from '../sealing';
import { describeKeyStoreContract, DESTROYED_AT, subject } from '../testing/key-store-contract';
import { filesContaining, filesUnder } from '../testing/files-containing';
import { SqliteKeyStore } from './sqlite-key-store';

const directories: string[] = [];
const dataDirOf = new WeakMap<object, string>();

function newDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'key-store-'));
  directories.push(dataDir);
  return dataDir;
}

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeKeyStoreContract(SqliteKeyStore.name, {
  create: () => {
    const dataDir = newDataDir();
    const store = new SqliteKeyStore({ dataDir });
    dataDirOf.set(store, dataDir);
    return Promise.resolve(store);
  },
  reopen: async (first) => {
    await first.close();
    return new SqliteKeyStore({ dataDir: dataDirOf.get(first) ?? '' });
  },
});

describe('SqliteKeyStore on disk', () => {
  it('should keep its keys in keys.db under the data directory, beside the events', async () => {
    const dataDir = newDataDir();
    const store = new SqliteKeyStore({ dataDir });
    const [issued] = await store.issue([subject()]);
    expect(filesContaining(dataDir, issued?.dataKey as Buffer).map((file) => path.basename(file))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^keys\.db/)]),
    );
    await store.close();
  });

  it('should leave no byte of a destroyed data key or its value secrets in any file of the data directory', async () => {
    const dataDir = newDataDir();
    const store = new SqliteKeyStore({ dataDir });
    const alice = subject('hotel', 'alice');
    const bob = subject('hotel', 'bob');
    // Enough rows that the keys spread over several pages and the log holds many frames.
    const issued = await store.issue([
      ...Array.from({ length: 200 }, () => alice),
      ...Array.from({ length: 200 }, () => bob),
    ]);
    const aliceKeys = issued.filter((key) => key.keyId === alice.keyId);
    const bobKeys = issued.filter((key) => key.keyId === bob.keyId);
    // A second connection, as the cli beside the api, that has read the keys.
    const reader = new SqliteKeyStore({ dataDir });
    expect((await reader.find(aliceKeys.slice(0, 3))).map((lookup) => lookup.state)).toEqual([
      'available',
      'available',
      'available',
    ]);
    const secrets = [aliceKeys[0]?.dataKey as Buffer, ...aliceKeys.map((key) => key.valueSecret)];
    expect(secrets.filter((secret) => filesContaining(dataDir, secret).length > 0)).toHaveLength(
      secrets.length,
    );

    await store.destroyDataKey(alice, DESTROYED_AT);

    const left = secrets.flatMap((secret) => filesContaining(dataDir, secret));
    expect(left).toEqual([]);
    // Bob's keys are untouched, and readable through both connections.
    const [bobFound] = await reader.find([bobKeys[0] as (typeof bobKeys)[number]]);
    if (bobFound?.state !== 'available') throw new Error('bob should still be available');
    expect(
      openText(
        sealText('kept', bobKeys[0] as (typeof bobKeys)[number]),
        bobFound.dataKey,
        bobFound.valueSecret,
      ),
    ).toBe('kept');
    expect(filesUnder(dataDir).map((file) => path.basename(file))).toContain('keys.db');
    await reader.close();
    await store.close();
  });

  it('should leave no byte of a destroyed value secret in any file, and keep the others', async () => {
    const dataDir = newDataDir();
    const store = new SqliteKeyStore({ dataDir });
    const alice = subject('hotel', 'alice');
    const issued = await store.issue(Array.from({ length: 50 }, () => alice));
    const wrongPaste = issued[17] as (typeof issued)[number];
    await store.destroyValueSecrets([wrongPaste], DESTROYED_AT);
    expect(filesContaining(dataDir, wrongPaste.valueSecret)).toEqual([]);
    expect(filesContaining(dataDir, issued[18]?.valueSecret as Buffer)).not.toEqual([]);
    expect(filesContaining(dataDir, wrongPaste.dataKey)).not.toEqual([]);
    await store.close();
  });

  it('should refuse a SQLite file of another application, leaving it untouched', () => {
    const dataDir = newDataDir();
    const foreign = new Database(path.join(dataDir, 'keys.db'));
    foreign.exec('CREATE TABLE notes (text TEXT)');
    foreign.close();
    const before = readFileSync(path.join(dataDir, 'keys.db'));
    expect(() => new SqliteKeyStore({ dataDir })).toThrow(/is not this product's key store/);
    expect(readFileSync(path.join(dataDir, 'keys.db')).equals(before)).toBe(true);
  });
});
