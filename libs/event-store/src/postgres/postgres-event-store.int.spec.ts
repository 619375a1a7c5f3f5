// The shared contract against a real PostgreSQL server started by the harness: a fresh database
// per store, so positions start at 1 like the embedded adapters'.
import { createEventStore } from '../create-event-store';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { describeRecordedImport } from '../recorded-import-cases.spec';
import { PostgresEventStore } from './postgres-event-store';
import {
  describeWithPostgres,
  type PostgresTestServer,
  startPostgresTestServer,
} from './testing/postgres-test-server';

jest.setTimeout(60_000);

describeWithPostgres('PostgresEventStore on a real server', () => {
  let server: PostgresTestServer;
  const urlOf = new WeakMap<object, string>();

  beforeAll(async () => {
    server = await startPostgresTestServer();
  }, 120_000);

  afterAll(async () => {
    await server.destroy();
  });

  describeEventStoreContract(PostgresEventStore.name, {
    create: async (options) => {
      const connectionString = await server.createDatabase();
      const store = await PostgresEventStore.connect({ connectionString, ...options });
      urlOf.set(store, connectionString);
      return store;
    },
    // Another pool on the same database: the race is decided by the server's position lock.
    openSecondWriter: (first) => PostgresEventStore.connect({ connectionString: urlOf.get(first) ?? '' }),
    startsEmptyWithGapFreePositions: true,
  });

  describeRecordedImport('PostgresEventStore', async () =>
    PostgresEventStore.connect({ connectionString: await server.createDatabase() }),
  );

  it('should be the store createEventStore opens when a database URL is given', async () => {
    const store = await createEventStore({
      dataDir: '/nonexistent',
      databaseUrl: await server.createDatabase(),
    });
    try {
      expect(store).toBeInstanceOf(PostgresEventStore);
      expect(await store.headPosition()).toBe(0);
    } finally {
      await store.close();
    }
  });
});
