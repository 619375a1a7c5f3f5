// The key store beside the PostgreSQL event store (ADR 0012): two tables in the same database,
// outside the events table and its hash chain, shared by every api replica. Destroying a key
// updates its row and rewrites the table (VACUUM FULL), so the old row version with the material is
// in no table file afterwards; the server's own write-ahead log keeps it until it recycles the
// segment (docs/reference/personal-data.md says what that means for backups).
import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { isConnectionFailure } from '@app/event-store';
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

export interface PostgresKeyStoreOptions {
  /** DATABASE_URL, the event store's database. */
  connectionString: string;
  clock?: () => Date;
  /** Connections in the pool. Default 4. */
  poolSize?: number;
  applicationName?: string;
  connectTimeoutMs?: number;
  onBackgroundError?: (error: unknown) => void;
}

/** Any fixed number, other than the event store's: serializes this layout's migrations. */
const MIGRATION_LOCK = 4_556_537_416;

const MIGRATIONS: readonly string[] = [
  `
CREATE TABLE key_store_data_keys (
  key_id text PRIMARY KEY,
  organization_id text NOT NULL,
  material bytea,
  created_at text NOT NULL,
  destroyed_at text
);
CREATE INDEX key_store_data_keys_by_organization ON key_store_data_keys (organization_id);
CREATE TABLE key_store_value_secrets (
  value_id text PRIMARY KEY,
  key_id text NOT NULL,
  material bytea,
  destroyed_at text
);
CREATE INDEX key_store_value_secrets_by_key ON key_store_value_secrets (key_id);
`,
];

interface LookupRow {
  key_material: Buffer | null;
  key_destroyed_at: string | null;
  value_key_id: string | null;
  value_material: Buffer | null;
  value_destroyed_at: string | null;
}

export class PostgresKeyStore implements KeyStore {
  private readonly pool: Pool;
  private readonly clock: () => Date;
  private closed = false;

  private constructor(options: PostgresKeyStoreOptions) {
    this.pool = new Pool({
      connectionString: options.connectionString,
      application_name: options.applicationName ?? 'key-store',
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      max: options.poolSize ?? 4,
    });
    this.pool.on('error', options.onBackgroundError ?? ((): void => undefined));
    this.clock = options.clock ?? ((): Date => new Date());
  }

