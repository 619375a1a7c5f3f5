// The key store of the embedded store, and of EventStoreDB (ADR 0012): its own SQLite file,
// <DATA_DIR>/keys.db, beside events.db and outside its hash chain. Destroying a key leaves its
// material in no file: secure_delete overwrites the freed bytes with zeros, and a TRUNCATE
// checkpoint writes the zeroed pages into the file and empties the write-ahead log, which held
// the pages as they were.
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureWritableDirectory } from '@app/event-store';
import {
  DataKeyDestroyedError,
  KeyImportRefusedError,
  KeyStoreClosedError,
  KeyStoreUnavailableError,
} from '../errors';
import type {
  DataKeyRequest,
  DestroyedKeys,
  IssuedValueKey,
  KeyRecord,
  KeyStore,
  ValueKeyLookup,
  ValueReference,
} from '../key-store.port';
import { newKeyMaterial } from '../sealing';
import { keyRecordsOf, type DataKeyRecordRow, type ValueSecretRecordRow } from '../key-record-rows';

export const SQLITE_KEY_STORE_FILE_NAME = 'keys.db';
/** Marks the file as ours ('KEYS'), so a foreign SQLite database is never written to. */
const KEY_STORE_APPLICATION_ID = 0x4b455953;
const KEY_STORE_LAYOUT_VERSION = 1;

const LAYOUT = `
CREATE TABLE IF NOT EXISTS data_keys (
  key_id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  material BLOB,
  created_at TEXT NOT NULL,
  destroyed_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS data_keys_by_organization ON data_keys (organization_id);
CREATE TABLE IF NOT EXISTS value_secrets (
  value_id TEXT PRIMARY KEY,
  key_id TEXT NOT NULL,
  material BLOB,
  destroyed_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS value_secrets_by_key ON value_secrets (key_id);
`;

export interface SqliteKeyStoreOptions {
  /** The data directory; the file is `<dataDir>/keys.db`. */
  dataDir: string;
  /** Defaults to keys.db. */
  fileName?: string;
  clock?: () => Date;
  /** How long a write waits for another process's lock (and a checkpoint for readers). Default 5000. */
  busyTimeoutMs?: number;
}

interface DataKeyRow {
  material: Buffer | null;
  destroyed_at: string | null;
}

interface ValueSecretRow {
  key_id: string;
  material: Buffer | null;
  destroyed_at: string | null;
}

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

export class SqliteKeyStore implements KeyStore {
  readonly file: string;
  private readonly database: Database.Database;
  private readonly clock: () => Date;
  private closed = false;
  private readonly selectDataKey: Database.Statement<[string], DataKeyRow>;
  private readonly insertDataKey: Database.Statement<[string, string, Buffer | null, string, string | null]>;
  private readonly selectValueSecret: Database.Statement<[string], ValueSecretRow>;
  private readonly insertValueSecret: Database.Statement<[string, string, Buffer | null, string | null]>;
  private readonly issueTransaction: Database.Transaction<
    (requests: readonly DataKeyRequest[]) => IssuedValueKey[]
  >;
  private readonly findTransaction: Database.Transaction<
    (references: readonly ValueReference[]) => ValueKeyLookup[]
  >;
  private readonly destroyDataKeyTransaction: Database.Transaction<
    (key: DataKeyRequest, destroyedAt: string) => DestroyedKeys
  >;
  private readonly destroyValuesTransaction: Database.Transaction<
    (references: readonly ValueReference[], destroyedAt: string) => DestroyedKeys
  >;
  private readonly importTransaction: Database.Transaction<(records: readonly KeyRecord[]) => void>;

