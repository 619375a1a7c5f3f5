// What an adapter guarantees beyond the port, for checks that can use it.
import type { EventStore } from './event-store.port';
import { InMemoryEventStore } from './memory/in-memory-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/**
 * Whether positions run 1, 2, 3... without gaps (SQLite, PostgreSQL and in-memory assign them in
 * commit order and never delete a row), so a missing position means a deleted event. EventStoreDB
 * positions are commit offsets, with gaps.
 */
export function hasGapFreePositions(store: EventStore): boolean {
  return (
    store instanceof SqliteEventStore ||
    store instanceof InMemoryEventStore ||
    store instanceof PostgresEventStore
  );
}

/**
 * How many events the store holds at positions 1..position, counted by the store without reading
 * them (so no other organisation's event is read), or null where positions may have gaps and a
 * count proves nothing. On a gap-free store a count below position means an event was deleted.
 */
export function countEventsUpTo(store: EventStore, position: number): Promise<number> | null {
  if (
    store instanceof SqliteEventStore ||
    store instanceof InMemoryEventStore ||
    store instanceof PostgresEventStore
  )
    return store.countEventsUpTo(position);
  return null;
}
