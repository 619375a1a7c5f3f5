// The key store for unit tests and the in-memory event store: the same rules, in Maps.
import { randomUUID } from 'node:crypto';
import { DataKeyDestroyedError, KeyImportRefusedError, KeyStoreClosedError } from '../errors';
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

interface DataKeyEntry {
  organizationId: string;
  material: Buffer | null;
  createdAt: string;
  destroyedAt: string | null;
}

interface ValueSecretEntry {
  keyId: string;
  material: Buffer | null;
  destroyedAt: string | null;
}

export class InMemoryKeyStore implements KeyStore {
  private readonly dataKeys = new Map<string, DataKeyEntry>();
  private readonly valueSecrets = new Map<string, ValueSecretEntry>();
  private closed = false;

  constructor(private readonly clock: () => Date = (): Date => new Date()) {}

  issue(requests: readonly DataKeyRequest[]): Promise<IssuedValueKey[]> {
    return this.run(() => {
      for (const { keyId } of requests) {
        const existing = this.dataKeys.get(keyId);
        if (existing?.material === null) throw new DataKeyDestroyedError(keyId, existing.destroyedAt ?? '');
      }
      return requests.map(({ keyId, organizationId }) => {
        let entry = this.dataKeys.get(keyId);
        if (entry === undefined) {
          entry = {
            organizationId,
            material: newKeyMaterial(),
            createdAt: this.clock().toISOString(),
            destroyedAt: null,
          };
          this.dataKeys.set(keyId, entry);
        }
        const valueId = randomUUID();
        const valueSecret = newKeyMaterial();
        this.valueSecrets.set(valueId, { keyId, material: valueSecret, destroyedAt: null });
        return { keyId, valueId, dataKey: entry.material as Buffer, valueSecret };
      });
    });
  }

  find(references: readonly ValueReference[]): Promise<ValueKeyLookup[]> {
    return this.run(() =>
      references.map(({ keyId, valueId }): ValueKeyLookup => {
        const key = this.dataKeys.get(keyId);
        if (key?.destroyedAt) return { state: 'destroyed', destroyedAt: key.destroyedAt };
        const value = this.valueSecrets.get(valueId);
        if (value?.destroyedAt) return { state: 'destroyed', destroyedAt: value.destroyedAt };
        if (key?.material && value?.material && value.keyId === keyId)
          return { state: 'available', dataKey: key.material, valueSecret: value.material };
        return { state: 'missing' };
      }),
    );
  }

  destroyDataKey({ keyId, organizationId }: DataKeyRequest, destroyedAt: string): Promise<DestroyedKeys> {
    return this.run(() => {
      const key = this.dataKeys.get(keyId);
      let dataKeys = 0;
      if (key === undefined)
        this.dataKeys.set(keyId, { organizationId, material: null, createdAt: destroyedAt, destroyedAt });
      else if (key.material !== null) {
        key.material.fill(0);
        this.dataKeys.set(keyId, { ...key, material: null, destroyedAt });
        dataKeys = 1;
      }
      let valueSecrets = 0;
      for (const [valueId, value] of this.valueSecrets) {
        if (value.keyId !== keyId) continue;
        value.material?.fill(0);
        this.valueSecrets.delete(valueId);
        valueSecrets += 1;
      }
      return { dataKeys, valueSecrets };
    });
  }

  destroyValueSecrets(references: readonly ValueReference[], destroyedAt: string): Promise<DestroyedKeys> {
    return this.run(() => {
      let valueSecrets = 0;
      for (const { keyId, valueId } of references) {
        const value = this.valueSecrets.get(valueId);
        if (value === undefined) this.valueSecrets.set(valueId, { keyId, material: null, destroyedAt });
        else if (value.material !== null) {
          value.material.fill(0);
          this.valueSecrets.set(valueId, { ...value, material: null, destroyedAt });
          valueSecrets += 1;
        }
      }
      return { dataKeys: 0, valueSecrets };
    });
  }

  discard(valueIds: readonly string[]): Promise<void> {
    return this.run(() => {
      for (const valueId of valueIds)
        if (this.valueSecrets.get(valueId)?.destroyedAt === null) this.valueSecrets.delete(valueId);
    });
  }

  records(organizationId?: string): Promise<KeyRecord[]> {
    return this.run(() => {
      const inScope = (keyId: string): boolean =>
        organizationId === undefined || this.dataKeys.get(keyId)?.organizationId === organizationId;
      const keys = [...this.dataKeys]
        .filter(([keyId]) => inScope(keyId))
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([keyId, key]): KeyRecord => ({
          kind: 'data-key',
          keyId,
          organizationId: key.organizationId,
          material: key.material?.toString('base64') ?? null,
          createdAt: key.createdAt,
          destroyedAt: key.destroyedAt,
        }));
      const values = [...this.valueSecrets]
        .filter(([, value]) => inScope(value.keyId))
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([valueId, value]): KeyRecord => ({
          kind: 'value-secret',
          valueId,
          keyId: value.keyId,
          material: value.material?.toString('base64') ?? null,
          destroyedAt: value.destroyedAt,
        }));
      return [...keys, ...values];
    });
  }

  importRecords(records: readonly KeyRecord[]): Promise<void> {
    return this.run(() => {
      for (const record of records) {
        const taken =
          record.kind === 'data-key'
            ? this.dataKeys.has(record.keyId)
            : this.valueSecrets.has(record.valueId);
        if (taken)
          throw new KeyImportRefusedError(
            `Import refused: the key store already holds ${record.kind === 'data-key' ? record.keyId : record.valueId}; nothing was imported.`,
          );
      }
      for (const record of records) {
        const material = record.material === null ? null : Buffer.from(record.material, 'base64');
        if (record.kind === 'data-key')
          this.dataKeys.set(record.keyId, {
            organizationId: record.organizationId,
            material,
            createdAt: record.createdAt,
            destroyedAt: record.destroyedAt,
          });
        else
          this.valueSecrets.set(record.valueId, {
            keyId: record.keyId,
            material,
            destroyedAt: record.destroyedAt,
          });
      }
    });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private run<Result>(work: () => Result): Promise<Result> {
    try {
      if (this.closed) throw new KeyStoreClosedError();
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
