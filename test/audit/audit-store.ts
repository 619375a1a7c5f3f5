// Helpers for audit tests on real store files: a store built once through the real api, copied
// per test, and the application (the same Nest modules as api and cli) opened on a copy.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApplicationModule,
  type CommandContext,
  ExecuteAssessmentCommand,
  ExecuteInvestmentCommand,
  ExecuteOrganizationCommand,
  loadAppConfig,
} from '@app/application';
import Database from 'better-sqlite3';
import {
  computeEventHash,
  type EventMetadata,
  type JsonObject,
  SQLITE_EVENT_STORE_FILE_NAME,
} from '@app/event-store';
import { CAPABILITIES } from './audit-fixture';

export function temporaryDirectory(prefix = 'maturity-audit-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

const CONTEXT: CommandContext = {
  actor: 'audit-test',
  role: 'ADMIN',
  commandId: null,
  correlationId: 'audit-test',
};

/**
 * A data directory holding the organisations, written through the command bus and closed. Each
 * has 11 events: registration, 2 functions, an assessment opened with 6 ratings, an investment.
 */
export async function buildStore(organizationIds: readonly string[] = ['hotel']): Promise<string> {
  const dataDir = temporaryDirectory();
  const app = await NestFactory.createApplicationContext(
    ApplicationModule.forRoot({ ...loadAppConfig({}), dataDir }),
    {
      logger: false,
    },
  );
  try {
    const bus = app.get(CommandBus);
    for (const organizationId of organizationIds) await buildOrganization(bus, organizationId);
  } finally {
    await app.close();
  }
  return dataDir;
}

export async function buildOrganization(bus: CommandBus, organizationId: string): Promise<void> {
  const organization = (command: ExecuteOrganizationCommand['command']) =>
    bus.execute(new ExecuteOrganizationCommand(organizationId, command, CONTEXT));
  await organization({
    type: 'RegisterOrganization',
    data: { id: organizationId, name: 'Audit Hotel', modelId: 'customer-centricity' },
  });
  await organization({
    type: 'AddFunction',
    data: { functionId: 'front-desk', name: 'Front desk', customerFacing: true },
  });
  await organization({ type: 'AddFunction', data: { functionId: 'housekeeping', name: 'Housekeeping' } });
  const assessmentId = `${organizationId}-q1`;
  await bus.execute(
    new ExecuteAssessmentCommand(
      assessmentId,
      {
        type: 'OpenAssessment',
        data: { assessmentId, organizationId, title: 'Q1', periodEnd: '2025-03-31T00:00:00.000Z' },
      },
      CONTEXT,
    ),
  );
  let level = 1;
  for (const functionId of ['front-desk', 'housekeeping']) {
    for (const capabilityId of CAPABILITIES) {
      level = (level % 5) + 1;
      await bus.execute(
        new ExecuteAssessmentCommand(
          assessmentId,
          { type: 'RecordRating', data: { functionId, capabilityId, level, source: 'SELF' } },
          CONTEXT,
        ),
      );
    }
  }
  const investmentId = `${organizationId}-training`;
  await bus.execute(
    new ExecuteInvestmentCommand(
      investmentId,
      {
        type: 'PlanInvestment',
        data: {
          investmentId,
          organizationId,
          name: 'Training',
          kind: 'OPERATIONAL',
          cost: 1000,
          lagMonths: 3,
          effects: [
            { functionId: 'housekeeping', capabilityId: 'customer-insight', low: 0, likely: 1, high: 2 },
          ],
        },
      },
      CONTEXT,
    ),
  );
}

export function copyStore(dataDir: string): string {
  const copy = temporaryDirectory();
  copyFileSync(
    path.join(dataDir, SQLITE_EVENT_STORE_FILE_NAME),
    path.join(copy, SQLITE_EVENT_STORE_FILE_NAME),
  );
  return copy;
}

/** A copy of the store, changed with a plain SQL connection as an attacker with file access would. */
export function tamperedCopy(dataDir: string, tamper: (database: Database.Database) => void): string {
  const copy = copyStore(dataDir);
  const database = new Database(path.join(copy, SQLITE_EVENT_STORE_FILE_NAME));
  try {
    tamper(database);
  } finally {
    database.close();
  }
  return copy;
}

/** Changes an event's data and recomputes its own hash, as an attacker who knows the chain would. */
export function forgeEvent(
  database: Database.Database,
  stream: string,
  revision: number,
  change: Partial<JsonObject>,
): void {
  const row = database
    .prepare('SELECT type, data, metadata FROM events WHERE stream = ? AND revision = ?')
    .get(stream, revision) as { type: string; data: string; metadata: string };
  const data = { ...(JSON.parse(row.data) as JsonObject), ...change } as JsonObject;
  const hash = computeEventHash({
    stream,
    revision,
    type: row.type,
    data,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  });
  database
    .prepare('UPDATE events SET data = ?, hash = ? WHERE stream = ? AND revision = ?')
    .run(JSON.stringify(data), hash, stream, revision);
}

/** The application on a data directory, writing nothing at start. */
export function openApplication(dataDir: string): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    ApplicationModule.forRoot({ ...loadAppConfig({}), dataDir }, undefined, { seedOnStartup: false }),
    { logger: false },
  );
}
