// How the organisation index stores one event: [position, revision, type, payload]. Ratings, by
// far the most numerous events, keep their fields as a tuple (no repeated keys to write and parse);
// every other event keeps its data object.
import type { JsonObject, JsonValue, RecordedEvent } from '@app/event-store';

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

const RATING_FIELDS = ['functionId', 'capabilityId', 'level', 'source', 'raterFunctionId'] as const;
const RATING_TYPES = new Set(['RatingRecorded', 'RatingCorrected']);

export function encodeIndexedEvent(event: RecordedEvent): EncodedEvent {
  const data = event.data;
  // Written out field by field: this runs once per event of a rebuild.
  if (event.type === 'RatingRecorded') {
    return [
      event.position,
      event.revision,
      event.type,
      [
        data.functionId ?? null,
        data.capabilityId ?? null,
        data.level ?? null,
        data.source ?? null,
        data.raterFunctionId ?? null,
        data.evidence ?? null,
      ],
    ];
  }
  if (event.type === 'RatingCorrected') {
    return [
      event.position,
      event.revision,
      event.type,
      [
        data.functionId ?? null,
        data.capabilityId ?? null,
        data.level ?? null,
        data.source ?? null,
        data.raterFunctionId ?? null,
        data.reason ?? null,
        data.previousLevel ?? null,
        data.correctedAt ?? null,
      ],
    ];
  }
  return [event.position, event.revision, event.type, data];
}

export function decodeIndexedEvent(
  encoded: EncodedEvent,
  row: { stream: string; organizationId: string; recordedAt: number },
): IndexedEvent {
  const [position, revision, type, payload] = encoded;
  return {
    position,
    stream: row.stream,
    revision,
    type,
    recordedAt: row.recordedAt,
    data:
      RATING_TYPES.has(type) && Array.isArray(payload)
        ? ratingData(type, payload, row)
        : (payload as JsonObject),
  };
}

function ratingData(
  type: string,
  payload: JsonValue[],
  row: { stream: string; organizationId: string },
): JsonObject {
  const data: JsonObject = {
    assessmentId: row.stream.slice('assessment-'.length),
    organizationId: row.organizationId,
  };
  RATING_FIELDS.forEach((field, index) => {
    data[field] = payload[index] ?? null;
  });
  const extra = RATING_FIELDS.length;
  if (type === 'RatingRecorded') data.evidence = payload[extra] ?? null;
  else {
    data.reason = payload[extra] ?? null;
    data.previousLevel = payload[extra + 1] ?? null;
    data.correctedAt = payload[extra + 2] ?? null;
  }
  return data;
}