  /** Connects and creates or migrates the tables. */
  static async connect(options: PostgresKeyStoreOptions): Promise<PostgresKeyStore> {
    const store = new PostgresKeyStore(options);
    try {
      await store.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(`CREATE TABLE IF NOT EXISTS key_store_schema_version (
          version integer PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
        const { rows } = await client.query<{ version: number | null }>(
          'SELECT max(version) AS version FROM key_store_schema_version',
        );
        const current = rows[0]?.version ?? 0;
        if (current > MIGRATIONS.length)
          throw new Error(
            `The key store tables have layout version ${current}, newer than this software understands (${MIGRATIONS.length}). Upgrade the software; the database was left untouched.`,
          );
        for (let version = current + 1; version <= MIGRATIONS.length; version += 1) {
          await client.query(MIGRATIONS[version - 1] as string);
          await client.query('INSERT INTO key_store_schema_version (version) VALUES ($1)', [version]);
        }
      });
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      throw translate(error);
    }
    return store;
  }

  issue(requests: readonly DataKeyRequest[]): Promise<IssuedValueKey[]> {
    return this.guard(async () => {
      if (requests.length === 0) return [];
      const subjects = new Map(requests.map((request) => [request.keyId, request.organizationId]));
      const keyIds = [...subjects.keys()];
      const now = this.clock().toISOString();
      return this.transaction(async (client) => {
        // Another transaction making the same key first: ours waits for it, then does nothing.
        await client.query(
          `INSERT INTO key_store_data_keys (key_id, organization_id, material, created_at)
             SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[])
           ON CONFLICT (key_id) DO NOTHING`,
          [keyIds, [...subjects.values()], keyIds.map(() => newKeyMaterial()), keyIds.map(() => now)],
        );
        // FOR SHARE: a concurrent destruction waits until these secrets are committed, then removes them too.
        const { rows } = await client.query<DataKeyRecordRow>(
          'SELECT key_id, material, destroyed_at FROM key_store_data_keys WHERE key_id = ANY($1) FOR SHARE',
          [keyIds],
        );
        const dataKeys = new Map<string, Buffer>();
        for (const row of rows) {
          if (row.material === null) throw new DataKeyDestroyedError(row.key_id, row.destroyed_at ?? '');
          dataKeys.set(row.key_id, row.material);
        }
        const issued = requests.map(({ keyId }): IssuedValueKey => ({
          keyId,
          valueId: randomUUID(),
          dataKey: dataKeys.get(keyId) as Buffer,
          valueSecret: newKeyMaterial(),
        }));
        await client.query(
          `INSERT INTO key_store_value_secrets (value_id, key_id, material)
             SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])`,
          [
            issued.map((key) => key.valueId),
            issued.map((key) => key.keyId),
            issued.map((key) => key.valueSecret),
          ],
        );
        return issued;
      });
    });
  }

  find(references: readonly ValueReference[]): Promise<ValueKeyLookup[]> {
    return this.guard(async () => {
      if (references.length === 0) return [];
      const rows = await this.query<LookupRow>(
        `SELECT k.material AS key_material, k.destroyed_at AS key_destroyed_at,
                v.key_id AS value_key_id, v.material AS value_material, v.destroyed_at AS value_destroyed_at
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS reference(key_id, value_id, ordinality)
           LEFT JOIN key_store_data_keys k ON k.key_id = reference.key_id
           LEFT JOIN key_store_value_secrets v ON v.value_id = reference.value_id
          ORDER BY reference.ordinality`,
        [references.map((reference) => reference.keyId), references.map((reference) => reference.valueId)],
      );
      return rows.map((row, index): ValueKeyLookup => {
        if (row.key_destroyed_at !== null) return { state: 'destroyed', destroyedAt: row.key_destroyed_at };
        if (row.value_destroyed_at !== null)
          return { state: 'destroyed', destroyedAt: row.value_destroyed_at };
        if (row.key_material && row.value_material && row.value_key_id === references[index]?.keyId)
          return { state: 'available', dataKey: row.key_material, valueSecret: row.value_material };
        return { state: 'missing' };
      });
    });
  }

  destroyDataKey({ keyId, organizationId }: DataKeyRequest, destroyedAt: string): Promise<DestroyedKeys> {
    return this.guard(async () => {
      const destroyed = await this.transaction(async (client) => {
        await client.query(
          `INSERT INTO key_store_data_keys (key_id, organization_id, material, created_at, destroyed_at)
             VALUES ($1, $2, NULL, $3, $3) ON CONFLICT (key_id) DO NOTHING`,
          [keyId, organizationId, destroyedAt],
        );
        const keys = await client.query(
          'UPDATE key_store_data_keys SET material = NULL, destroyed_at = $2 WHERE key_id = $1 AND material IS NOT NULL',
          [keyId, destroyedAt],
        );
        const values = await client.query('DELETE FROM key_store_value_secrets WHERE key_id = $1', [keyId]);
        return { dataKeys: keys.rowCount ?? 0, valueSecrets: values.rowCount ?? 0 };
      });
      // The old row versions hold the material until the table is rewritten; the value secrets
      // alone open nothing, so their table is only vacuumed.
      await this.query('VACUUM FULL key_store_data_keys');
      await this.query('VACUUM key_store_value_secrets');
      return destroyed;
    });
  }

  destroyValueSecrets(references: readonly ValueReference[], destroyedAt: string): Promise<DestroyedKeys> {
    return this.guard(async () => {
      const destroyed = await this.transaction(async (client) => {
        await client.query(
          `INSERT INTO key_store_value_secrets (value_id, key_id, material, destroyed_at)
             SELECT value_id, key_id, NULL, $3 FROM unnest($1::text[], $2::text[]) AS reference(value_id, key_id)
           ON CONFLICT (value_id) DO NOTHING`,
          [
            references.map((reference) => reference.valueId),
            references.map((reference) => reference.keyId),
            destroyedAt,
          ],
        );
        const values = await client.query(
          'UPDATE key_store_value_secrets SET material = NULL, destroyed_at = $2 WHERE value_id = ANY($1) AND material IS NOT NULL',
          [references.map((reference) => reference.valueId), destroyedAt],
        );
        return { dataKeys: 0, valueSecrets: values.rowCount ?? 0 };
      });
      await this.query('VACUUM FULL key_store_value_secrets');
      return destroyed;
    });
  }

  discard(valueIds: readonly string[]): Promise<void> {
    return this.guard(async () => {
      await this.query(
        'DELETE FROM key_store_value_secrets WHERE value_id = ANY($1) AND destroyed_at IS NULL',
        [[...valueIds]],
      );
    });
  }

  records(organizationId?: string): Promise<KeyRecord[]> {
    return this.guard(async () => {
      const scope = organizationId === undefined ? '' : 'WHERE k.organization_id = $1';
      const parameters = organizationId === undefined ? [] : [organizationId];
      const keys = await this.query<DataKeyRecordRow>(
        `SELECT key_id, organization_id, material, created_at, destroyed_at FROM key_store_data_keys k ${scope} ORDER BY key_id`,
        parameters,
      );
      const values = await this.query<ValueSecretRecordRow>(
        `SELECT v.value_id, v.key_id, v.material, v.destroyed_at
           FROM key_store_value_secrets v JOIN key_store_data_keys k ON k.key_id = v.key_id ${scope}
          ORDER BY v.value_id`,
        parameters,
      );
      return keyRecordsOf(keys, values);
    });
  }

  importRecords(records: readonly KeyRecord[]): Promise<void> {
    return this.guard(async () => {
      const keys = records.filter((record) => record.kind === 'data-key');
      const values = records.filter((record) => record.kind === 'value-secret');
      await this.transaction(async (client) => {
        const taken = await client.query<{ id: string }>(
          `SELECT key_id AS id FROM key_store_data_keys WHERE key_id = ANY($1)
           UNION ALL SELECT value_id FROM key_store_value_secrets WHERE value_id = ANY($2) LIMIT 1`,
          [keys.map((key) => key.keyId), values.map((value) => value.valueId)],
        );
        const first = taken.rows[0];
        if (first !== undefined)
          throw new KeyImportRefusedError(
            `Import refused: the key store already holds ${first.id}; nothing was imported. Import into a new database.`,
          );
        await client.query(
          `INSERT INTO key_store_data_keys (key_id, organization_id, material, created_at, destroyed_at)
             SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[], $5::text[])`,
          [
            keys.map((key) => key.keyId),
            keys.map((key) => key.organizationId),
            keys.map((key) => materialOf(key.material)),
            keys.map((key) => key.createdAt),
            keys.map((key) => key.destroyedAt),
          ],
        );
        await client.query(
          `INSERT INTO key_store_value_secrets (value_id, key_id, material, destroyed_at)
             SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[])`,
          [
            values.map((value) => value.valueId),
            values.map((value) => value.keyId),
            values.map((value) => materialOf(value.material)),
            values.map((value) => value.destroyedAt),
          ],
        );
      });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async query<Row extends QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(text, values)).rows;
  }

  private async transaction<Result>(work: (client: PoolClient) => Promise<Result>): Promise<Result> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async guard<Result>(work: () => Promise<Result>): Promise<Result> {
    if (this.closed) throw new KeyStoreClosedError();
    try {
      return await work();
    } catch (error) {
      throw translate(error);
    }
  }
}

// A record's base64 material as bytes for the database.
function materialOf(base64: string | null): Buffer | null {
  return base64 === null ? null : Buffer.from(base64, 'base64');
}

function translate(error: unknown): unknown {
  if (!isConnectionFailure(error)) return error;
  return new KeyStoreUnavailableError(
    `The key store's database cannot be reached (${error instanceof Error ? error.message : String(error)}); retry once it is back.`,
    { cause: error },
  );
}
