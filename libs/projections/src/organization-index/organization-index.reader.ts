// Queries over the organisation index and directory; each reads one organisation's rows.
import type Database from 'better-sqlite3';
import { decodeIndexedEvent, type EncodedEvent, type IndexedEvent } from './organization-index-codec';

export interface OrganizationEventsOptions {
  /** Only events recorded at or before this instant (epoch milliseconds). */
  recordedUntil?: number;
  /** Only events after this position: a reader that holds the earlier ones reads the rest. */
  afterPosition?: number;
  /** At most this many runs (appends) of events: a long history read a part at a time. */
  runLimit?: number;
}

interface RunRow {
  stream: string;
  recordedAt: number;
  events: string;
}

export class OrganizationIndexReader {
  private readonly selectRuns: Database.Statement<[string, number, number, number], RunRow>;
  private readonly selectOrganizationIds: Database.Statement<[], string>;
  private readonly selectOrganizationExists: Database.Statement<[string], number>;
  private readonly selectAssessmentIds: Database.Statement<[string], string>;
  private readonly selectInvestmentIds: Database.Statement<[string], string>;

  /** The tables must exist: construct after the runner has loaded its checkpoints (prepare()). */
  constructor(database: Database.Database) {
    this.selectRuns = database.prepare(
      `SELECT stream, recorded_at AS recordedAt, events FROM organization_events
       WHERE organization_id = ? AND recorded_at <= ? AND last_position > ? ORDER BY first_position LIMIT ?`,
    );
    this.selectOrganizationIds = database
      .prepare<[], string>('SELECT organization_id FROM organizations ORDER BY organization_id')
      .pluck();
    this.selectOrganizationExists = database
      .prepare<[string], number>('SELECT 1 FROM organizations WHERE organization_id = ?')
      .pluck();
    this.selectAssessmentIds = database
      .prepare<[string], string>(
        'SELECT assessment_id FROM organization_assessments WHERE organization_id = ? ORDER BY period_end, opened_position',
      )
      .pluck();
    this.selectInvestmentIds = database
      .prepare<[string], string>(
        'SELECT investment_id FROM organization_investments WHERE organization_id = ? ORDER BY planned_position',
      )
      .pluck();
  }

  /** The organisation's events (its stream, assessments, investments) in position order. */
  eventsOf(organizationId: string, options: OrganizationEventsOptions = {}): IndexedEvent[] {
    const events: IndexedEvent[] = [];
    const rows = this.selectRuns.all(
      organizationId,
      options.recordedUntil ?? Number.MAX_SAFE_INTEGER,
      options.afterPosition ?? 0,
      // SQLite reads a negative LIMIT as no limit.
      options.runLimit ?? -1,
    );
    const after = options.afterPosition ?? 0;
    for (const row of rows) {
      const context = { stream: row.stream, organizationId, recordedAt: row.recordedAt };
      // A run may straddle afterPosition: its earlier events are left out.
      for (const encoded of JSON.parse(row.events) as EncodedEvent[])
        if (encoded[0] > after) events.push(decodeIndexedEvent(encoded, context));
    }
    return events;
  }

  organizationIds(): string[] {
    return this.selectOrganizationIds.all();
  }

  hasOrganization(organizationId: string): boolean {
    return this.selectOrganizationExists.get(organizationId) !== undefined;
  }

  /** By periodEnd, then opening order. */
  assessmentIdsOf(organizationId: string): string[] {
    return this.selectAssessmentIds.all(organizationId);
  }

  /** In planning order. */
  investmentIdsOf(organizationId: string): string[] {
    return this.selectInvestmentIds.all(organizationId);
  }
}
