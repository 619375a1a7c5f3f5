// Where each of an organisation's events sits: its position, stream, revision, type, actor and
// time, one row per event. The audit history pages and the history download read these rows to
// find one page of events, then read only that page from the store, so a page costs the page,
// not the organisation's whole history.
import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import { EVENT_STREAM_CATEGORIES } from '@app/domain';
import type { Projection, ProjectionTransaction } from '../projection';
import { organizationIdOf } from '../organization-index/organization-scoped-events';

export const ORGANIZATION_HISTORY_PROJECTION = 'organization-history';

/** The stream categories an organisation's history reads: its own, its assessments', investments' and scenarios'. */
const HISTORY_STREAM_CATEGORIES: ReadonlySet<string> = new Set([
  'organization',
  'assessment',
  'investment',
  'scenarios',
]);

export const ORGANIZATION_HISTORY_EVENT_TYPES: readonly string[] = Object.entries(EVENT_STREAM_CATEGORIES)
  .filter(([, category]) => HISTORY_STREAM_CATEGORIES.has(category))
  .map(([type]) => type);

type HistoryRow = [number, string, string, number, string, string, number];

export class OrganizationHistoryProjection implements Projection {
  readonly name = ORGANIZATION_HISTORY_PROJECTION;
  readonly version = 1;
  readonly eventTypes = ORGANIZATION_HISTORY_EVENT_TYPES;
  private insert: Database.Statement<HistoryRow> | null = null;
  private preparedOn: Database.Database | null = null;

  setUp(transaction: ProjectionTransaction): void {
    // The actor is kept lower-cased as JavaScript lower-cases it: the filter's "part of the actor,
    // case-insensitive" then matches exactly as it did in memory (SQLite's lower() is ASCII only).
    transaction.exec(`
      CREATE TABLE IF NOT EXISTS organization_history (
        position INTEGER PRIMARY KEY,
        organization_id TEXT NOT NULL,
        stream TEXT NOT NULL,
        revision INTEGER NOT NULL,
        type TEXT NOT NULL,
        actor_lower_case TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS organization_history_by_organization
        ON organization_history (organization_id, position);
      CREATE INDEX IF NOT EXISTS organization_history_by_type
        ON organization_history (organization_id, type, position);
    `);
  }

  drop(transaction: ProjectionTransaction): void {
    transaction.exec('DROP TABLE IF EXISTS organization_history');
    this.insert = null;
  }

  apply(events: readonly RecordedEvent[], transaction: ProjectionTransaction): void {
    const insert = this.insertOn(transaction);
    for (const event of events) {
      const organizationId = organizationIdOf(event);
      if (organizationId === null) continue;
      insert.run(
        event.position,
        organizationId,
        event.stream,
        event.revision,
        event.type,
        event.metadata.actor.toLowerCase(),
        Date.parse(event.metadata.recordedAt),
      );
    }
  }

  private insertOn(database: Database.Database): Database.Statement<HistoryRow> {
    if (this.insert === null || this.preparedOn !== database) {
      // OR IGNORE: a batch applied twice (another process got there first) changes nothing.
      this.insert = database.prepare(
        `INSERT OR IGNORE INTO organization_history
           (position, organization_id, stream, revision, type, actor_lower_case, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      this.preparedOn = database;
    }
    return this.insert;
  }
}
