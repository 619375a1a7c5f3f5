// Sealing personal text (docs/reference/personal-data.md): AES-256-GCM through node:crypto, with a
// key per value derived by HKDF-SHA256 from the subject's data key and the value's own secret, so
// that destroying either makes the text unreadable. The sealed value is plain JSON: it is what the
// event stores and what its hash covers.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { IssuedValueKey } from './key-store.port';

/** Names the algorithm and its parameters, so a later format can live beside this one. */
export const SEALED_FORMAT = 'aes-256-gcm+hkdf-sha256/1';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Personal text as an event stores it. */
export interface SealedValue {
  sealed: string;
  /** The subject's data key id. */
  key: string;
  /** The value secret's id. */
  value: string;
  /** base64, 12 bytes. */
  iv: string;
  /** base64 of the ciphertext followed by the 16-byte authentication tag. */
  text: string;
}

/** A new random key or secret of the size both levels use. */
export function newKeyMaterial(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function sealText(plain: string, issued: IssuedValueKey): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', valueKey(issued.dataKey, issued.valueSecret), iv);
  cipher.setAAD(associatedData(issued.keyId, issued.valueId));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    sealed: SEALED_FORMAT,
    key: issued.keyId,
    value: issued.valueId,
    iv: iv.toString('base64'),
    text: ciphertext.toString('base64'),
  };
}

/** The plain text; throws SealedValueUnreadableError when the keys do not open it (or it was altered). */
export function openText(sealed: SealedValue, dataKey: Buffer, valueSecret: Buffer): string {
  if (sealed.sealed !== SEALED_FORMAT)
    throw new SealedValueUnreadableError(sealed, `unknown format "${sealed.sealed}"`);
  const bytes = Buffer.from(sealed.text, 'base64');
  if (bytes.length < TAG_BYTES) throw new SealedValueUnreadableError(sealed, 'too short to hold a tag');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      valueKey(dataKey, valueSecret),
      Buffer.from(sealed.iv, 'base64'),
    );
    decipher.setAAD(associatedData(sealed.key, sealed.value));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new SealedValueUnreadableError(sealed, 'the keys do not open it (altered, or other keys)', error);
  }
}

/** Whether a stored JSON value is a sealed value (any other text is plain, as recorded before sealing). */
export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.sealed === 'string' &&
    typeof candidate.key === 'string' &&
    typeof candidate.value === 'string' &&
    typeof candidate.iv === 'string' &&
    typeof candidate.text === 'string'
  );
}

export class SealedValueUnreadableError extends Error {
  constructor(sealed: SealedValue, reason: string, cause?: unknown) {
    super(`The sealed value ${sealed.value} of key ${sealed.key} cannot be opened: ${reason}.`, { cause });
    this.name = 'SealedValueUnreadableError';
  }
}

// One key per value: the data key and the value secret both go in, so either alone opens nothing.
function valueKey(dataKey: Buffer, valueSecret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, valueSecret, 'personal text', KEY_BYTES));
}

// Binds the ciphertext to its key and value ids: a sealed value copied under other ids does not open.
function associatedData(keyId: string, valueId: string): Buffer {
  return Buffer.from(`${keyId}\n${valueId}`, 'utf8');
}
