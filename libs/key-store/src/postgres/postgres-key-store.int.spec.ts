// The key store contract against a real PostgreSQL server started by the harness, and what is
// left in the server's files after a key is destroyed.
import path from 'node:path';
import { Client } from 'pg';
import {
  describeWithPostgres,
  type PostgresTestServer,
  startPostgresTestServer,
} from '../../../event-store/src/postgres/testing/postgres-test-server';
import { createKeyStore } from '../create-key-store';
import { describeKeyStoreContract, DESTROYED_AT, subject } from '../testing/key-store-contract';
import { filesContaining } from '../testing/files-containing';
import { PostgresKeyStore } from './postgres-key-store';

jest.setTimeout(60_000);

describeWithPostgres('PostgresKeyStore on a real server', () => {
  let server: PostgresTestServer;
  const urlOf = new WeakMap<object, string>();

  beforeAll(async () => {
    server = await startPostgresTestServer();
  }, 120_000);

  afterAll(async () => {
    await server.destroy();
  });

  /** Writes every dirty page to the table files, so they show what the database holds. */
  async function checkpoint(): Promise<void> {
    const client = new Client({ connectionString: server.adminUrl });
    await client.connect();
    await client.query('CHECKPOINT');
    await client.end();
  }

  /** The directory of one database's table files. */
  async function tableFilesOf(databaseUrl: string): Promise<string> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ oid: number }>(
      'SELECT oid FROM pg_database WHERE datname = current_database()',
    );
    await client.end();
    return path.join(server.dataDirectory, 'base', String(rows[0]?.oid));
  }

  describeKeyStoreContract(PostgresKeyStore.name, {
    create: async () => {
      const connectionString = await server.createDatabase();
      const store = await PostgresKeyStore.connect({ connectionString });
      urlOf.set(store, connectionString);
      return store;
    },
    reopen: async (first) => {
      await first.close();
      return PostgresKeyStore.connect({ connectionString: urlOf.get(first) ?? '' });
    },
  });

  it('should be chosen by DATABASE_URL, in tables of that database', async () => {
    const databaseUrl = await server.createDatabase();
    const store = await createKeyStore({ dataDir: '/nonexistent', databaseUrl });
    expect(store).toBeInstanceOf(PostgresKeyStore);
    await store.issue([subject()]);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM key_store_data_keys');
    await client.end();
    expect(rows[0]?.count).toBe('1');
    await store.close();
  });

  it("should leave a destroyed key's material in no table file of the server", async () => {
    const databaseUrl = await server.createDatabase();
    const store = await PostgresKeyStore.connect({ connectionString: databaseUrl });
    const alice = subject('hotel', 'alice');
    const bob = subject('hotel', 'bob');
    const issued = await store.issue([alice, alice, bob]);
    const [wrongPaste, kept, bobValue] = issued;
    if (wrongPaste === undefined || kept === undefined || bobValue === undefined)
      throw new Error('nothing issued');
    await checkpoint();
    const tables = await tableFilesOf(databaseUrl);
    expect(filesContaining(tables, wrongPaste.dataKey)).not.toEqual([]);

    await store.destroyValueSecrets([wrongPaste], DESTROYED_AT);
    await checkpoint();
    expect(filesContaining(tables, wrongPaste.valueSecret)).toEqual([]);
    expect(filesContaining(tables, kept.valueSecret)).not.toEqual([]);

    await store.destroyDataKey(alice, DESTROYED_AT);
    await checkpoint();
    expect(filesContaining(tables, wrongPaste.dataKey)).toEqual([]);
    expect(filesContaining(tables, bobValue.dataKey)).not.toEqual([]);
    await store.close();
  });

  it('should leave no trace of a key stored last on a full page, where vacuuming alone leaves the bytes', async () => {
    const databaseUrl = await server.createDatabase();
    const store = await PostgresKeyStore.connect({ connectionString: databaseUrl });
    const subjects = Array.from({ length: 120 }, (_, index) => subject('hotel', `respondent-${index}`));
    const issued = await store.issue(subjects);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    // The last row of the first page: nothing below it moves over its bytes when the page is compacted.
    const { rows } = await client.query<{ key_id: string }>(
      `SELECT key_id FROM key_store_data_keys WHERE (ctid::text::point)[0] = 0
        ORDER BY (ctid::text::point)[1] DESC LIMIT 1`,
    );
    await client.end();
    const victim = subjects.find((candidate) => candidate.keyId === rows[0]?.key_id);
    const material = issued.find((key) => key.keyId === victim?.keyId)?.dataKey;
    if (victim === undefined || material === undefined) throw new Error('no key on the first page');
    await store.destroyDataKey(victim, DESTROYED_AT);
    await checkpoint();
    expect(filesContaining(await tableFilesOf(databaseUrl), material)).toEqual([]);
    await store.close();
  });
});
