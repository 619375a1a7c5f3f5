// The key store port (docs/reference/personal-data.md): the keys that seal personal text live here,
// outside the event log and its hash chain, so destroying one erases the text it sealed while every
// stored event, and so every hash, stays as it was. Adapters: SQLite (a file of its own under
// DATA_DIR), PostgreSQL (tables beside the events), in-memory (tests).

/**
 * Two levels, so that either a whole subject or one value can be erased:
 * - a **data key** per subject (a respondent, or a rater group when there is no respondent),
 *   created on first use;
 * - a **value secret** per sealed value. A value is opened with both; destroying the data key
 *   erases every value of the subject, destroying one value secret erases that value only.
 */
export interface DataKeyRequest {
  /** The subject's key id, e.g. `interlodge/respondent/r-17`; unique in the store. */
  keyId: string;
  /** The organisation the subject belongs to: exports of one organisation carry its keys only. */
  organizationId: string;
}

/** What sealing one value needs: the subject's data key and a value secret made for this value. */
export interface IssuedValueKey {
  keyId: string;
  /** A new random id naming the value secret; the sealed value carries it. */
  valueId: string;
  dataKey: Buffer;
  valueSecret: Buffer;
}

/** Where a sealed value's keys are. */
export interface ValueReference {
  keyId: string;
  valueId: string;
}

export type ValueKeyLookup =
  | { state: 'available'; dataKey: Buffer; valueSecret: Buffer }
  /** The data key or the value secret was destroyed on purpose (a tombstone records when). */
  | { state: 'destroyed'; destroyedAt: string }
  /** Neither a key nor a tombstone: the key store does not belong with these events (damaged or not restored). */
  | { state: 'missing' };

export interface DestroyedKeys {
  /** Data keys whose material was destroyed by this call (0 when already destroyed). */
  dataKeys: number;
  /** Value secrets whose material was destroyed by this call. */
  valueSecrets: number;
}

/** One row of the key store as exports and backups carry it; material null once destroyed. */
export type KeyRecord =
  | {
      kind: 'data-key';
      keyId: string;
      organizationId: string;
      /** base64; null when destroyed. */
      material: string | null;
      createdAt: string;
      destroyedAt: string | null;
    }
  | {
      kind: 'value-secret';
      valueId: string;
      keyId: string;
      /** base64; null when destroyed. */
      material: string | null;
      destroyedAt: string | null;
    };

export interface KeyStore {
  /**
   * A value secret per request, and each subject's data key, created on first use. Durable when
   * this resolves (write the keys before the events that need them). All or nothing: a request
   * for a destroyed data key fails with DataKeyDestroyedError and issues nothing.
   */
  issue(requests: readonly DataKeyRequest[]): Promise<IssuedValueKey[]>;
  /** The keys of each reference, in the order given. */
  find(references: readonly ValueReference[]): Promise<ValueKeyLookup[]>;
  /**
   * Destroys a subject's data key (and the secrets of its values): their material is in no file
   * of the store once this resolves. A tombstone stays, so later reads say "destroyed" and the key
   * is never issued again. Idempotent.
   */
  destroyDataKey(key: DataKeyRequest, destroyedAt: string): Promise<DestroyedKeys>;
  /** Destroys single value secrets, with the same guarantees. Idempotent. */
  destroyValueSecrets(references: readonly ValueReference[], destroyedAt: string): Promise<DestroyedKeys>;
  /** Forgets value secrets that were issued for values never stored (an append that failed). */
  discard(valueIds: readonly string[]): Promise<void>;
  /** Every record (of one organisation's data keys and their values), for export. */
  records(organizationId?: string): Promise<KeyRecord[]>;
  /** Adds records from an export; refuses (and writes nothing) when any key id or value id exists. */
  importRecords(records: readonly KeyRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the configured key store. */
export const KEY_STORE = Symbol('KEY_STORE');
