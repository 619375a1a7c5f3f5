// The assessment handler's dry run, on a real SQLite store: the handler's own decision and clock,
// and nothing appended.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type INestApplicationContext, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApplicationModule } from '../application.module';
import { loadAppConfig } from '../config/app-config';
import { SYSTEM_CONTEXT } from '../command-handling/command-context';
import { ExecuteOrganizationCommand } from '../organizations/organization.command';
import { AssessmentCommandHandler, ExecuteAssessmentCommand } from './assessment.command';

const CLOCK_TIME = new Date('2031-05-06T07:08:09.000Z');

@Module({})
class DryRunTestModule {
  static forRoot(dataDir: string): DynamicModule {
    return {
      module: DryRunTestModule,
      imports: [ApplicationModule.forRoot({ ...loadAppConfig({}), dataDir }, () => CLOCK_TIME)],
    };
  }
}

describe('AssessmentCommandHandler.dryRun', () => {
  let dataDir: string;
  let app: INestApplicationContext;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dry-run-'));
    app = await NestFactory.createApplicationContext(DryRunTestModule.forRoot(dataDir), { logger: false });
    await app.init();
    const bus = app.get(CommandBus);
    const organization = (command: ExecuteOrganizationCommand['command']) =>
      bus.execute(new ExecuteOrganizationCommand('inn', command, SYSTEM_CONTEXT));
    await organization({
      type: 'RegisterOrganization',
      data: { id: 'inn', name: 'Inn', modelId: 'customer-centricity' },
    });
    await organization({
      type: 'AddFunction',
      data: { functionId: 'front-desk', name: 'Front desk', customerFacing: true },
    });
    await bus.execute(
      new ExecuteAssessmentCommand(
        'inn-q1',
        {
          type: 'OpenAssessment',
          data: { assessmentId: 'inn-q1', organizationId: 'inn', title: 'Q1', periodEnd: '2031-03-31' },
        },
        SYSTEM_CONTEXT,
      ),
    );
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("should answer each command's events or refusal with the handler's clock, appending nothing", async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const rating = { functionId: 'front-desk', capabilityId: 'service-recovery', source: 'SELF' as const };
    const decisions = await app.get(AssessmentCommandHandler).dryRun('inn-q1', [
      { type: 'RecordRating', data: { ...rating, level: 3 } },
      { type: 'RecordRating', data: { ...rating, level: 9 } },
      { type: 'CorrectRating', data: { ...rating, level: 2, reason: 'Typed in the wrong column' } },
    ]);

    expect(decisions[0]).toMatchObject({ accepted: true, events: [{ type: 'RatingRecorded' }] });
    expect(decisions[1]).toMatchObject({ accepted: false, refusal: { field: 'level' } });
    expect(decisions[2]).toMatchObject({
      accepted: true,
      events: [{ type: 'RatingCorrected', data: { correctedAt: CLOCK_TIME.toISOString() } }],
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('should refuse every command of an assessment that was never opened', async () => {
    const [decision] = await app
      .get(AssessmentCommandHandler)
      .dryRun('inn-q9', [{ type: 'CloseAssessment' }]);
    expect(decision).toMatchObject({
      accepted: false,
      refusal: { kind: 'not_found', field: 'assessmentId' },
    });
  });
});
