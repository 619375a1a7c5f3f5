// Pages of an organisation's history from its rows, filtered in SQL: a page reads the page, a
// count reads the organisation's index entries, and neither reads an event.
import type Database from 'better-sqlite3';

/** What an auditor narrows the history to, as the rows keep it; every criterion given must hold. */
export interface HistoryCriteria {
  /** Event types, exactly; null for every type. */
  types: readonly string[] | null;
  /** Part of the stream name, case-sensitive. */
  stream: string | null;
  /** Part of the actor, already lower-cased. */
  actorLowerCase: string | null;
  /** Epoch milliseconds, inclusive. */
  recordedFrom: number | null;
  recordedTo: number | null;
}

/** No criterion: the whole history. */
export const EVERY_EVENT: HistoryCriteria = {
  types: null,
  stream: null,
  actorLowerCase: null,
  recordedFrom: null,
  recordedTo: null,
};

/** Where one event of the history is in the store. */
export interface HistoryEntry {
  position: number;
  stream: string;
  revision: number;
}

interface Statements {
  count: Database.Statement<unknown[], number>;
  page: Database.Statement<unknown[], HistoryEntry>;
  newestFirstPage: Database.Statement<unknown[], HistoryEntry>;
}

/** Which page: after a position (oldest first), or before one (newest first). */
export interface HistoryRange {
  /** Oldest first: events after this position; newest first: events before it (0: from the newest). */
  afterPosition: number;
  /** Oldest first only: events at or before this position (the history as it was at a moment). */
  untilPosition?: number;
  limit: number;
  newestFirst?: boolean;
}

export class OrganizationHistoryReader {
  /** One pair of statements per set of criteria given, so SQLite plans each with its indexes. */
  private readonly statements = new Map<string, Statements>();
  private readonly selectLastPosition: Database.Statement<[string], number | null>;

  /** The table must exist: construct after the runner has loaded its checkpoints (prepare()). */
  constructor(private readonly database: Database.Database) {
    this.selectLastPosition = database
      .prepare<[string], number | null>(
        'SELECT MAX(position) FROM organization_history WHERE organization_id = ?',
      )
      .pluck();
  }

  /** How many of the organisation's events meet the criteria. */
  count(organizationId: string, criteria: HistoryCriteria): number {
    const { sql, parameters } = matching(organizationId, criteria);
    return this.statementsFor(sql).count.get(...parameters) ?? 0;
  }

  /**
   * Up to `limit` matching events: oldest first after `afterPosition` (and at most
   * `untilPosition`), or newest first before `afterPosition`.
   */
  page(organizationId: string, criteria: HistoryCriteria, range: HistoryRange): HistoryEntry[] {
    const { sql, parameters } = matching(organizationId, criteria);
    const statements = this.statementsFor(sql);
    if (range.newestFirst === true)
      return statements.newestFirstPage.all(
        ...parameters,
        range.afterPosition === 0 ? Number.MAX_SAFE_INTEGER : range.afterPosition,
        range.limit,
      );
    return statements.page.all(
      ...parameters,
      range.afterPosition,
      range.untilPosition ?? Number.MAX_SAFE_INTEGER,
      range.limit,
    );
  }

  /** The position of the organisation's latest event, 0 when it has none. */
  lastPosition(organizationId: string): number {
    return this.selectLastPosition.get(organizationId) ?? 0;
  }

  private statementsFor(condition: string): Statements {
    let statements = this.statements.get(condition);
    if (statements === undefined) {
      statements = {
        count: this.database
          .prepare<unknown[], number>(`SELECT COUNT(*) FROM organization_history WHERE ${condition}`)
          .pluck(),
        page: this.database.prepare<unknown[], HistoryEntry>(
          `SELECT position, stream, revision FROM organization_history
           WHERE ${condition} AND position > ? AND position <= ? ORDER BY position LIMIT ?`,
        ),
        newestFirstPage: this.database.prepare<unknown[], HistoryEntry>(
          `SELECT position, stream, revision FROM organization_history
           WHERE ${condition} AND position < ? ORDER BY position DESC LIMIT ?`,
        ),
      };
      this.statements.set(condition, statements);
    }
    return statements;
  }
}

/** The WHERE clause for the criteria given (values bound, never spliced) and its parameters. */
function matching(organizationId: string, criteria: HistoryCriteria): { sql: string; parameters: unknown[] } {
  const conditions = ['organization_id = ?'];
  const parameters: unknown[] = [organizationId];
  if (criteria.types !== null) {
    conditions.push('type IN (SELECT value FROM json_each(?))');
    parameters.push(JSON.stringify(criteria.types));
  }
  if (criteria.stream !== null) {
    conditions.push('instr(stream, ?) > 0');
    parameters.push(criteria.stream);
  }
  if (criteria.actorLowerCase !== null) {
    conditions.push('instr(actor_lower_case, ?) > 0');
    parameters.push(criteria.actorLowerCase);
  }
  if (criteria.recordedFrom !== null) {
    conditions.push('recorded_at >= ?');
    parameters.push(criteria.recordedFrom);
  }
  if (criteria.recordedTo !== null) {
    conditions.push('recorded_at <= ?');
    parameters.push(criteria.recordedTo);
  }
  return { sql: conditions.join(' AND '), parameters };
}
