// The export file: one recorded event per line (NDJSON), in global order, with everything an
// import needs to recreate it exactly: id, stream, revision, type, data as recorded (not upcast),
// metadata (actor, role, commandId, correlationId, causationId, recordedAt, schemaVersion,
// prevHash) and hash. `position` is informative: an import assigns positions in file order.
// After the events, one line per key of the key store ({"keyRecord": ...}): sealed personal text
// needs its keys (docs/reference/personal-data.md); a destroyed key is a tombstone, no material.
import type { EventMetadata, JsonObject, RecordedEvent } from '@app/event-store';
import type { KeyRecord } from '@app/key-store';
import { CliError, EXIT } from '../exit-codes';

export function toEventLine(event: RecordedEvent): string {
  const { id, stream, revision, position, type, data, metadata, hash } = event;
  return `${JSON.stringify({ id, stream, revision, position, type, data, metadata, hash })}\n`;
}

export function toKeyLine(record: KeyRecord): string {
  return `${JSON.stringify({ keyRecord: record })}\n`;
}

/** The key record of a key line; null for an event line. A malformed key line is refused. */
export function parseKeyLine(text: string, lineNumber: number): KeyRecord | null {
  if (!text.startsWith('{"keyRecord":')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refused(lineNumber, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const record = isObject(value) ? value.keyRecord : undefined;
  if (!isKeyRecord(record)) throw refused(lineNumber, 'keyRecord is not a data key or a value secret');
  return record;
}

/** Parses one line of an export; a malformed line is refused with its number. */
export function parseEventLine(text: string, lineNumber: number): RecordedEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refused(lineNumber, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(value)) throw refused(lineNumber, 'not a JSON object');
  const { id, stream, revision, position, type, data, metadata, hash } = value;
  if (typeof id !== 'string') throw refused(lineNumber, 'id must be a string');
  if (typeof stream !== 'string' || stream === '')
    throw refused(lineNumber, 'stream must be a non-empty string');
  if (!Number.isSafeInteger(revision) || (revision as number) < 0)
    throw refused(lineNumber, 'revision must be an integer >= 0');
  if (typeof type !== 'string' || type === '') throw refused(lineNumber, 'type must be a non-empty string');
  if (!isObject(data)) throw refused(lineNumber, 'data must be a JSON object');
  if (!isMetadata(metadata))
    throw refused(lineNumber, 'metadata must hold actor, role, recordedAt, schemaVersion and prevHash');
  if (typeof hash !== 'string') throw refused(lineNumber, 'hash must be a string');
  return {
    id,
    stream,
    revision: revision as number,
    position: Number.isSafeInteger(position) ? (position as number) : lineNumber,
    type,
    data: data as JsonObject,
    metadata,
    hash,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMetadata(value: unknown): value is EventMetadata {
  return (
    isObject(value) &&
    typeof value.actor === 'string' &&
    typeof value.role === 'string' &&
    typeof value.recordedAt === 'string' &&
    typeof value.schemaVersion === 'number' &&
    (value.prevHash === null || typeof value.prevHash === 'string')
  );
}

function isKeyRecord(value: unknown): value is KeyRecord {
  if (!isObject(value)) return false;
  const material = value.material === null || typeof value.material === 'string';
  const destroyedAt = value.destroyedAt === null || typeof value.destroyedAt === 'string';
  if (value.kind === 'data-key')
    return (
      typeof value.keyId === 'string' &&
      typeof value.organizationId === 'string' &&
      typeof value.createdAt === 'string' &&
      material &&
      destroyedAt
    );
  return (
    value.kind === 'value-secret' &&
    typeof value.valueId === 'string' &&
    typeof value.keyId === 'string' &&
    material &&
    destroyedAt
  );
}

function refused(lineNumber: number, reason: string): CliError {
  return new CliError(`line ${lineNumber}: ${reason}; nothing was imported`, EXIT.refused);
}
