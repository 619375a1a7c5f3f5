import { describeEventStoreContract } from '../testing/event-store-contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim() ?? '';

if (connectionString.length === 0) {
  // Named at the end of the run by scripts/skipped-tests-reporter.cjs: a skipped file's console is not shown.
  describe.skip('EventStoreDB contract suite (needs a server: set EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false, e.g. after docker compose --profile single up)', () => {
    it('runs the shared event store contract against a real EventStoreDB', () => undefined);
  });
} else {
  describeEventStoreContract(EventStoreDbEventStore.name, {
    create: (options) => EventStoreDbEventStore.connect({ connectionString, ...options }),
    openSecondWriter: () => EventStoreDbEventStore.connect({ connectionString }),
    startsEmptyWithGapFreePositions: false,
    deliveryTimeoutMs: 15000,
  });
}
