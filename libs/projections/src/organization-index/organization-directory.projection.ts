// Which organisations exist, and which assessments and investments each has: the lists the
// readers answer without scanning the store.
import type Database from 'better-sqlite3';
import type { JsonValue, RecordedEvent } from '@app/event-store';
import type { Projection, ProjectionTransaction } from '../projection';
import { organizationIdOf } from './organization-scoped-events';

export const ORGANIZATION_DIRECTORY_PROJECTION = 'organization-directory';

interface DirectoryStatements {
  organization: Database.Statement<[string, string, number]>;
  assessment: Database.Statement<[string, string, string, number]>;
  investment: Database.Statement<[string, string, number]>;
}

export class OrganizationDirectoryProjection implements Projection {
  readonly name = ORGANIZATION_DIRECTORY_PROJECTION;
  readonly version = 1;
  readonly eventTypes = ['OrganizationRegistered', 'AssessmentOpened', 'InvestmentPlanned'];
  private statements: DirectoryStatements | null = null;
  private preparedOn: Database.Database | null = null;

  setUp(transaction: ProjectionTransaction): void {
    transaction.exec(`
      CREATE TABLE IF NOT EXISTS organizations (
        organization_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        registered_position INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS organization_assessments (
        assessment_id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL,
        period_end TEXT NOT NULL,
        opened_position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS organization_assessments_by_organization
        ON organization_assessments (organization_id, period_end, opened_position);
      CREATE TABLE IF NOT EXISTS organization_investments (
        investment_id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL,
        planned_position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS organization_investments_by_organization
        ON organization_investments (organization_id, planned_position);
    `);
  }

  drop(transaction: ProjectionTransaction): void {
    transaction.exec(`
      DROP TABLE IF EXISTS organizations;
      DROP TABLE IF EXISTS organization_assessments;
      DROP TABLE IF EXISTS organization_investments;
    `);
    this.statements = null;
  }

  apply(events: readonly RecordedEvent[], transaction: ProjectionTransaction): void {
    const statements = this.statementsOn(transaction);
    for (const event of events) {
      const organizationId = organizationIdOf(event);
      if (organizationId === null) continue;
      const data = event.data;
      switch (event.type) {
        case 'OrganizationRegistered':
          statements.organization.run(organizationId, textOf(data.name), event.position);
          break;
        case 'AssessmentOpened':
          statements.assessment.run(
            textOf(data.assessmentId),
            organizationId,
            textOf(data.periodEnd),
            event.position,
          );
          break;
        case 'InvestmentPlanned':
          statements.investment.run(textOf(data.investmentId), organizationId, event.position);
          break;
        default:
          break;
      }
    }
  }

  private statementsOn(database: Database.Database): DirectoryStatements {
    if (this.statements === null || this.preparedOn !== database) {
      // OR IGNORE: each row comes from its aggregate's first event, which happens once.
      this.statements = {
        organization: database.prepare(
          'INSERT OR IGNORE INTO organizations (organization_id, name, registered_position) VALUES (?, ?, ?)',
        ),
        assessment: database.prepare(
          'INSERT OR IGNORE INTO organization_assessments (assessment_id, organization_id, period_end, opened_position) VALUES (?, ?, ?, ?)',
        ),
        investment: database.prepare(
          'INSERT OR IGNORE INTO organization_investments (investment_id, organization_id, planned_position) VALUES (?, ?, ?)',
        ),
      };
      this.preparedOn = database;
    }
    return this.statements;
  }
}

/** The domain writes these fields as strings; anything else is a broken event, not a name. */
function textOf(value: JsonValue | undefined): string {
  if (typeof value !== 'string')
    throw new Error(`expected a string in the event data, got ${JSON.stringify(value)}`);
  return value;
}
