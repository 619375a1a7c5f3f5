// Decoding a stored row (JSON texts) into a RecordedEvent, upcast unless raw.
import type { EventMetadata, JsonObject, RecordedEvent } from './event-store.port';
import type { UpcasterRegistry } from './upcasting';

export interface StoredEventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

export function decodeStoredEvent(
  row: StoredEventRow,
  upcasters: UpcasterRegistry,
  raw: boolean,
): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as EventMetadata;
  let data = JSON.parse(row.data) as JsonObject;
  let dataSchemaVersion = metadata.schemaVersion;
  if (!raw && upcasters.handles(row.type)) {
    const upcast = upcasters.upcast(row.type, dataSchemaVersion, data);
    data = upcast.data;
    dataSchemaVersion = upcast.schemaVersion;
  }
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data,
    metadata,
    hash: row.hash,
    dataSchemaVersion,
  };
}
