// The history read model on real SQLite files: which events it keeps, and pages and counts with
// every filter in SQL as the audit history defines them (types exactly, stream case-sensitive,
// actor case-insensitive as JavaScript lower-cases it, recording time inclusive).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteEventStore, type NewEvent } from '@app/event-store';
import { openReadModelDatabase } from '../read-model-database';
import { ProjectionRunner } from '../projection-runner';
import { newEvent } from '../testing/recording-projection';
import { OrganizationHistoryProjection } from './organization-history.projection';
import { EVERY_EVENT, OrganizationHistoryReader } from './organization-history.reader';

describe('Organisation history read model on SQLite', () => {
  let dataDir: string;
  let minutes: number;
  let store: SqliteEventStore;
  let database: Database.Database;
  let runner: ProjectionRunner;
  let reader: OrganizationHistoryReader;

  const clock = (): Date => new Date(Date.UTC(2024, 0, 1) + (minutes += 1) * 60_000);
  const by = (actor: string, event: NewEvent): NewEvent => ({ ...event, metadata: { actor, role: 'ADMIN' } });

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'organization-history-'));
    minutes = 0;
    store = new SqliteEventStore({ dataDir, clock, pollIntervalMs: 20 });
    database = openReadModelDatabase({ dataDir });
    // Recorded at minutes 1 to 5: hotel's registration (Élodie), an api token (no organisation's
    // history), another hotel, a model, then two of hotel's ratings (an importer).
    await store.append(
      'organization-hotel',
      [
        by(
          'ÉLODIE (token-1)',
          newEvent('OrganizationRegistered', { organizationId: 'hotel', name: 'Hotel' }),
        ),
      ],
      { expectedRevision: 'any' },
    );
    await store.append(
      'api-token-1',
      [newEvent('ApiTokenIssued', { organizationId: 'hotel', tokenId: '1' })],
      {
        expectedRevision: 'any',
      },
    );
    await store.append('organization-inn', [newEvent('OrganizationRegistered', { organizationId: 'inn' })], {
      expectedRevision: 'any',
    });
    await store.append('maturity-model-x', [newEvent('MaturityModelPublished', { id: 'x' })], {
      expectedRevision: 'any',
    });
    await store.append(
      'assessment-hotel-q1',
      [
        by('importer', newEvent('RatingRecorded', { organizationId: 'hotel', assessmentId: 'hotel-q1' })),
        by('importer', newEvent('RatingRecorded', { organizationId: 'hotel', assessmentId: 'hotel-q1' })),
      ],
      { expectedRevision: 'any' },
    );
    runner = new ProjectionRunner({ store, database, projections: [new OrganizationHistoryProjection()] });
    await runner.start();
    await runner.waitForHead();
    reader = new OrganizationHistoryReader(database);
  });

  afterEach(async () => {
    await runner.close();
    await store.close();
    database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const positions = (
    criteria = EVERY_EVENT,
    range: Partial<Parameters<OrganizationHistoryReader['page']>[2]> = {},
  ) =>
    reader.page('hotel', criteria, { afterPosition: 0, limit: 50, ...range }).map((entry) => entry.position);

  it("should keep the events of the organisation's streams, not an api token's or a model's", () => {
    expect(reader.page('hotel', EVERY_EVENT, { afterPosition: 0, limit: 50 })).toEqual([
      { position: 1, stream: 'organization-hotel', revision: 0 },
      { position: 5, stream: 'assessment-hotel-q1', revision: 0 },
      { position: 6, stream: 'assessment-hotel-q1', revision: 1 },
    ]);
    expect(reader.count('hotel', EVERY_EVENT)).toBe(3);
    expect(reader.count('inn', EVERY_EVENT)).toBe(1);
    expect(reader.lastPosition('hotel')).toBe(6);
    expect(reader.lastPosition('nobody')).toBe(0);
  });

  it('should filter in SQL as the history defines each criterion', () => {
    const none = EVERY_EVENT;
    expect(positions({ ...none, types: ['RatingRecorded'] })).toEqual([5, 6]);
    expect(positions({ ...none, stream: 'assessment-' })).toEqual([5, 6]);
    expect(positions({ ...none, stream: 'Assessment-' })).toEqual([]);
    // The caller lower-cases the actor as JavaScript does; SQLite's lower() would miss the É.
    expect(positions({ ...none, actorLowerCase: 'élodie' })).toEqual([1]);
    const third = Date.UTC(2024, 0, 1) + 5 * 60_000;
    expect(positions({ ...none, recordedFrom: third })).toEqual([5, 6]);
    expect(positions({ ...none, recordedTo: third - 1 })).toEqual([1]);
    expect(reader.count('hotel', { ...none, types: ['RatingRecorded'], actorLowerCase: 'import' })).toBe(2);
  });

  it('should page after a position oldest first, before one newest first, and stop at a moment', () => {
    expect(positions(EVERY_EVENT, { afterPosition: 1, limit: 1 })).toEqual([5]);
    expect(positions(EVERY_EVENT, { newestFirst: true, limit: 2 })).toEqual([6, 5]);
    expect(positions(EVERY_EVENT, { newestFirst: true, afterPosition: 5 })).toEqual([1]);
    expect(positions(EVERY_EVENT, { untilPosition: 5 })).toEqual([1, 5]);
  });
});
