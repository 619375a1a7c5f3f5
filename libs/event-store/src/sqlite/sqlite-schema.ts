// The SQLite file layout, shared by the adapter and the benchmark's raw baseline.
import type Database from 'better-sqlite3';

/**
 * Bumped when the layout changes; a file from a newer version is refused, not modified.
 * 2: event ids unique per stream (events_by_stream_id) instead of across the store (events_by_id).
 */
export const SQLITE_SCHEMA_VERSION = 2;
/** Marks the file as ours ('EVST'), so a foreign SQLite database is never written to. */
export const SQLITE_APPLICATION_ID = 0x45565354;
export const SQLITE_EVENT_STORE_FILE_NAME = 'events.db';

/**
 * position is the rowid: assigned max + 1 inside the write lock and never deleted, so positions
 * are gap-free and commit order equals position order. Idempotency is per stream (ADR 0002): a
 * unique index on random ids across the whole store cost half the batched-append speed (every
 * append dirtied a random index page per event), while (stream, id) keeps a batch's entries
 * together. Applied to a version 1 file, it drops that old index.
 */
export const EVENTS_TABLE_DDL = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  stream TEXT NOT NULL,
  revision INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream_revision ON events (stream, revision);
DROP INDEX IF EXISTS events_by_id;
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream_id ON events (stream, id);
CREATE INDEX IF NOT EXISTS events_by_type_position ON events (type, position);
`;

/** Durability (ADR 0001): WAL, and fsync at every commit so an acknowledged append survives power loss. */
export function applyDurablePragmas(database: Database.Database): void {
  const journalMode = database.pragma('journal_mode = WAL', { simple: true });
  if (journalMode !== 'wal')
    throw new Error(`SQLite refused WAL mode (journal_mode is ${String(journalMode)})`);
  database.pragma('synchronous = FULL');
}
