// Opening the store file safely. Every check runs before anything is written, so a bad start
// (unwritable directory, corrupt or foreign file, a lock held by another process, a newer
// version) fails with an error that says what to do, and leaves the file exactly as it was.
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  DataDirectoryNotWritableError,
  EventStoreCorruptError,
  EventStoreLockedError,
  UnsupportedStoreVersionError,
} from '../errors';
import {
  applyDurablePragmas,
  EVENTS_TABLE_DDL,
  SQLITE_APPLICATION_ID,
  SQLITE_SCHEMA_VERSION,
} from './sqlite-schema';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenSqliteDatabaseOptions {
  dataDir: string;
  file: string;
  busyTimeoutMs: number;
  integrityCheck: 'quick' | 'none';
}

export function openSqliteDatabase(options: OpenSqliteDatabaseOptions): Database.Database {
  const { dataDir, file } = options;
  ensureWritableDirectory(dataDir);
  const existed = checkExistingFile(file);
  let database: Database.Database | undefined;
  try {
    ensurePrivateFile(file);
    database = new Database(file);
    database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
    if (existed) checkExistingDatabase(database, file, options.integrityCheck);
    // Probe the write lock before any write (a rollback writes nothing).
    database.exec('BEGIN IMMEDIATE');
    database.exec('ROLLBACK');
    applyDurablePragmas(database);
    // Statement and savepoint journals in memory. A batch's multi-row INSERT (or an append in its
    // group's savepoint) journals the pages it changes so it can be undone alone; past 64 KiB SQLite
    // spilled that journal to a temporary file created and deleted for nearly every batch, about a
    // quarter of a batched append's CPU. These journals only undo a statement or a savepoint inside
    // an open transaction; recovery after a crash uses the WAL alone, so durability is unchanged.
    database.pragma('temp_store = MEMORY');
    createSchema(database);
    return database;
  } catch (error) {
    database?.close();
    throw translateOpenError(error, options);
  }
}

function createSchema(database: Database.Database): void {
  const upToDate =
    database.pragma('application_id', { simple: true }) === SQLITE_APPLICATION_ID &&
    database.pragma('user_version', { simple: true }) === SQLITE_SCHEMA_VERSION;
  if (upToDate) return;
  // IMMEDIATE: a deferred transaction that reads and then writes fails at once with SQLITE_BUSY
  // (no busy wait) when another process wrote in between, e.g. two processes starting together.
  database
    .transaction(() => {
      database.exec(EVENTS_TABLE_DDL);
      database.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
      database.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
    })
    .immediate();
}

/** Creates the directory if needed and proves a file can be written there, or says how to fix it. */
export function ensureWritableDirectory(dataDir: string): void {
  try {
    // Owner-only: the store holds every organisation's data (an existing directory keeps its mode).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataDirectoryNotWritableError(dataDir, `it cannot be created (${describeSystemError(error)})`, {
      cause: error,
    });
  }
  if (!statSync(dataDir).isDirectory())
    throw new DataDirectoryNotWritableError(dataDir, 'it is not a directory');
  // access(W_OK) says yes to root even on a read-only mount; writing a file is the real test.
  const probe = path.join(dataDir, `.write-probe-${process.pid}-${randomUUID()}`);
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (error) {
    throw new DataDirectoryNotWritableError(
      dataDir,
      `a file cannot be written there (${describeSystemError(error)})`,
      { cause: error },
    );
  }
}

/**
 * Creates the file owner-only (0600) if it does not exist, and makes an existing one so. SQLite
 * creates the -wal and -shm files with the mode of the database file, so they are 0600 too.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Returns whether the file exists with content; refuses anything that is not a SQLite file. */
function checkExistingFile(file: string): boolean {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new EventStoreCorruptError(file, 'it is not a regular file');
    size = stats.size;
  } catch (error) {
    if (isSystemError(error, 'ENOENT')) return false;
    throw error;
  }
  if (size === 0) return false;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const descriptor = openSync(file, 'r');
  try {
    readSync(descriptor, header, 0, header.length, 0);
  } finally {
    closeSync(descriptor);
  }
  if (size < 512 || !header.equals(SQLITE_HEADER))
    throw new EventStoreCorruptError(file, 'the file does not start with a SQLite header');
  return true;
}

function checkExistingDatabase(
  database: Database.Database,
  file: string,
  integrityCheck: 'quick' | 'none',
): void {
  const applicationId = database.pragma('application_id', { simple: true });
  if (applicationId !== SQLITE_APPLICATION_ID) {
    const tables = database
      .prepare("SELECT count(*) AS count FROM sqlite_schema WHERE type = 'table'")
      .get() as { count: number };
    if (applicationId !== 0 || tables.count > 0) {
      throw new EventStoreCorruptError(
        file,
        `a SQLite database of another application (application_id ${String(applicationId)})`,
      );
    }
  }
  const version = database.pragma('user_version', { simple: true });
  if (typeof version === 'number' && version > SQLITE_SCHEMA_VERSION) {
    throw new UnsupportedStoreVersionError(
      `The event store file ${file} has layout version ${version}, newer than this software understands (${SQLITE_SCHEMA_VERSION}). Upgrade the software; the file was left untouched.`,
    );
  }
  if (integrityCheck === 'quick') {
    const result = database.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new EventStoreCorruptError(file, `PRAGMA quick_check: ${String(result)}`);
  }
}

/**
 * The SQLite result code of a better-sqlite3 error, else undefined. Duck-typed: the native addon
 * keeps the SqliteError class of the first copy of the module loaded in the process, so
 * instanceof fails under jest's per-file module registries.
 */
export function sqliteErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'SqliteError') {
    return undefined;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function translateOpenError(error: unknown, options: OpenSqliteDatabaseOptions): unknown {
  const code = sqliteErrorCode(error);
  if (code === undefined) return error;
  const message = String((error as { message?: unknown }).message);
  if (
    code === 'SQLITE_BUSY' ||
    code.startsWith('SQLITE_BUSY_') ||
    code === 'SQLITE_LOCKED' ||
    code.startsWith('SQLITE_LOCKED_')
  ) {
    return new EventStoreLockedError(options.file, options.busyTimeoutMs, { cause: error });
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return new EventStoreCorruptError(options.file, message, { cause: error });
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_IOERR')
  ) {
    return new DataDirectoryNotWritableError(
      options.dataDir,
      `SQLite cannot open ${options.file} for writing (${code}: ${message})`,
      { cause: error },
    );
  }
  return error;
}

// Duck-typed: errors from node:fs may come from another realm (jest), failing instanceof Error.
function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function isSystemError(error: unknown, code: string): boolean {
  return systemErrorCode(error) === code;
}

function describeSystemError(error: unknown): string {
  const code = systemErrorCode(error);
  switch (code) {
    case 'ENOTDIR':
      return 'a parent of it is a file, not a directory';
    case 'EEXIST':
      return 'a file with that name exists';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case undefined:
    default:
      return error instanceof Object && 'message' in error ? String(error.message) : String(error);
  }
}

/**
 * Whether another process holds the store file open (a running api keeps it open all the time).
 * An exclusive lock cannot be had while any other connection uses the file, in WAL mode too.
 */
export function isHeldOpenElsewhere(file: string): boolean {
  if (!existsSync(file)) return false;
  const database = new Database(file, { timeout: 500 });
  try {
    database.pragma('locking_mode = EXCLUSIVE');
    database.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (error) {
    if (sqliteErrorCode(error)?.startsWith('SQLITE_BUSY') === true) return true;
    throw error;
  } finally {
    database.close();
  }
}
