// The event store library: the port, its adapters, the integrity chain and upcasting.
// The shared contract suite lives apart, in ./testing (`@app/event-store/testing`).
export * from './event-store.port';
export * from './errors';
export { canonicalJson } from './canonical-json';
export * from './hash-chain';
export * from './recorded-import';
export type { StoredEventRow } from './stored-event';
export * from './upcasting';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './memory/in-memory-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { SQLITE_EVENT_STORE_FILE_NAME } from './sqlite/sqlite-schema';
export {
  ensurePrivateFile,
  ensureWritableDirectory,
  isHeldOpenElsewhere,
  sqliteErrorCode,
} from './sqlite/open-sqlite-database';
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export { countEventsUpTo, hasGapFreePositions } from './store-capabilities';
export { isConnectionFailure } from './postgres/postgres-errors';
