import { describeEventStoreContract } from '../testing/event-store-contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract(InMemoryEventStore.name, {
  create: (options) => Promise.resolve(new InMemoryEventStore(options)),
  startsEmptyWithGapFreePositions: true,
});
