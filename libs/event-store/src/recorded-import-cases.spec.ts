// The importRecorded capability, run against each embedded adapter by its own spec file.
import { randomUUID } from 'node:crypto';
import { ImportRefusedError } from './errors';
import { computeEventHash } from './hash-chain';
import type { EventStore, NewEvent, RecordedEvent } from './event-store.port';
import type { RecordedEventImporter } from './recorded-import';

type ImportingStore = EventStore & RecordedEventImporter;

function newEvent(index: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'Happened',
    data: { index, nested: { b: 1, a: [1, 2] } },
    metadata: { actor: 'tester', role: 'ADMIN' },
  };
}

async function recordedSource(open: () => Promise<ImportingStore>): Promise<RecordedEvent[]> {
  const source = await open();
  try {
    for (let index = 0; index < 6; index += 1) {
      await source.append(`stream-${index % 2}`, [newEvent(index), newEvent(index + 100)], {
        expectedRevision: 'any',
      });
    }
    return await source.readAll({ raw: true });
  } finally {
    await source.close();
  }
}

export function describeRecordedImport(adapter: string, open: () => Promise<ImportingStore>): void {
  describe(`${adapter} importRecorded`, () => {
    let events: RecordedEvent[] = [];
    let target: ImportingStore;

    beforeAll(async () => {
      events = await recordedSource(open);
    });

    beforeEach(async () => {
      target = await open();
    });

    afterEach(async () => {
      await target.close();
    });

    it('should write the events exactly as recorded: ids, revisions, metadata, hashes and positions', async () => {
      const result = await target.importRecorded(events, { requireEmptyStore: true });
      expect(result).toEqual({ imported: events.length, position: events.length });
      expect(await target.readAll({ raw: true })).toEqual(events);
      // The chain goes on: an ordinary append after an import links to the imported tip.
      await target.append('stream-0', [newEvent(7)], { expectedRevision: 5 });
      const [appended] = await target.readStream('stream-0', { direction: 'backwards', maxCount: 1 });
      expect(appended?.metadata.prevHash).toBe(
        events.filter((event) => event.stream === 'stream-0').at(-1)?.hash,
      );
    });

    it('should continue the stored chains batch after batch', async () => {
      await target.importRecorded(events.slice(0, 5));
      await target.importRecorded(events.slice(5));
      expect(await target.readAll({ raw: true })).toEqual(events);
    });

    it('should refuse a modified event and write nothing', async () => {
      const forged = events.map((event, index) =>
        index === 3 ? { ...event, data: { ...event.data, index: 99 } } : event,
      );
      await expect(target.importRecorded(forged)).rejects.toThrow(ImportRefusedError);
      expect(await target.headPosition()).toBe(0);
    });

    it('should refuse a batch that skips a revision, or does not continue the stored tip', async () => {
      await expect(target.importRecorded(events.filter((_, index) => index !== 2))).rejects.toThrow(
        /revision/,
      );
      expect(await target.headPosition()).toBe(0);
      await target.importRecorded(events.slice(0, 4));
      await expect(target.importRecorded(events.slice(5))).rejects.toThrow(ImportRefusedError);
      expect(await target.headPosition()).toBe(4);
    });

    it('should refuse a non-empty store when asked to, and an id already stored in its stream', async () => {
      await target.append('other', [newEvent(1)], { expectedRevision: 'no_stream' });
      await expect(target.importRecorded(events, { requireEmptyStore: true })).rejects.toThrow(/not empty/);
      const stored = (await target.readAll({ raw: true }))[0]!;
      // A well-formed next event of that stream (its chain continues), reusing the stored id.
      const unhashed = { ...stored, revision: 1, metadata: { ...stored.metadata, prevHash: stored.hash } };
      const clash = { ...unhashed, hash: computeEventHash(unhashed) };
      await expect(target.importRecorded([clash])).rejects.toThrow(ImportRefusedError);
      expect(await target.headPosition()).toBe(1);
      // The same id in another stream is another event.
      await expect(target.importRecorded([{ ...events[0]!, id: stored.id }])).resolves.toMatchObject({
        imported: 1,
      });
    });
  });
}
