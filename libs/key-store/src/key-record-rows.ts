// The rows both SQL adapters keep, and the one way they become the records exports carry.
import type { KeyRecord } from './key-store.port';

export interface DataKeyRecordRow {
  key_id: string;
  organization_id: string;
  material: Buffer | null;
  created_at: string;
  destroyed_at: string | null;
}

export interface ValueSecretRecordRow {
  value_id: string;
  key_id: string;
  material: Buffer | null;
  destroyed_at: string | null;
}

export function keyRecordsOf(
  keys: readonly DataKeyRecordRow[],
  values: readonly ValueSecretRecordRow[],
): KeyRecord[] {
  return [
    ...keys.map((row): KeyRecord => ({
      kind: 'data-key',
      keyId: row.key_id,
      organizationId: row.organization_id,
      material: row.material?.toString('base64') ?? null,
      createdAt: row.created_at,
      destroyedAt: row.destroyed_at,
    })),
    ...values.map((row): KeyRecord => ({
      kind: 'value-secret',
      valueId: row.value_id,
      keyId: row.key_id,
      material: row.material?.toString('base64') ?? null,
      destroyedAt: row.destroyed_at,
    })),
  ];
}
