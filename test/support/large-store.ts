// A large store written straight into its file before an api starts on it: `streams` streams of
// `eventsPerStream` chained notes, an event type no read model keeps (so only reading and hashing
// or replaying them costs time).
import { randomUUID } from 'node:crypto';
import { SqliteEventStore, type NewEvent } from '@app/event-store';

export async function writeLargeStore(
  dataDir: string,
  streams: number,
  eventsPerStream: number,
): Promise<void> {
  const store = new SqliteEventStore({ dataDir, integrityCheck: 'none' });
  try {
    for (let stream = 0; stream < streams; stream += 1) {
      const events: NewEvent[] = Array.from({ length: eventsPerStream }, (_, index) => ({
        id: randomUUID(),
        type: 'LoadNoteRecorded',
        data: { note: `note ${index} of a long history`, index },
        metadata: { actor: 'bench', role: 'ADMIN' },
      }));
      await store.append(`load-${stream}`, events, { expectedRevision: 'no_stream' });
    }
  } finally {
    await store.close();
  }
}
