// The PostgreSQL layout (ADR 0010), created and migrated at start. Each migration runs once, in
// order, in one transaction under an advisory lock, so replicas starting together migrate once;
// event_store_schema_version records what ran. A database from a newer version is refused.
import type { PoolClient } from 'pg';
import { UnsupportedStoreVersionError } from '../errors';

/** The channel NOTIFY wakes subscribers on, with the last position of a commit as payload. */
export const APPENDED_CHANNEL = 'event_store_appended';

/** Any fixed number: the advisory lock that serializes migrations between processes. */
const MIGRATION_LOCK = 4_556_537_415;

/**
 * Positions are taken from the single row of event_store_head, locked from the start of an append
 * to its commit: appends commit one after another, in position order, and a rolled-back append
 * leaves the counter as it was, so positions are gap-free and a reader that sees position n has
 * every position below n committed (ADR 0010).
 *
 * event_store_append checks the stream's tip under that lock. The client prepared the events
 * (revisions, hash chain) for `expected_tip`; when the stream moved, nothing is written and the
 * current tip is returned so the client can decide again.
 */
const MIGRATIONS: readonly string[] = [
  `
CREATE TABLE events (
  position bigint PRIMARY KEY,
  id text NOT NULL,
  stream text NOT NULL,
  revision integer NOT NULL,
  type text NOT NULL,
  data text NOT NULL,
  metadata text NOT NULL,
  hash text NOT NULL,
  CONSTRAINT events_stream_revision UNIQUE (stream, revision),
  CONSTRAINT events_id UNIQUE (id)
);
CREATE INDEX events_by_type_position ON events (type, position);

CREATE TABLE event_store_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  position bigint NOT NULL
);
INSERT INTO event_store_head (singleton, position) VALUES (true, 0);

CREATE FUNCTION event_store_append(
  p_stream text,
  p_expected_tip integer,
  p_ids text[],
  p_types text[],
  p_data text[],
  p_metadata text[],
  p_hashes text[],
  OUT last_position bigint,
  OUT tip_revision integer,
  OUT tip_hash text,
  OUT tip_position bigint
) LANGUAGE plpgsql AS $$
DECLARE
  v_head bigint;
  v_count integer := cardinality(p_ids);
BEGIN
  SELECT position INTO v_head FROM event_store_head WHERE singleton FOR UPDATE;
  -- A new snapshot per statement (READ COMMITTED): this sees every append committed before the lock.
  SELECT revision, hash, position INTO tip_revision, tip_hash, tip_position
    FROM events WHERE stream = p_stream ORDER BY revision DESC LIMIT 1;
  tip_revision := coalesce(tip_revision, -1);
  IF tip_revision <> p_expected_tip THEN
    last_position := 0;
    RETURN;
  END IF;
  INSERT INTO events (position, id, stream, revision, type, data, metadata, hash)
    SELECT v_head + entry.ordinality, entry.id, p_stream, p_expected_tip + entry.ordinality::integer,
           entry.type, entry.data, entry.metadata, entry.hash
      FROM unnest(p_ids, p_types, p_data, p_metadata, p_hashes)
           WITH ORDINALITY AS entry(id, type, data, metadata, hash, ordinality);
  last_position := v_head + v_count;
  UPDATE event_store_head SET position = last_position WHERE singleton;
  tip_revision := p_expected_tip + v_count;
  tip_hash := p_hashes[v_count];
  tip_position := last_position;
  PERFORM pg_notify('${APPENDED_CHANNEL}', last_position::text);
END
$$;
`,
  // Idempotency per stream, as on SQLite (ADR 0002): the index on random ids across the store goes.
  `
ALTER TABLE events DROP CONSTRAINT events_id;
ALTER TABLE events ADD CONSTRAINT events_stream_id UNIQUE (stream, id);
`,
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** Creates or upgrades the layout; refuses (and changes nothing in) a database from a newer version. */
export async function migrate(client: PoolClient, describeDatabase: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS event_store_schema_version (
      version integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const result = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM event_store_schema_version',
    );
    const current = result.rows[0]?.version ?? 0;
    if (current > POSTGRES_SCHEMA_VERSION)
      throw new UnsupportedStoreVersionError(
        `The event store in ${describeDatabase} has layout version ${current}, newer than this software understands (${POSTGRES_SCHEMA_VERSION}). Upgrade the software; the database was left untouched.`,
      );
    for (let version = current + 1; version <= POSTGRES_SCHEMA_VERSION; version += 1) {
      await client.query(MIGRATIONS[version - 1] as string);
      await client.query('INSERT INTO event_store_schema_version (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
