import { type EventStore, EventStoreError } from '@app/event-store';
import { eventStoreAppendDuration } from './metrics';

const instrumented = new WeakSet<EventStore>();

/**
 * Times every append of this store instance. The instance's method is replaced rather than the
 * store wrapped, because callers check the adapter's class (backup needs SQLite, the integrity
 * check asks whether positions are gap-free).
 */
export function instrumentAppends(store: EventStore): void {
  if (instrumented.has(store)) return;
  instrumented.add(store);
  const append = store.append.bind(store);
  store.append = async (stream, events, options) => {
    const stopTimer = eventStoreAppendDuration.startTimer();
    try {
      const result = await append(stream, events, options);
      stopTimer({ outcome: result.written ? 'written' : 'repeat' });
      return result;
    } catch (error) {
      stopTimer({
        outcome:
          error instanceof EventStoreError && error.code !== 'EVENT_STORE.UNAVAILABLE' ? 'refused' : 'failed',
      });
      throw error;
    }
  };
}
