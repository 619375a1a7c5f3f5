// Backup and restore work on the embedded SQLite store only: they copy its file.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { type AppConfig, type IntegrityReport, verifyWholeStore } from '@app/application';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@app/event-store';
import { KEY_STORE, type KeyStore, SqliteKeyStore } from '@app/key-store';
import { CliError, EXIT } from '../exit-codes';

/** Where a backup keeps the key store beside the events: `<backup>.keys`. */
export const keysBackupOf = (backup: string): string => `${backup}.keys`;

/** The embedded store's key store (keys.db); the caller has checked the store is SQLite. */
export function requireSqliteKeyStore(app: INestApplicationContext): SqliteKeyStore {
  const keys = app.get<KeyStore>(KEY_STORE);
  if (!(keys instanceof SqliteKeyStore)) throw new CliError('the key store is not the SQLite file keys.db');
  return keys;
}

/**
 * Backup and restore copy the embedded SQLite file: refused from the settings alone, before any
 * progress is shown or any file is touched, when the events are kept elsewhere.
 */
export function requireEmbeddedStore(config: AppConfig): void {
  if (config.databaseUrl !== undefined)
    throw new CliError(
      'backup and restore copy the embedded SQLite store; with DATABASE_URL set, back up PostgreSQL with pg_dump and restore with pg_restore (see docs/operations.md)',
      EXIT.usage,
    );
  if (config.eventStoreConnectionString !== undefined)
    throw new CliError(
      'backup and restore copy the embedded SQLite store; with EVENTSTORE_CONNECTION_STRING set, use EventStoreDB backups',
      EXIT.usage,
    );
}

export function requireSqliteStore(app: INestApplicationContext, config: AppConfig): SqliteEventStore {
  requireEmbeddedStore(config);
  const store = app.get<EventStore>(EVENT_STORE);
  if (!(store instanceof SqliteEventStore)) throw new CliError('the event store is not the SQLite file');
  return store;
}

/** Opens a store file that is not in DATA_DIR (a backup) and verifies every event of it. */
export async function verifyStoreFile(file: string): Promise<IntegrityReport> {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`, EXIT.usage);
  const store = new SqliteEventStore({ dataDir: path.dirname(file), fileName: path.basename(file) });
  try {
    return await verifyWholeStore(store);
  } finally {
    await store.close();
  }
}
