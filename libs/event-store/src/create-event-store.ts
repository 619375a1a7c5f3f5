// Chooses the adapter from configuration (docs/reference/running.md): PostgreSQL when a database
// URL is given, EventStoreDB when its connection string is, else the embedded SQLite store under
// dataDir (created when missing).
import { InvalidStoreConfigurationError } from './errors';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import type { UpcasterRegistry } from './upcasting';

export interface EventStoreConfig {
  /** DATABASE_URL (postgres://...); empty or absent: not PostgreSQL. */
  databaseUrl?: string | null;
  /** EVENTSTORE_CONNECTION_STRING; empty or absent: not EventStoreDB. */
  eventStoreConnectionString?: string | null;
  /** DATA_DIR, for SQLite. */
  dataDir: string;
  clock?: () => Date;
  upcasters?: UpcasterRegistry;
  /** Shown by the database for this process's connections (PostgreSQL). */
  applicationName?: string;
  /** Errors nobody awaits, such as a dropped idle connection (PostgreSQL). */
  onBackgroundError?: (error: unknown) => void;
}

export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  const databaseUrl = config.databaseUrl?.trim() ?? '';
  const connectionString = config.eventStoreConnectionString?.trim() ?? '';
  const shared = {
    ...(config.clock ? { clock: config.clock } : {}),
    ...(config.upcasters ? { upcasters: config.upcasters } : {}),
  };
  if (databaseUrl.length > 0 && connectionString.length > 0)
    throw new InvalidStoreConfigurationError(
      'Both DATABASE_URL and EVENTSTORE_CONNECTION_STRING are set; set only the one for the event store to use.',
    );
  if (databaseUrl.length > 0) {
    return PostgresEventStore.connect({
      connectionString: databaseUrl,
      ...shared,
      ...(config.applicationName ? { applicationName: config.applicationName } : {}),
      ...(config.onBackgroundError ? { onBackgroundError: config.onBackgroundError } : {}),
    });
  }
  if (connectionString.length > 0) {
    return EventStoreDbEventStore.connect({ connectionString, ...shared });
  }
  return Promise.resolve(new SqliteEventStore({ dataDir: config.dataDir, ...shared }));
}