  constructor(options: SqliteKeyStoreOptions) {
    ensureWritableDirectory(options.dataDir);
    this.file = path.join(options.dataDir, options.fileName ?? SQLITE_KEY_STORE_FILE_NAME);
    this.clock = options.clock ?? ((): Date => new Date());
    this.database = openKeyDatabase(this.file, options.busyTimeoutMs ?? 5000);
    const database = this.database;
    this.selectDataKey = database.prepare('SELECT material, destroyed_at FROM data_keys WHERE key_id = ?');
    this.insertDataKey = database.prepare(
      'INSERT INTO data_keys (key_id, organization_id, material, created_at, destroyed_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectValueSecret = database.prepare(
      'SELECT key_id, material, destroyed_at FROM value_secrets WHERE value_id = ?',
    );
    this.insertValueSecret = database.prepare(
      'INSERT INTO value_secrets (value_id, key_id, material, destroyed_at) VALUES (?, ?, ?, ?)',
    );
    this.issueTransaction = database.transaction((requests) => this.issueInTransaction(requests));
    this.findTransaction = database.transaction((references) =>
      references.map((reference) => this.lookUp(reference)),
    );
    const destroyKey = database.prepare(
      'UPDATE data_keys SET material = NULL, destroyed_at = ? WHERE key_id = ? AND material IS NOT NULL',
    );
    const deleteValuesOfKey = database.prepare('DELETE FROM value_secrets WHERE key_id = ?');
    this.destroyDataKeyTransaction = database.transaction(({ keyId, organizationId }, destroyedAt) => {
      // A subject forgotten before any of its text was sealed: the tombstone keeps a key from being made later.
      if (this.selectDataKey.get(keyId) === undefined)
        this.insertDataKey.run(keyId, organizationId, null, destroyedAt, destroyedAt);
      const dataKeys = destroyKey.run(destroyedAt, keyId).changes;
      const valueSecrets = deleteValuesOfKey.run(keyId).changes;
      return { dataKeys, valueSecrets };
    });
    const destroyValue = database.prepare(
      'UPDATE value_secrets SET material = NULL, destroyed_at = ? WHERE value_id = ? AND material IS NOT NULL',
    );
    this.destroyValuesTransaction = database.transaction((references, destroyedAt) => {
      let valueSecrets = 0;
      for (const { keyId, valueId } of references) {
        if (this.selectValueSecret.get(valueId) === undefined)
          this.insertValueSecret.run(valueId, keyId, null, destroyedAt);
        else valueSecrets += destroyValue.run(destroyedAt, valueId).changes;
      }
      return { dataKeys: 0, valueSecrets };
    });
    this.importTransaction = database.transaction((records) => {
      for (const record of records) {
        if (record.kind === 'data-key') {
          if (this.selectDataKey.get(record.keyId) !== undefined)
            throw importConflict(`data key ${record.keyId}`);
          this.insertDataKey.run(
            record.keyId,
            record.organizationId,
            materialOf(record.material),
            record.createdAt,
            record.destroyedAt,
          );
        } else {
          if (this.selectValueSecret.get(record.valueId) !== undefined)
            throw importConflict(`value secret ${record.valueId}`);
          this.insertValueSecret.run(
            record.valueId,
            record.keyId,
            materialOf(record.material),
            record.destroyedAt,
          );
        }
      }
    });
  }

  issue(requests: readonly DataKeyRequest[]): Promise<IssuedValueKey[]> {
    return this.run(() => this.issueTransaction.immediate(requests));
  }

  find(references: readonly ValueReference[]): Promise<ValueKeyLookup[]> {
    return this.run(() => this.findTransaction(references));
  }

  destroyDataKey(key: DataKeyRequest, destroyedAt: string): Promise<DestroyedKeys> {
    return this.run(() => {
      const destroyed = this.destroyDataKeyTransaction.immediate(key, destroyedAt);
      this.checkpoint();
      return destroyed;
    });
  }

  destroyValueSecrets(references: readonly ValueReference[], destroyedAt: string): Promise<DestroyedKeys> {
    return this.run(() => {
      const destroyed = this.destroyValuesTransaction.immediate(references, destroyedAt);
      this.checkpoint();
      return destroyed;
    });
  }

  discard(valueIds: readonly string[]): Promise<void> {
    return this.run(() => {
      const remove = this.database.prepare(
        'DELETE FROM value_secrets WHERE value_id = ? AND destroyed_at IS NULL',
      );
      this.database.transaction(() => {
        for (const valueId of valueIds) remove.run(valueId);
      })();
    });
  }

  records(organizationId?: string): Promise<KeyRecord[]> {
    return this.run(() => {
      const scope = organizationId === undefined ? '' : 'WHERE data_keys.organization_id = ?';
      const parameters = organizationId === undefined ? [] : [organizationId];
      const keys = this.database
        .prepare<string[], DataKeyRecordRow>(
          `SELECT key_id, organization_id, material, created_at, destroyed_at FROM data_keys ${scope} ORDER BY key_id`,
        )
        .all(...parameters);
      const values = this.database
        .prepare<string[], ValueSecretRecordRow>(
          `SELECT value_id, value_secrets.key_id, value_secrets.material, value_secrets.destroyed_at
             FROM value_secrets JOIN data_keys USING (key_id) ${scope} ORDER BY value_id`,
        )
        .all(...parameters);
      return keyRecordsOf(keys, values);
    });
  }

  importRecords(records: readonly KeyRecord[]): Promise<void> {
    return this.run(() => {
      this.importTransaction.immediate(records);
    });
  }

