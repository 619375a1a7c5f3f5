import Database from 'better-sqlite3';
import { InMemoryEventStore } from '@app/event-store';
import { ProjectionFailedError, ProjectionLagTimeoutError, ReadModelsUnavailableError } from './errors';
import { ProjectionRunner } from './projection-runner';
import { newEvent, RecordingProjection } from './testing/recording-projection';

describe(ProjectionRunner.name, () => {
  let store: InMemoryEventStore;
  let database: Database.Database;
  let runner: ProjectionRunner | undefined;

  beforeEach(() => {
    store = new InMemoryEventStore();
    database = new Database(':memory:');
  });

  afterEach(async () => {
    await runner?.close();
    runner = undefined;
    await store.close();
    database.close();
  });

  const start = (projections: RecordingProjection[], pageSize = 3): ProjectionRunner => {
    runner = new ProjectionRunner({ store, database, projections, pageSize, waitTimeoutMs: 2000 });
    return runner;
  };

  async function appendMany(count: number, type = 'Counted'): Promise<number> {
    let position = 0;
    for (let index = 0; index < count; index += 1)
      position = (await store.append(`stream-${index % 3}`, [newEvent(type)], { expectedRevision: 'any' }))
        .position;
    return position;
  }

  it('should catch up from the start in pages and give a projection only its event types', async () => {
    await appendMany(5, 'Counted');
    await appendMany(2, 'Ignored');
    const projection = new RecordingProjection('counted', ['Counted']);
    const sut = start([projection]);

    await sut.start();

    expect(projection.rows(database).map((row) => row.type)).toEqual(Array(5).fill('Counted'));
    expect(sut.checkpoint).toBe(7);
    expect(await sut.lag()).toBe(0);
    expect(sut.status().state).toBe('live');
  });

  it('should apply live events and resolve waitFor once it has applied that position', async () => {
    const projection = new RecordingProjection('counted', ['Counted']);
    const sut = start([projection]);
    await sut.start();

    const position = await appendMany(4);
    await sut.waitFor(position);

    expect(projection.rows(database)).toHaveLength(4);
    expect(sut.checkpoint).toBe(position);
  });

  it('should tell listeners after the commit, with the batch', async () => {
    const projection = new RecordingProjection('counted', ['Counted']);
    const sut = start([projection]);
    await sut.start();
    const seen: number[][] = [];
    sut.onApplied((events) => {
      // Committed: the rows are readable when listeners run.
      expect(projection.rows(database).length).toBeGreaterThanOrEqual(events.length);
      seen.push(events.map((event) => event.position));
    });

    await sut.waitFor(await appendMany(2));

    expect(seen.flat()).toEqual([1, 2]);
  });

  it('should start on waitFor when idle, so a query alone brings the read models up to date', async () => {
    const position = await appendMany(3);
    const projection = new RecordingProjection('counted', ['Counted']);
    const sut = start([projection]);

    await sut.waitForHead();

    expect(sut.checkpoint).toBe(position);
  });

  it('should roll a failing batch back whole and fail waits, when a projection throws', async () => {
    await appendMany(2);
    const projection = new RecordingProjection('counted', ['Counted', 'Poison']);
    const sut = start([projection], 10);
    await sut.start();
    projection.failOnType = 'Poison';

    await store.append('stream-0', [newEvent('Counted'), newEvent('Poison')], { expectedRevision: 'any' });

    await expect(sut.waitFor(4)).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(sut.checkpoint).toBe(2);
    expect(projection.rows(database)).toHaveLength(2);
    expect(sut.status()).toMatchObject({ state: 'failed', error: expect.stringContaining('Poison') });
  });

  describe('when the read-model file cannot grow (SQLITE_FULL, as on a full disk)', () => {
    // max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk does; the file system's
    // own ENOSPC is the fault integration spec's (test/faults/read-model-disk-full.int.spec.ts).
    const fillUp = (): void => {
      database.pragma(`max_page_count = ${database.pragma('page_count', { simple: true }) as number}`);
    };
    const freeSpace = (): void => {
      database.pragma('max_page_count = 1073741823');
    };

    /** Waits on the condition, not on a guessed delay; gives up before the test's own timeout. */
    async function until(condition: () => boolean): Promise<void> {
      const deadline = Date.now() + 15_000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error('the condition never held');
        await new Promise((resolve) => setImmediate(resolve));
      }
    }

    it('should retry live batches from the stored checkpoint and apply each event once when space returns', async () => {
      const projection = new RecordingProjection('counted', ['Counted']);
      const sut = start([projection], 50);
      await sut.waitFor(await appendMany(5));
      fillUp();

      const head = await appendMany(1000);
      await until(() => sut.status().state === 'retrying');

      expect(sut.status()).toMatchObject({
        state: 'retrying',
        retryReason: 'disk_full',
        error: expect.stringMatching(/disk is full/),
      });
      const stuckAt = sut.checkpoint;
      expect(stuckAt).toBeLessThan(head);
      expect(projection.rows(database)).toHaveLength(stuckAt);
      // Reads fail now with the reason, rather than after the wait's timeout.
      await expect(sut.waitFor(head)).rejects.toBeInstanceOf(ReadModelsUnavailableError);

      freeSpace();
      await until(() => sut.status().state === 'live' && sut.checkpoint === head);

      expect(projection.rows(database).map((row) => row.position)).toEqual(
        Array.from({ length: head }, (_, index) => index + 1),
      );
      expect(sut.status()).toMatchObject({ state: 'live', error: null, retryReason: null });
      await sut.waitFor(await appendMany(1));
    }, 20_000);

    it('should retry the catch-up at start, keeping the checkpoint, until space returns', async () => {
      const head = await appendMany(1000);
      const projection = new RecordingProjection('counted', ['Counted']);
      const sut = start([projection], 50);
      sut.prepare();
      fillUp();

      const caughtUp = sut.start();
      await until(() => sut.status().state === 'retrying');
      const stuckAt = sut.checkpoint;
      expect(stuckAt).toBeLessThan(head);
      expect(projection.rows(database)).toHaveLength(stuckAt);
      freeSpace();
      await caughtUp;

      expect(sut.checkpoint).toBe(head);
      expect(new Set(projection.rows(database).map((row) => row.position)).size).toBe(head);
      expect(projection.rows(database)).toHaveLength(head);
    }, 20_000);
  });

  it('should time out a wait for a position the store never reaches', async () => {
    const sut = start([new RecordingProjection('counted', ['Counted'])]);
    await sut.start();

    await expect(sut.waitFor(99, 50)).rejects.toBeInstanceOf(ProjectionLagTimeoutError);
  });

  it('should rebuild from scratch with progress and keep tailing afterwards', async () => {
    await appendMany(7);
    const projection = new RecordingProjection('counted', ['Counted']);
    const sut = start([projection]);
    await sut.start();
    const progress: [number, number][] = [];

    const result = await sut.rebuild((done, total) => progress.push([done, total]));

    expect(result.events).toBe(7);
    expect(projection.rows(database)).toHaveLength(7);
    expect(progress.at(0)).toEqual([0, 7]);
    expect(progress.at(-1)).toEqual([7, 7]);
    await sut.waitFor(await appendMany(1));
    expect(projection.rows(database)).toHaveLength(8);
  });

  it('should replay a projection whose version changed, and only that one', async () => {
    await appendMany(4);
    const stable = new RecordingProjection('stable', ['Counted']);
    const first = start([stable, new RecordingProjection('changing', ['Counted'], 1)]);
    await first.start();
    await first.close();
    stable.applyCalls = 0;
    const changed = new RecordingProjection('changing', ['Counted'], 2);

    const second = start([stable, changed]);
    await second.waitForHead();

    expect(changed.rows(database)).toHaveLength(4);
    expect(stable.applyCalls).toBe(0);
    expect(stable.rows(database)).toHaveLength(4);
  });
});
