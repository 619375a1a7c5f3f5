// The organisation index on real SQLite files: the event store's and the read models' own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteEventStore, type NewEvent, type ReadAllOptions } from '@app/event-store';
import type { Projection } from '../projection';
import { openReadModelDatabase } from '../read-model-database';
import { ProjectionRunner } from '../projection-runner';
import { newEvent, RecordingProjection } from '../testing/recording-projection';
import { OrganizationDirectoryProjection } from './organization-directory.projection';
import { OrganizationIndexProjection } from './organization-index.projection';
import { OrganizationIndexReader } from './organization-index.reader';

describe('Organisation index on SQLite', () => {
  let dataDir: string;
  let clockMinutes: number;
  let store: SqliteEventStore;
  let database: Database.Database;
  const runners: ProjectionRunner[] = [];

  const clock = (): Date => new Date(Date.UTC(2024, 0, 1) + (clockMinutes += 1) * 60_000);

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'organization-index-'));
    clockMinutes = 0;
    store = new SqliteEventStore({ dataDir, clock, pollIntervalMs: 20 });
    database = openReadModelDatabase({ dataDir });
  });

  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.close();
    await store.close();
    database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const runnerOn = (
    readModels: Database.Database,
    projections: Projection[] = [new OrganizationIndexProjection(), new OrganizationDirectoryProjection()],
  ): ProjectionRunner => {
    const runner = new ProjectionRunner({ store, database: readModels, projections, pageSize: 50 });
    runners.push(runner);
    return runner;
  };

  const organizationEvents = (organizationId: string): NewEvent[] => [
    newEvent('OrganizationRegistered', {
      organizationId,
      name: organizationId,
      purpose: null,
      valueProposition: null,
      modelId: 'customer-centricity',
      modelVersion: 1,
      registeredAt: '2024-01-01T00:00:00.000Z',
    }),
    newEvent('FunctionAdded', {
      organizationId,
      functionId: 'front-desk',
      name: 'Front desk',
      customerFacing: true,
      partner: false,
    }),
  ];

  const assessmentEvents = (organizationId: string, assessmentId: string, ratings: number): NewEvent[] => [
    newEvent('AssessmentOpened', {
      assessmentId,
      organizationId,
      title: assessmentId,
      periodEnd: '2024-03-31T00:00:00.000Z',
      modelId: 'customer-centricity',
      modelVersion: 1,
      openedAt: '2024-03-31T00:00:00.000Z',
    }),
    ...Array.from({ length: ratings }, (_, index) =>
      newEvent('RatingRecorded', {
        assessmentId,
        organizationId,
        functionId: 'front-desk',
        capabilityId: `capability-${index}`,
        level: (index % 5) + 1,
        source: 'SELF',
        raterFunctionId: null,
        evidence: `evidence ${index}`,
        respondentId: index % 2 === 0 ? null : `respondent-${index}`,
      }),
    ),
  ];

  async function seed(organizations: number, ratingsPerAssessment: number, firstIndex = 0): Promise<number> {
    let position = 0;
    for (let index = firstIndex; index < firstIndex + organizations; index += 1) {
      const organizationId = `hotel-${index}`;
      await store.append(`organization-${organizationId}`, organizationEvents(organizationId), {
        expectedRevision: 'any',
      });
      position = (
        await store.append(
          `assessment-${organizationId}-q1`,
          assessmentEvents(organizationId, `${organizationId}-q1`, ratingsPerAssessment),
          {
            expectedRevision: 'any',
          },
        )
      ).position;
      await store.append(
        'maturity-model-elsewhere',
        [newEvent('MaturityModelPublished', { id: 'elsewhere' })],
        {
          expectedRevision: 'any',
        },
      );
    }
    return position;
  }

  const dump = (readModels: Database.Database): unknown[] =>
    ['organization_events', 'organizations', 'organization_assessments', 'organization_investments'].map(
      (table) => readModels.prepare(`SELECT * FROM ${table} ORDER BY 1`).all(),
    );

  it('should index every event of an organisation, with its position, stream, revision, type and recordedAt', async () => {
    await seed(3, 4);
    await store.append(
      'assessment-hotel-1-q1',
      [
        newEvent('RatingCorrected', {
          assessmentId: 'hotel-1-q1',
          organizationId: 'hotel-1',
          functionId: 'front-desk',
          capabilityId: 'capability-0',
          level: 2,
          source: 'SELF',
          raterFunctionId: null,
          reason: 'recount',
          previousLevel: 1,
          correctedAt: '2024-05-01T00:00:00.000Z',
          respondentId: null,
        }),
      ],
      { expectedRevision: 'any' },
    );
    await runnerOn(database).start();
    const reader = new OrganizationIndexReader(database);
    const stored = (await store.readAll()).filter((event) => event.data.organizationId === 'hotel-1');

    const indexed = reader.eventsOf('hotel-1');

    expect(indexed).toEqual(
      stored.map((event) => ({
        position: event.position,
        stream: event.stream,
        revision: event.revision,
        type: event.type,
        recordedAt: Date.parse(event.metadata.recordedAt),
        data: event.data,
      })),
    );
    expect(reader.organizationIds()).toEqual(['hotel-0', 'hotel-1', 'hotel-2']);
    expect(reader.assessmentIdsOf('hotel-2')).toEqual(['hotel-2-q1']);
    // Transaction time: the correction was recorded by the last append.
    const beforeCorrection = Math.max(...indexed.slice(0, -1).map((event) => event.recordedAt));
    expect(
      reader.eventsOf('hotel-1', { recordedUntil: beforeCorrection }).map((event) => event.type),
    ).not.toContain('RatingCorrected');
    // A reader that holds the events up to a position reads only those after it.
    const held = indexed[5]?.position ?? 0;
    expect(reader.eventsOf('hotel-1', { afterPosition: held })).toEqual(indexed.slice(6));
    // A part at a time: each part a few runs (appends) after what is held, together the whole.
    const parts: (typeof indexed)[] = [];
    for (let part = reader.eventsOf('hotel-1', { runLimit: 2 }); part.length > 0;) {
      parts.push(part);
      part = reader.eventsOf('hotel-1', { afterPosition: part.at(-1)?.position ?? 0, runLimit: 2 });
    }
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat()).toEqual(indexed);
  });

  it('should resume from its checkpoint after a restart instead of replaying everything', async () => {
    await seed(4, 10);
    const projections = (): [
      OrganizationIndexProjection,
      OrganizationDirectoryProjection,
      RecordingProjection,
    ] => [
      new OrganizationIndexProjection(),
      new OrganizationDirectoryProjection(),
      new RecordingProjection('ratings', ['RatingRecorded']),
    ];
    const first = runnerOn(database, projections());
    await first.start();
    const checkpoint = first.checkpoint;
    await first.close();
    const lastPosition = await seed(1, 3, 4);
    const reads: (number | undefined)[] = [];
    const readAll = store.readAll.bind(store);
    jest.spyOn(store, 'readAll').mockImplementation((options: ReadAllOptions = {}) => {
      reads.push(options.after);
      return readAll(options);
    });
    const resumed = projections();
    const applied: number[] = [];
    const apply = resumed[2].apply.bind(resumed[2]);
    jest.spyOn(resumed[2], 'apply').mockImplementation((events, transaction) => {
      applied.push(...events.map((event) => event.position));
      apply(events, transaction);
    });

    const second = runnerOn(database, resumed);
    await second.start();

    expect(reads[0]).toBe(checkpoint);
    expect(applied).toHaveLength(3);
    expect(Math.min(...applied)).toBeGreaterThan(checkpoint);
    expect(second.checkpoint).toBe(lastPosition + 1);
    expect(resumed[2].rows(database)).toHaveLength(4 * 10 + 3);
    expect(new OrganizationIndexReader(database).organizationIds()).toHaveLength(5);
  });

  it('should build the same read model again on rebuild', async () => {
    await seed(5, 20);
    const runner = runnerOn(database);
    await runner.start();
    const before = dump(database);
    const progress: number[] = [];

    const result = await runner.rebuild((done) => progress.push(done));

    expect(result.events).toBe(await store.headPosition());
    expect(dump(database)).toEqual(before);
    expect(progress.at(-1)).toBe(result.events);
  });

  it('should store the checkpoint with what it built: a failed batch leaves neither behind', async () => {
    await seed(2, 5);
    const poisoned = new RecordingProjection('poisoned', ['RatingRecorded']);
    poisoned.failOnType = 'RatingRecorded';
    const runner = runnerOn(database, [new OrganizationIndexProjection(), poisoned]);

    await expect(runner.start()).rejects.toThrow('cannot apply RatingRecorded');

    // Read from a second connection: only what was committed is in the file.
    const reopened = openReadModelDatabase({ dataDir });
    try {
      const checkpoints = reopened
        .prepare('SELECT name, position FROM projection_checkpoints ORDER BY name')
        .all();
      expect(checkpoints).toEqual([
        { name: 'organization-index', position: 0 },
        { name: 'poisoned', position: 0 },
      ]);
      expect(reopened.prepare('SELECT count(*) AS count FROM organization_events').get()).toEqual({
        count: 0,
      });
    } finally {
      reopened.close();
    }
  });

  it('should not apply a batch twice when two processes tail the same read-model file', async () => {
    await seed(3, 5);
    const otherProcess = openReadModelDatabase({ dataDir });
    try {
      const first = runnerOn(database);
      const second = runnerOn(otherProcess);
      await Promise.all([first.start(), second.start()]);
      const position = await seed(2, 5);
      await Promise.all([first.waitFor(position), second.waitFor(position)]);

      const stored = await store.readAll();
      const scoped = stored.filter((event) => typeof event.data.organizationId === 'string');
      const reader = new OrganizationIndexReader(database);
      const indexed = reader.organizationIds().flatMap((organizationId) => reader.eventsOf(organizationId));
      expect(indexed.map((event) => event.position).sort((left, right) => left - right)).toEqual(
        scoped.map((event) => event.position),
      );
    } finally {
      for (const runner of runners.splice(0)) await runner.close();
      otherProcess.close();
    }
  });
});
