import { InMemoryEventStore, type EventStore } from '@app/event-store';
import { conflict, type Decider, type DomainEvent } from '@app/domain';
import { InMemoryKeyStore } from '@app/key-store';
import { PersonalData } from '../personal-data/personal-data';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { EventSourcedExecutor } from './event-sourced-executor';
import type { CommandContext } from './command-context';

// A tally: each Add appends one Added event; the state is the list of values added.
type Added = DomainEvent<'Added', { value: number }>;
// Two operations with the same effect, to tell commands apart by operation.
type Add = { type: 'Add' | 'AddAgain'; value: number };
const tally: Decider<Add, Added, number[], { limit: number }> = {
  initialState: () => [],
  decide: (command, state, { limit }) => {
    if (state.length >= limit) throw conflict('the tally is full', 'CONFLICT');
    return [{ type: 'Added', data: { value: command.value } }];
  },
  evolve: (state, event) => [...state, event.data.value],
};

const context = (commandId: string | null): CommandContext => ({
  actor: 'tester',
  role: 'ADMIN',
  commandId,
  correlationId: commandId ?? 'none',
});

describe(EventSourcedExecutor.name, () => {
  let store: EventStore;
  let executor: EventSourcedExecutor;
  const run = (value: number, commandId: string | null = null, limit = 1000) =>
    executor.execute({
      stream: 'tally-1',
      decider: tally,
      command: { type: 'Add', value },
      organizationId: null,
      loadContext: () => Promise.resolve({ limit }),
      context: context(commandId),
      schemaVersions: { Added: 1 },
    });

  beforeEach(() => {
    store = new InMemoryEventStore();
    const personalData = new PersonalData(new InMemoryKeyStore());
    executor = new EventSourcedExecutor(store, new StreamStateLoader(store, personalData), personalData);
  });

  it('should append the decided events and answer with the new state', async () => {
    await run(1);
    const result = await run(2);
    expect(result.state).toEqual([1, 2]);
    expect(result.repeated).toBe(false);
    expect((await store.readStream('tally-1')).map((event) => event.data)).toEqual([
      { value: 1 },
      { value: 2 },
    ]);
  });

  it('should write the command identity into the metadata', async () => {
    await run(7, 'command-7');
    const [event] = await store.readStream('tally-1');
    expect(event?.metadata).toMatchObject({
      actor: 'tester',
      role: 'ADMIN',
      commandId: 'command-7',
      schemaVersion: 1,
    });
  });

  it('should append nothing for a repeated commandId and answer with the current state', async () => {
    await run(1, 'once');
    const headBefore = await store.headPosition();
    const repeated = await run(1, 'once');
    expect(repeated).toMatchObject({ repeated: true, state: [1], position: null });
    expect(await store.headPosition()).toBe(headBefore);
  });

  it('should run a command whose commandId another organisation or operation already used', async () => {
    const runAs = (organizationId: string | null, type: Add['type']) =>
      executor.execute({
        stream: 'tally-1',
        decider: tally,
        command: { type, value: 1 },
        organizationId,
        loadContext: () => Promise.resolve({ limit: 10 }),
        context: context('shared'),
        schemaVersions: {},
      });
    await runAs('alpha', 'Add');
    expect(await runAs('beta', 'Add')).toMatchObject({ repeated: false });
    expect(await runAs('alpha', 'AddAgain')).toMatchObject({ repeated: false });
    expect(await runAs('alpha', 'Add')).toMatchObject({ repeated: true });
    expect(await store.readStream('tally-1')).toHaveLength(3);
  });

  it('should lose no write when many writers append to one stream at once', async () => {
    const writers = Array.from({ length: 40 }, (_, index) => run(index));
    await Promise.all(writers);
    const values = (await store.readStream('tally-1')).map((event) => event.data.value as number);
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index));
  });

  it('should write the commands queued on a stream while its append commits in one append, each answered with its own state', async () => {
    const appendSizes: number[] = [];
    const append = store.append.bind(store);
    jest.spyOn(store, 'append').mockImplementation((stream, events, options) => {
      appendSizes.push(events.length);
      return append(stream, events, options);
    });
    const results = await Promise.all(Array.from({ length: 30 }, (_, index) => run(index)));

    // The first command appends alone; the 29 that queued behind it share the next append.
    expect(appendSizes).toEqual([1, 29]);
    results.forEach((result, index) => {
      expect(result.state).toEqual(Array.from({ length: index + 1 }, (_unused, value) => value));
      expect(result.repeated).toBe(false);
    });
    expect((await store.readStream('tally-1')).map((event) => event.data.value)).toEqual(
      Array.from({ length: 30 }, (_, index) => index),
    );
  });

  it('should refuse only the commands of a batch whose decision fails, and write the others', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((value) => run(value, null, 3)));

    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
    ]);
    expect(results[3]).toMatchObject({ reason: { code: 'CONFLICT', message: 'the tally is full' } });
    expect((await store.readStream('tally-1')).map((event) => event.data.value)).toEqual([1, 2, 3]);
  });

  it('should answer a command sent twice at once once as written and once as a repeat', async () => {
    const [first, second] = await Promise.all([run(1, 'twice'), run(1, 'twice')]);

    expect(first).toMatchObject({ repeated: false, state: [1] });
    expect(second).toMatchObject({ repeated: true, state: [1], position: null });
    expect(await store.readStream('tally-1')).toHaveLength(1);
  });

  it('should decide again on current facts after a conflict', async () => {
    // Two writers race for the last free place: exactly one succeeds, the other is refused by decide.
    const results = await Promise.allSettled([run(1, null, 1), run(2, null, 1)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    expect(await store.readStream('tally-1')).toHaveLength(1);
  });

  it('should decide on events appended by another process after its state was cached', async () => {
    await run(1);
    const personalData = new PersonalData(new InMemoryKeyStore());
    const other = new EventSourcedExecutor(store, new StreamStateLoader(store, personalData), personalData);
    await other.execute({
      stream: 'tally-1',
      decider: tally,
      command: { type: 'Add', value: 2 },
      organizationId: null,
      loadContext: () => Promise.resolve({ limit: 10 }),
      context: context(null),
      schemaVersions: {},
    });
    // The limit of 2 is reached only if this executor sees the other's event.
    await expect(run(3, null, 2)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.readStream('tally-1')).toHaveLength(2);
  });
});
