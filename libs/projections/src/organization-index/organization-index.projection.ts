// Every event of an organisation in one place, keyed by organisation: its own stream, its
// assessments and its investments. Bitemporal reads (maturity as of / as known at) read one
// organisation's rows through the (organization_id, first_position) index, never the whole store.
//
// A row holds a run of consecutive events of one stream recorded in the same append (they share
// recordedAt, so knownAt never splits a run): an imported assessment of hundreds of ratings is
// one row to write and one to read. Ratings are stored as compact tuples; see organization-index-codec.
import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { Projection, ProjectionTransaction } from '../projection';
import { encodeIndexedEvent, type EncodedEvent } from './organization-index-codec';
import { ORGANIZATION_SCOPED_EVENT_TYPES, organizationIdOf } from './organization-scoped-events';

export const ORGANIZATION_INDEX_PROJECTION = 'organization-index';

type RunRow = [number, number, string, string, number, string];

interface Run {
  organizationId: string;
  stream: string;
  recordedAt: string;
  firstPosition: number;
  lastPosition: number;
  lastRevision: number;
  events: EncodedEvent[];
}

export class OrganizationIndexProjection implements Projection {
  readonly name = ORGANIZATION_INDEX_PROJECTION;
  readonly version = 2;
  readonly eventTypes = ORGANIZATION_SCOPED_EVENT_TYPES;
  private insert: Database.Statement<RunRow> | null = null;
  private preparedOn: Database.Database | null = null;

  setUp(transaction: ProjectionTransaction): void {
    // first_position is the rowid: a replay appends in rowid order, the cheapest insert SQLite has.
    transaction.exec(`
      CREATE TABLE IF NOT EXISTS organization_events (
        first_position INTEGER PRIMARY KEY,
        last_position INTEGER NOT NULL,
        organization_id TEXT NOT NULL,
        stream TEXT NOT NULL,
        recorded_at INTEGER NOT NULL,
        events TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS organization_events_by_organization
        ON organization_events (organization_id, first_position);
    `);
  }

  drop(transaction: ProjectionTransaction): void {
    transaction.exec('DROP TABLE IF EXISTS organization_events');
    this.insert = null;
  }

  apply(events: readonly RecordedEvent[], transaction: ProjectionTransaction): void {
    const insert = this.insertOn(transaction);
    let run: Run | null = null;
    for (const event of events) {
      const organizationId = organizationIdOf(event);
      if (organizationId === null) continue;
      if (
        run !== null &&
        run.stream === event.stream &&
        run.recordedAt === event.metadata.recordedAt &&
        run.lastRevision + 1 === event.revision
      ) {
        run.events.push(encodeIndexedEvent(event));
        run.lastPosition = event.position;
        run.lastRevision = event.revision;
        continue;
      }
      if (run !== null) this.write(insert, run);
      run = {
        organizationId,
        stream: event.stream,
        recordedAt: event.metadata.recordedAt,
        firstPosition: event.position,
        lastPosition: event.position,
        lastRevision: event.revision,
        events: [encodeIndexedEvent(event)],
      };
    }
    if (run !== null) this.write(insert, run);
  }

  private write(insert: Database.Statement<RunRow>, run: Run): void {
    insert.run(
      run.firstPosition,
      run.lastPosition,
      run.organizationId,
      run.stream,
      Date.parse(run.recordedAt),
      JSON.stringify(run.events),
    );
  }

  private insertOn(database: Database.Database): Database.Statement<RunRow> {
    if (this.insert === null || this.preparedOn !== database) {
      // OR IGNORE: a batch applied twice (another process got there first) changes nothing.
      this.insert = database.prepare(
        `INSERT OR IGNORE INTO organization_events (first_position, last_position, organization_id, stream, recorded_at, events)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      this.preparedOn = database;
    }
    return this.insert;
  }
}