  /**
   * A consistent copy of the key store into a new file (VACUUM INTO), for backups. Destroyed keys
   * are tombstones only, and VACUUM writes live rows only, so the copy holds no destroyed material.
   */
  backupTo(file: string): Promise<void> {
    return this.run(() => {
      // Created empty and owner-only first: VACUUM INTO fills an empty file and keeps its mode.
      closeSync(openSync(file, 'wx', 0o600));
      this.database.prepare('VACUUM INTO ?').run(file);
    });
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.database.close();
    }
    return Promise.resolve();
  }

  private issueInTransaction(requests: readonly DataKeyRequest[]): IssuedValueKey[] {
    const created = new Map<string, Buffer>();
    const issued: IssuedValueKey[] = [];
    for (const { keyId, organizationId } of requests) {
      let dataKey = created.get(keyId);
      if (dataKey === undefined) {
        const row = this.selectDataKey.get(keyId);
        if (row === undefined) {
          dataKey = newKeyMaterial();
          this.insertDataKey.run(keyId, organizationId, dataKey, this.clock().toISOString(), null);
        } else if (row.material === null) {
          throw new DataKeyDestroyedError(keyId, row.destroyed_at ?? 'an unknown time');
        } else dataKey = row.material;
        created.set(keyId, dataKey);
      }
      const valueId = randomUUID();
      const valueSecret = newKeyMaterial();
      this.insertValueSecret.run(valueId, keyId, valueSecret, null);
      issued.push({ keyId, valueId, dataKey, valueSecret });
    }
    return issued;
  }

  private lookUp({ keyId, valueId }: ValueReference): ValueKeyLookup {
    const key = this.selectDataKey.get(keyId);
    if (key?.destroyed_at) return { state: 'destroyed', destroyedAt: key.destroyed_at };
    const value = this.selectValueSecret.get(valueId);
    if (value?.destroyed_at) return { state: 'destroyed', destroyedAt: value.destroyed_at };
    if (key?.material && value?.material && value.key_id === keyId)
      return { state: 'available', dataKey: key.material, valueSecret: value.material };
    return { state: 'missing' };
  }

  /** Writes every page into the file and empties the log; refuses to report success otherwise. */
  private checkpoint(): void {
    const row = this.database.prepare<[], CheckpointRow>('PRAGMA wal_checkpoint(TRUNCATE)').get();
    if (row === undefined || row.busy !== 0)
      throw new KeyStoreUnavailableError(
        `The key store ${this.file} is read by another process that kept its log from being emptied; the keys are destroyed in the database but may remain in ${this.file}-wal. Retry the operation.`,
      );
  }

  private run<Result>(work: () => Result): Promise<Result> {
    try {
      if (this.closed) throw new KeyStoreClosedError();
      return Promise.resolve(work());
    } catch (error) {
      const translated = translate(error, this.file);
      return Promise.reject(translated instanceof Error ? translated : new Error(String(translated)));
    }
  }
}

function openKeyDatabase(file: string, busyTimeoutMs: number): Database.Database {
  const existed = existsSync(file) && statSync(file).size > 0;
  // Only the owner reads keys: the file is made 0600 before SQLite writes a byte, and SQLite gives
  // its log and shared-memory files the database file's permissions.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const database = new Database(file);
  try {
    database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    if (existed) {
      const applicationId = database.pragma('application_id', { simple: true });
      if (applicationId !== KEY_STORE_APPLICATION_ID)
        throw new Error(
          `${file} is not this product's key store (application_id ${String(applicationId)}); move it away or point DATA_DIR elsewhere.`,
        );
      const version = database.pragma('user_version', { simple: true });
      if (typeof version === 'number' && version > KEY_STORE_LAYOUT_VERSION)
        throw new Error(
          `The key store ${file} has layout version ${version}, newer than this software understands (${KEY_STORE_LAYOUT_VERSION}). Upgrade the software; the file was left untouched.`,
        );
    }
    if (database.pragma('journal_mode = WAL', { simple: true }) !== 'wal')
      throw new Error(`SQLite refused WAL mode for ${file}`);
    // A key must be on disk before the event that needs it: fsync at every commit, as events.db.
    database.pragma('synchronous = FULL');
    // Freed bytes (a destroyed key) are overwritten with zeros, in the tables and the free pages.
    database.pragma('secure_delete = ON');
    database
      .transaction(() => {
        database.exec(LAYOUT);
        database.pragma(`application_id = ${KEY_STORE_APPLICATION_ID}`);
        database.pragma(`user_version = ${KEY_STORE_LAYOUT_VERSION}`);
      })
      .immediate();
    return database;
  } catch (error) {
    database.close();
    throw translate(error, file);
  }
}

function materialOf(base64: string | null): Buffer | null {
  return base64 === null ? null : Buffer.from(base64, 'base64');
}

function importConflict(what: string): KeyImportRefusedError {
  return new KeyImportRefusedError(
    `Import refused: the key store already holds ${what}; nothing was imported. Import into a new DATA_DIR.`,
  );
}

function translate(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  // Extended result codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT) belong to their primary code.
  const is = (primary: string): boolean => code === primary || code.startsWith(`${primary}_`);
  const unavailable = (what: string): KeyStoreUnavailableError =>
    new KeyStoreUnavailableError(`${what} Nothing was written.`, { cause: error });
  if (is('SQLITE_BUSY') || is('SQLITE_LOCKED'))
    return unavailable(
      `The key store ${file} stayed locked by another process beyond the busy timeout: retry shortly.`,
    );
  if (is('SQLITE_FULL')) return unavailable('The data disk is full: free space, then retry.');
  if (is('SQLITE_READONLY'))
    return unavailable('The data directory is read-only: make it writable, then retry.');
  if (is('SQLITE_IOERR')) return unavailable('The data disk failed to read or write: check it, then retry.');
  return error;
}
