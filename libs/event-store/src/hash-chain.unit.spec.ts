import { InMemoryEventStore } from './memory/in-memory-event-store';
import type { RecordedEvent } from './event-store.port';
import { computeEventHash, verifyStreamChain } from './hash-chain';
import { newEvent } from './testing/event-store-contract';

async function recordedStream(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore({ clock: () => new Date('2024-01-01T00:00:00.000Z') });
  await store.append(
    'assessment-1',
    [newEvent('Started', { n: 0 }), newEvent('Rated', { n: 1 }), newEvent('Rated', { n: 2 })],
    { expectedRevision: 'no_stream' },
  );
  await store.append('assessment-1', [newEvent('Closed', { n: 3 })], { expectedRevision: 2 });
  return store.readStream('assessment-1', { raw: true });
}

describe('verifyStreamChain', () => {
  it('should accept an untouched stream', async () => {
    const events = await recordedStream();
    expect(verifyStreamChain(events)).toEqual({
      valid: true,
      stream: 'assessment-1',
      eventCount: 4,
      lastRevision: 3,
      lastHash: events[3]!.hash,
    });
  });

  it('should accept an empty stream', () => {
    expect(verifyStreamChain([])).toMatchObject({ valid: true, eventCount: 0 });
  });

  it('should report modified data at its revision', async () => {
    const events = await recordedStream();
    events[1] = { ...events[1]!, data: { n: 100 } };
    expect(verifyStreamChain(events)).toMatchObject({ valid: false, revision: 1, reason: 'hash_mismatch' });
  });

  it('should report modified metadata at its revision', async () => {
    const events = await recordedStream();
    events[2] = { ...events[2]!, metadata: { ...events[2]!.metadata, actor: 'someone else' } };
    expect(verifyStreamChain(events)).toMatchObject({ valid: false, revision: 2, reason: 'hash_mismatch' });
  });

  it('should report a deleted event as a revision gap', async () => {
    const events = await recordedStream();
    events.splice(1, 1);
    const result = verifyStreamChain(events);
    expect(result).toMatchObject({ valid: false, revision: 1, reason: 'revision_gap' });
    expect(result.valid ? '' : result.message).toContain('deleted');
  });

  it('should report a deleted event whose successors were renumbered as a broken link', async () => {
    const events = await recordedStream();
    events.splice(1, 1);
    const renumbered = events.map((event, revision) => ({ ...event, revision }));
    expect(verifyStreamChain(renumbered)).toMatchObject({
      valid: false,
      revision: 1,
      reason: 'prev_hash_mismatch',
    });
  });

  it('should report swapped events', async () => {
    const events = await recordedStream();
    const swapped = [events[0]!, { ...events[2]!, revision: 1 }, { ...events[1]!, revision: 2 }, events[3]!];
    expect(verifyStreamChain(swapped)).toMatchObject({
      valid: false,
      revision: 1,
      reason: 'prev_hash_mismatch',
    });
  });

  it('should report a forged hash that does not recompute', async () => {
    const events = await recordedStream();
    events[3] = { ...events[3]!, hash: 'f'.repeat(64) };
    expect(verifyStreamChain(events)).toMatchObject({ valid: false, revision: 3, reason: 'hash_mismatch' });
  });

  it('should verify a stream in pages with the previous hash', async () => {
    const events = await recordedStream();
    const firstPage = verifyStreamChain(events.slice(0, 2));
    const secondPage = verifyStreamChain(events.slice(2), {
      startRevision: 2,
      previousHash: firstPage.valid ? firstPage.lastHash : null,
    });
    expect(secondPage).toMatchObject({ valid: true, lastRevision: 3 });
  });

  it('should not depend on key order when hashing', async () => {
    const [event] = await recordedStream();
    const reordered = { ...event!, data: Object.fromEntries(Object.entries(event!.data).reverse()) };
    expect(computeEventHash(reordered)).toBe(event!.hash);
  });
});
