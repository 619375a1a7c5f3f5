import { InMemoryEventStore, type EventStore, type NewEvent } from '@app/event-store';
import type { DomainEvent } from '@app/domain';
import { InMemoryKeyStore } from '@app/key-store';
import { PersonalData } from '../personal-data/personal-data';
import { StreamStateLoader, type StateFolder } from './stream-state-loader';

// A tally: the state is the list of values added.
type Added = DomainEvent<'Added', { value: number }>;
const tally: StateFolder<Added, number[]> = {
  initialState: () => [],
  evolve: (state, event) => [...state, event.data.value],
};
const added = (value: number, commandId: string | null = null): NewEvent => ({
  id: `00000000-0000-4000-8000-${String(value).padStart(12, '0')}`,
  type: 'Added',
  data: { value },
  metadata: { actor: 'tester', role: 'ADMIN', commandId },
});

describe(StreamStateLoader.name, () => {
  let store: EventStore;
  let streams: StreamStateLoader;

  beforeEach(() => {
    store = new InMemoryEventStore();
    streams = new StreamStateLoader(store, new PersonalData(new InMemoryKeyStore()));
  });

  it('should answer the initial state and no revision for a stream that does not exist', async () => {
    expect(await streams.load('tally-1', tally)).toMatchObject({ state: [], revision: null, events: [] });
  });

  it('should fold the whole stream once, then read only the events appended since', async () => {
    await store.append('tally-1', [added(1), added(2)], { expectedRevision: 'no_stream' });
    const first = await streams.load('tally-1', tally);
    expect(first).toMatchObject({ state: [1, 2], revision: 1 });
    expect(first.events).toHaveLength(2);

    // Another process appends: the next load reads that event alone and folds it onto the kept state.
    await store.append('tally-1', [added(3)], { expectedRevision: 1 });
    const second = await streams.load('tally-1', tally);
    expect(second).toMatchObject({ state: [1, 2, 3], revision: 2 });
    expect(second.events.map((event) => event.data)).toEqual([{ value: 3 }]);
  });

  it('should know the ids of the events appended under a commandId', async () => {
    await store.append('tally-1', [added(1, 'command-1'), added(2)], { expectedRevision: 'no_stream' });
    const loaded = await streams.load('tally-1', tally);
    expect([...loaded.commandEventIds]).toEqual([added(1).id]);
  });

  it('should fold afresh for another evolve of the same stream', async () => {
    await store.append('tally-1', [added(1), added(2)], { expectedRevision: 'no_stream' });
    await streams.load('tally-1', tally);
    const total: StateFolder<Added, number> = {
      initialState: () => 0,
      evolve: (state, event) => state + event.data.value,
    };
    expect((await streams.load('tally-1', total)).state).toBe(3);
  });
});
