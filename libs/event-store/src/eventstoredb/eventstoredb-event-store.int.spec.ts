import { describeEventStoreContract } from '../testing/event-store-contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim() ?? '';

if (connectionString.length === 0) {
  console.warn(
    'EventStoreDB contract suite SKIPPED: EVENTSTORE_CONNECTION_STRING is not set. Start a server (docker compose up eventstore) and set it, e.g. EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false, to run it.',
  );
  describe.skip('EventStore contract: EventStoreDbEventStore (SKIPPED: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it('runs the shared contract against a real server', () => undefined);
  });
} else {
  describeEventStoreContract(EventStoreDbEventStore.name, {
    create: (options) => EventStoreDbEventStore.connect({ connectionString, ...options }),
    openSecondWriter: () => EventStoreDbEventStore.connect({ connectionString }),
    startsEmptyWithGapFreePositions: false,
    deliveryTimeoutMs: 15000,
  });
}
