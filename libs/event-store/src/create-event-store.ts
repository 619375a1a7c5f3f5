// Chooses the adapter from configuration (docs/reference/running.md): EventStoreDB when a connection
// string is given, else the embedded SQLite store under dataDir (created when missing).
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import type { UpcasterRegistry } from './upcasting';

export interface EventStoreConfig {
  /** EVENTSTORE_CONNECTION_STRING; empty or absent selects SQLite. */
  eventStoreConnectionString?: string | null;
  /** DATA_DIR, for SQLite. */
  dataDir: string;
  clock?: () => Date;
  upcasters?: UpcasterRegistry;
}

export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  const connectionString = config.eventStoreConnectionString?.trim();
  const shared = {
    ...(config.clock ? { clock: config.clock } : {}),
    ...(config.upcasters ? { upcasters: config.upcasters } : {}),
  };
  if (connectionString !== undefined && connectionString.length > 0) {
    return EventStoreDbEventStore.connect({ connectionString, ...shared });
  }
  return Promise.resolve(new SqliteEventStore({ dataDir: config.dataDir, ...shared }));
}
