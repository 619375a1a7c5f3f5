// How the organisation index stores one event: [position, revision, type, payload]. Ratings, by
// far the most numerous events, keep their fields as a tuple (no repeated keys to write and parse);
// every other event keeps its data object.
import type { JsonObject, JsonValue, RecordedEvent } from '@app/event-store';
import { RATING_EVENT_FIELDS } from '@app/domain';

export type EncodedEvent = [number, number, string, JsonValue];

export interface IndexedEvent {
  position: number;
  stream: string;
  revision: number;
  type: string;
  /** Transaction time, epoch milliseconds. */
  recordedAt: number;
  data: JsonObject;
}

/** Rating events' fields, in their tuple order (new fields come last, so stored tuples stay readable). */
const RATING_FIELDS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(RATING_EVENT_FIELDS));

export function encodeIndexedEvent(event: RecordedEvent): EncodedEvent {
  const fields = RATING_FIELDS.get(event.type);
  if (fields === undefined) return [event.position, event.revision, event.type, event.data];
  // A loop, not map(): this runs once per rating of a rebuild.
  const tuple: JsonValue[] = new Array<JsonValue>(fields.length);
  for (let index = 0; index < fields.length; index += 1)
    tuple[index] = event.data[fields[index] ?? ''] ?? null;
  return [event.position, event.revision, event.type, tuple];
}

export function decodeIndexedEvent(
  encoded: EncodedEvent,
  row: { stream: string; organizationId: string; recordedAt: number },
): IndexedEvent {
  const [position, revision, type, payload] = encoded;
  const fields = RATING_FIELDS.get(type);
  return {
    position,
    stream: row.stream,
    revision,
    type,
    recordedAt: row.recordedAt,
    data:
      fields !== undefined && Array.isArray(payload)
        ? ratingData(fields, payload, row)
        : (payload as JsonObject),
  };
}

function ratingData(
  fields: readonly string[],
  payload: JsonValue[],
  row: { stream: string; organizationId: string },
): JsonObject {
  const data: JsonObject = {
    assessmentId: row.stream.slice('assessment-'.length),
    organizationId: row.organizationId,
  };
  // A tuple written before a field was added lacks it: it reads as null.
  for (let index = 0; index < fields.length; index += 1) data[fields[index] ?? ''] = payload[index] ?? null;
  return data;
}
