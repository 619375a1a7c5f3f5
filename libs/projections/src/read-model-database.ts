// The read models' own SQLite file, `<DATA_DIR>/read-models.db`, used whichever event store is
// configured. It holds nothing that cannot be rebuilt from events, so commits do not fsync
// (synchronous=NORMAL): a crash may lose the last batches, and their checkpoint with them.
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, ensureWritableDirectory } from '@app/event-store';

export const READ_MODELS_FILE_NAME = 'read-models.db';

export interface ReadModelDatabaseOptions {
  dataDir: string;
  /** Defaults to read-models.db. */
  fileName?: string;
  /** How long a write waits for another process (the cli while the api runs). Default 5000. */
  busyTimeoutMs?: number;
}

export function openReadModelDatabase(options: ReadModelDatabaseOptions): Database.Database {
  ensureWritableDirectory(options.dataDir);
  const file = path.join(options.dataDir, options.fileName ?? READ_MODELS_FILE_NAME);
  ensurePrivateFile(file);
  const database = new Database(file);
  try {
    database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    // Room for a rebuild's batches and the organisation index's pages.
    database.pragma('cache_size = -65536');
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}
