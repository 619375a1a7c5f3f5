import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEventStore } from './create-event-store';
import { InvalidStoreConfigurationError } from './errors';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe(createEventStore.name, () => {
  let workspace: string;

  beforeEach(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'create-event-store-'));
  });

  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  it('should open SQLite under a data directory it creates when no connection string is given', async () => {
    const dataDir = path.join(workspace, 'nested', 'data');
    const store = await createEventStore({ dataDir, eventStoreConnectionString: '  ' });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(path.join(dataDir, 'events.db'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('should refuse a configuration naming both PostgreSQL and EventStoreDB', async () => {
    await expect(
      createEventStore({
        dataDir: workspace,
        databaseUrl: 'postgres://localhost/maturity',
        eventStoreConnectionString: 'esdb://localhost:2113?tls=false',
      }),
    ).rejects.toBeInstanceOf(InvalidStoreConfigurationError);
    expect(existsSync(path.join(workspace, 'events.db'))).toBe(false);
  });
});
