// The read models' own SQLite file, `<DATA_DIR>/read-models.db`, used whichever event store is
// configured. It holds nothing that cannot be rebuilt from events, so commits do not fsync
// (synchronous=NORMAL): a crash may lose the last batches, and their checkpoint with them.
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, ensureWritableDirectory, sqliteErrorCode } from '@app/event-store';
import { ReadModelsUnavailableError, type ReadModelsUnavailableReason } from './errors';

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

/** What the operator reads for each passing fault of the read-model file; the runner retries meanwhile. */
const UNAVAILABLE_MESSAGES: Readonly<Record<ReadModelsUnavailableReason, string>> = {
  disk_full:
    'The read models cannot be written: the data disk is full. Free space: they catch up by themselves, nothing is lost.',
  locked:
    'The read models stayed locked by another process beyond the busy timeout: they retry by themselves.',
  read_only:
    'The read models cannot be written: their file or DATA_DIR is read-only. Make it writable: they catch up by themselves.',
  io_error:
    'The read models cannot be written: the data disk failed to read or write. Check it: they retry by themselves.',
};

/** SQLite's primary result codes (extended ones such as SQLITE_IOERR_WRITE belong to theirs) that pass. */
const REASON_OF_CODE: ReadonlyArray<readonly [string, ReadModelsUnavailableReason]> = [
  ['SQLITE_FULL', 'disk_full'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_READONLY', 'read_only'],
  ['SQLITE_IOERR', 'io_error'],
];

/**
 * A failure of the read-model file that an operator fixes without a rebuild, as a
 * ReadModelsUnavailableError; null for anything else (a projection's bug, a corrupt file).
 */
export function readModelsUnavailableErrorOf(error: unknown): ReadModelsUnavailableError | null {
  if (error instanceof ReadModelsUnavailableError) return error;
  const code = sqliteErrorCode(error);
  if (code === undefined) return null;
  const reason = REASON_OF_CODE.find(([primary]) => code === primary || code.startsWith(`${primary}_`))?.[1];
  return reason === undefined
    ? null
    : new ReadModelsUnavailableError(reason, UNAVAILABLE_MESSAGES[reason], { cause: error });
}
