// Group commit (ADR 0013): the appends made in one turn of the event loop share one SQLite
// transaction and one fsync, yet each keeps its own expectation, its own result and its own error.
import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuplicateEventIdError, EventStoreDamagedError, WrongExpectedRevisionError } from '../errors';
import { verifyStreamChain } from '../hash-chain';
import { newEvent } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore group commit', () => {
  let dataDir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'group-commit-'));
    store = new SqliteEventStore({ dataDir });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should commit many concurrent appends to different streams in one transaction, each with its own revision and position', async () => {
    const commitsBefore = store.commitCount;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        store.append(`stream-${index}`, [newEvent('Opened'), newEvent('Noted')], {
          expectedRevision: 'no_stream',
        }),
      ),
    );

    expect(store.commitCount - commitsBefore).toBe(1);
    // In call order: the appends' positions follow one another, two events each.
    expect(results).toEqual(
      Array.from({ length: 50 }, (_, index) => ({
        nextExpectedRevision: 1,
        position: 2 * (index + 1),
        written: true,
      })),
    );
    const stored = await store.readStream('stream-49');
    expect(stored.map((event) => [event.revision, event.position])).toEqual([
      [0, 99],
      [1, 100],
    ]);
  });

  it('should fail a conflicting append alone and write the others of its group', async () => {
    await store.append('taken', [newEvent('Opened')], { expectedRevision: 'no_stream' });
    const commitsBefore = store.commitCount;

    const outcomes = await Promise.allSettled([
      store.append('first', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
      store.append('taken', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
      store.append('last', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
    ]);

    expect(store.commitCount - commitsBefore).toBe(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: expect.any(WrongExpectedRevisionError) as unknown });
    expect(await store.readStream('first')).toHaveLength(1);
    expect(await store.readStream('taken')).toHaveLength(1);
    expect(await store.readStream('last')).toHaveLength(1);
    expect(await store.headPosition()).toBe(3);
  });

  it('should roll back only the failing append of a batch that reuses an id, keeping a repeat and the rest', async () => {
    const stored = newEvent('Stored');
    const first = await store.append('ids', [stored], { expectedRevision: 'no_stream' });

    const outcomes = await Promise.allSettled([
      store.append('ids', [newEvent('Next')], { expectedRevision: 0 }),
      // Reuses the stored id inside a new batch: refused, and its first event rolled back with it.
      store.append('ids', [newEvent('Fresh'), stored], { expectedRevision: 'any' }),
      // The very first append again: an idempotent repeat answers as the original did.
      store.append('ids', [stored], { expectedRevision: 'no_stream' }),
      store.append('other', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
    ]);

    expect(outcomes[0]).toMatchObject({
      status: 'fulfilled',
      value: { nextExpectedRevision: 1, written: true },
    });
    expect(outcomes[1]).toMatchObject({
      status: 'rejected',
      reason: expect.any(DuplicateEventIdError) as unknown,
    });
    expect(outcomes[2]).toMatchObject({ status: 'fulfilled', value: { ...first, written: false } });
    expect(outcomes[3]).toMatchObject({ status: 'fulfilled', value: { written: true } });
    const events = await store.readStream('ids', { raw: true });
    expect(events.map((event) => event.type)).toEqual(['Stored', 'Next']);
    expect(verifyStreamChain(events).valid).toBe(true);
  });

  it('should chain appends to one stream within a group on the revisions the earlier ones wrote', async () => {
    const [opened, noted] = await Promise.all([
      store.append('chained', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
      store.append('chained', [newEvent('Noted'), newEvent('Noted')], { expectedRevision: 0 }),
    ]);

    expect(opened.nextExpectedRevision).toBe(0);
    expect(noted.nextExpectedRevision).toBe(2);
    expect(verifyStreamChain(await store.readStream('chained', { raw: true })).valid).toBe(true);
  });

  it('should roll back a lone append whose reused id fails its second INSERT, with the rows of its first', async () => {
    const stored = newEvent('Stored');
    await store.append('lone', [stored], { expectedRevision: 'no_stream' });
    const commitsBefore = store.commitCount;
    // 200 events: the first 128 go in by one statement before the reused id fails the next one.
    const events = Array.from({ length: 200 }, (_, index) => (index === 150 ? stored : newEvent('Filled')));

    await expect(store.append('lone', events, { expectedRevision: 0 })).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );

    expect(store.commitCount).toBe(commitsBefore);
    const inStream = await store.readStream('lone', { raw: true });
    expect(inStream.map((event) => event.type)).toEqual(['Stored']);
    expect(await store.headPosition()).toBe(1);
    await expect(store.append('lone', [stored], { expectedRevision: 'no_stream' })).resolves.toEqual({
      nextExpectedRevision: 0,
      position: 1,
      written: false,
    });
  });

  it('should refuse a lone append and a group alike once the file was replaced, writing neither', async () => {
    await store.append('before', [newEvent('Opened')], { expectedRevision: 'no_stream' });
    const logSize = statSync(`${store.file}-wal`).size;
    const elsewhere = new SqliteEventStore({ dataDir: path.join(dataDir, 'elsewhere') });
    await elsewhere.close();
    renameSync(elsewhere.file, store.file);

    await expect(
      store.append('lone', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(EventStoreDamagedError);
    const group = await Promise.allSettled([
      store.append('first', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
      store.append('second', [newEvent('Opened')], { expectedRevision: 'no_stream' }),
    ]);
    expect(group).toMatchObject([
      { status: 'rejected', reason: expect.any(EventStoreDamagedError) as unknown },
      { status: 'rejected', reason: expect.any(EventStoreDamagedError) as unknown },
    ]);
    // The store's connection still writes to the old file's log: not a byte more went there.
    expect(statSync(`${store.file}-wal`).size).toBe(logSize);
  });

  it('should commit the appends still queued when the store closes, not drop them', async () => {
    const event = newEvent('LastWords');
    const appended = store.append('closing', [event], { expectedRevision: 'no_stream' });
    await store.close();
    await expect(appended).resolves.toMatchObject({ written: true });

    store = new SqliteEventStore({ dataDir });
    expect((await store.readStream('closing')).map((stored) => stored.id)).toEqual([event.id]);
  });
});
