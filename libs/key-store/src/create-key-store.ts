// Chooses the key store beside the configured event store (ADR 0012): the PostgreSQL database when
// DATABASE_URL is set, else a SQLite file of its own under DATA_DIR (for the embedded store and
// for EventStoreDB, where a key could not be destroyed on demand).
import type { KeyStore } from './key-store.port';
import { PostgresKeyStore } from './postgres/postgres-key-store';
import { SqliteKeyStore } from './sqlite/sqlite-key-store';

export interface KeyStoreConfig {
  dataDir: string;
  /** DATABASE_URL; empty or absent: the SQLite file. */
  databaseUrl?: string | null;
  clock?: () => Date;
  applicationName?: string;
  onBackgroundError?: (error: unknown) => void;
}

export async function createKeyStore(config: KeyStoreConfig): Promise<KeyStore> {
  const databaseUrl = config.databaseUrl?.trim() ?? '';
  const clock = config.clock ? { clock: config.clock } : {};
  if (databaseUrl.length > 0)
    return PostgresKeyStore.connect({
      connectionString: databaseUrl,
      ...clock,
      ...(config.applicationName ? { applicationName: config.applicationName } : {}),
      ...(config.onBackgroundError ? { onBackgroundError: config.onBackgroundError } : {}),
    });
  return Promise.resolve(new SqliteKeyStore({ dataDir: config.dataDir, ...clock }));
}
