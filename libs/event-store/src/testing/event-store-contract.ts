// The contract every event store adapter passes (docs/reference/event-store.md). Each adapter's spec calls
// describeEventStoreContract with a factory. Tests never assume an empty store unless the adapter
// says it starts empty (EventStoreDB is shared): streams and event types are unique per test.
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  EventStoreClosedError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../errors';
import type { EventStore, JsonObject, NewEvent, NewEventMetadata, RecordedEvent } from '../event-store.port';
import { computeEventHash, verifyStreamChain } from '../hash-chain';
import { UpcasterRegistry } from '../upcasting';

export interface ContractStoreOptions {
  clock?: () => Date;
  upcasters?: UpcasterRegistry;
}

export interface EventStoreContractOptions {
  /** A store for one test; closed by the suite. */
  create(options: ContractStoreOptions): Promise<EventStore>;
  /** An independent second writer on the same storage (another connection, client or process). */
  openSecondWriter?(first: EventStore): Promise<EventStore>;
  /** Embedded adapters: a new store is empty and positions are exactly 1, 2, 3, ... */
  startsEmptyWithGapFreePositions: boolean;
  /** How long to wait for a subscription to see events. Default 5000 ms. */
  deliveryTimeoutMs?: number;
}

export const CONTRACT_ACTOR: NewEventMetadata = { actor: 'contract-test', role: 'ADMIN' };

export function newEvent(
  type: string,
  data: JsonObject = {},
  metadata: Partial<NewEventMetadata> = {},
): NewEvent {
  return { id: randomUUID(), type, data, metadata: { ...CONTRACT_ACTOR, ...metadata } };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Resolves once `predicate` holds, polling; rejects after the timeout with the description. */
export async function eventually(
  predicate: () => boolean,
  description: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function expectRejection<ErrorType extends Error>(
  promise: Promise<unknown>,
  errorClass: new (...parameters: never[]) => ErrorType,
): Promise<ErrorType> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as ErrorType;
  }
  throw new Error(`Expected a ${errorClass.name}, but the operation succeeded`);
}

function only<Item>(items: readonly Item[], index: number): Item {
  const item = items[index];
  if (item === undefined) throw new Error(`No item at index ${index} (length ${items.length})`);
  return item;
}

export function describeEventStoreContract(name: string, options: EventStoreContractOptions): void {
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? 5000;

  describe(`EventStore contract: ${name}`, () => {
    const opened: EventStore[] = [];
    const fixedNow = new Date('2024-03-01T09:30:00.000Z');

    async function openStore(storeOptions: ContractStoreOptions = {}): Promise<EventStore> {
      const store = await options.create({ clock: () => fixedNow, ...storeOptions });
      opened.push(store);
      return store;
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
    });

    describe('append and read a stream', () => {
      it('should number revisions from 0 and complete the metadata when appending to a new stream', async () => {
        const store = await openStore();
        const stream = uniqueName('order');
        const events = [
          newEvent('Placed', { amount: 3 }),
          newEvent('Paid', { paid: true }, { commandId: 'command-1', causationId: 'cause-1' }),
        ];
        const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
        const read = await store.readStream(stream);

        expect(result.written).toBe(true);
        expect(result.nextExpectedRevision).toBe(1);
        expect(read.map((event) => [event.id, event.stream, event.revision, event.type, event.data])).toEqual(
          [
            [events[0]?.id, stream, 0, 'Placed', { amount: 3 }],
            [events[1]?.id, stream, 1, 'Paid', { paid: true }],
          ],
        );
        expect(result.position).toBe(only(read, 1).position);
        expect(only(read, 0).metadata).toEqual({
          actor: 'contract-test',
          role: 'ADMIN',
          commandId: null,
          correlationId: events[0]?.id,
          causationId: null,
          recordedAt: fixedNow.toISOString(),
          schemaVersion: 1,
          prevHash: null,
        });
        expect(only(read, 1).metadata).toMatchObject({
          commandId: 'command-1',
          correlationId: 'command-1',
          causationId: 'cause-1',
          prevHash: only(read, 0).hash,
        });
        expect(only(read, 0).dataSchemaVersion).toBe(1);
      });

      it('should return [] when the stream does not exist', async () => {
        const store = await openStore();
        await expect(store.readStream(uniqueName('missing'))).resolves.toEqual([]);
      });

      it('should read forwards and backwards with fromRevision and maxCount', async () => {
        const store = await openStore();
        const stream = uniqueName('counter');
        await store.append(
          stream,
          [0, 1, 2, 3, 4].map((value) => newEvent('Counted', { value })),
          { expectedRevision: 'no_stream' },
        );
        const revisions = (events: RecordedEvent[]): number[] => events.map((event) => event.revision);

        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4]);
        expect(revisions(await store.readStream(stream, { fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards' }))).toEqual([
          4, 3, 2, 1, 0,
        ]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([
          4, 3,
        ]);
        expect(
          revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 2, maxCount: 2 })),
        ).toEqual([2, 1]);
        expect(revisions(await store.readStream(stream, { fromRevision: 9 }))).toEqual([]);
      });

      it('should give readers copies that cannot change stored events', async () => {
        const store = await openStore();
        const stream = uniqueName('copy');
        const data = { nested: { value: 1 } };
        await store.append(stream, [newEvent('Copied', data)], { expectedRevision: 'no_stream' });
        data.nested.value = 2;
        const [first] = await store.readStream(stream);
        (first?.data.nested as { value: number }).value = 3;

        expect((await store.readStream(stream))[0]?.data).toEqual({ nested: { value: 1 } });
      });
    });

    describe('positions', () => {
      it('should give strictly increasing global positions across streams', async () => {
        const store = await openStore();
        const type = uniqueName('Positioned');
        const before = await store.headPosition();
        const streamA = uniqueName('a');
        const streamB = uniqueName('b');
        const first = await store.append(streamA, [newEvent(type), newEvent(type)], {
          expectedRevision: 'no_stream',
        });
        const second = await store.append(streamB, [newEvent(type)], { expectedRevision: 'no_stream' });
        const third = await store.append(streamA, [newEvent(type)], { expectedRevision: 1 });
        const all = await store.readAll({ after: before, eventTypes: [type] });
        const positions = all.map((event) => event.position);

        expect(all.map((event) => [event.stream, event.revision])).toEqual([
          [streamA, 0],
          [streamA, 1],
          [streamB, 0],
          [streamA, 2],
        ]);
        for (let index = 1; index < positions.length; index += 1)
          expect(only(positions, index)).toBeGreaterThan(only(positions, index - 1));
        expect([first.position, second.position, third.position]).toEqual([
          positions[1],
          positions[2],
          positions[3],
        ]);
        expect(await store.headPosition()).toBe(third.position);
        if (options.startsEmptyWithGapFreePositions) {
          expect(before).toBe(0);
          expect(positions).toEqual([1, 2, 3, 4]);
        }
      });
    });

    describe('expected revision', () => {
      async function expectNothingWritten(
        store: EventStore,
        stream: string,
        revisionsBefore: number,
        headBefore: number,
      ): Promise<void> {
        expect(await store.readStream(stream)).toHaveLength(revisionsBefore);
        expect(await store.headPosition()).toBe(headBefore);
      }

      it("should reject 'no_stream' on an existing stream with a typed error and write nothing", async () => {
        const store = await openStore();
        const stream = uniqueName('exists');
        await store.append(stream, [newEvent('Opened')], { expectedRevision: 'no_stream' });
        const head = await store.headPosition();
        const error = await expectRejection(
          store.append(stream, [newEvent('Opened')], { expectedRevision: 'no_stream' }),
          WrongExpectedRevisionError,
        );

        expect(error.code).toBe('EVENT_STORE.WRONG_EXPECTED_REVISION');
        expect([error.stream, error.expected, error.actual]).toEqual([stream, 'no_stream', 0]);
        await expectNothingWritten(store, stream, 1, head);
      });

      it("should accept 'stream_exists' only when the stream exists", async () => {
        const store = await openStore();
        const stream = uniqueName('later');
        const head = await store.headPosition();
        const error = await expectRejection(
          store.append(stream, [newEvent('Noted')], { expectedRevision: 'stream_exists' }),
          WrongExpectedRevisionError,
        );
        expect(error.actual).toBe('no_stream');
        await expectNothingWritten(store, stream, 0, head);

        await store.append(stream, [newEvent('Noted')], { expectedRevision: 'no_stream' });
        await expect(
          store.append(stream, [newEvent('Noted')], { expectedRevision: 'stream_exists' }),
        ).resolves.toMatchObject({ nextExpectedRevision: 1 });
      });

      it('should accept the exact revision and reject a stale or future one, writing nothing', async () => {
        const store = await openStore();
        const stream = uniqueName('exact');
        await store.append(stream, [newEvent('Step'), newEvent('Step')], { expectedRevision: 'no_stream' });
        await expect(
          store.append(stream, [newEvent('Step')], { expectedRevision: 1 }),
        ).resolves.toMatchObject({ nextExpectedRevision: 2, written: true });
        const head = await store.headPosition();

        const stale = await expectRejection(
          store.append(stream, [newEvent('Step')], { expectedRevision: 1 }),
          WrongExpectedRevisionError,
        );
        expect([stale.expected, stale.actual]).toEqual([1, 2]);
        await expectRejection(
          store.append(stream, [newEvent('Step')], { expectedRevision: 7 }),
          WrongExpectedRevisionError,
        );
        await expectRejection(
          store.append(uniqueName('absent'), [newEvent('Step')], { expectedRevision: 0 }),
          WrongExpectedRevisionError,
        );
        await expectNothingWritten(store, stream, 3, head);
      });

      it("should accept 'any' whether or not the stream exists", async () => {
        const store = await openStore();
        const stream = uniqueName('any');
        await expect(
          store.append(stream, [newEvent('Seen')], { expectedRevision: 'any' }),
        ).resolves.toMatchObject({ nextExpectedRevision: 0 });
        await expect(
          store.append(stream, [newEvent('Seen')], { expectedRevision: 'any' }),
        ).resolves.toMatchObject({ nextExpectedRevision: 1 });
      });

      it('should let exactly one of two writers with the same expected revision win', async () => {
        const store = await openStore();
        const other = options.openSecondWriter ? await options.openSecondWriter(store) : store;
        if (other !== store) opened.push(other);
        const stream = uniqueName('race');
        await store.append(stream, [newEvent('Started')], { expectedRevision: 'no_stream' });
        const candidates = [newEvent('Claimed', { by: 'first' }), newEvent('Claimed', { by: 'second' })];
        const outcomes = await Promise.allSettled([
          store.append(stream, [only(candidates, 0)], { expectedRevision: 0 }),
          other.append(stream, [only(candidates, 1)], { expectedRevision: 0 }),
        ]);
        const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const losers = outcomes.flatMap((outcome) =>
          outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
        );

        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(1);
        expect(losers[0]).toBeInstanceOf(WrongExpectedRevisionError);
        const events = await store.readStream(stream);
        expect(events.map((event) => event.revision)).toEqual([0, 1]);
        expect(candidates.map((candidate) => candidate.id)).toContain(events[1]?.id);
        expect(verifyStreamChain(await store.readStream(stream, { raw: true })).valid).toBe(true);
      });
    });

    describe('batches', () => {
      it('should store a batch of 300 events in order, with consecutive revisions and a chain that verifies', async () => {
        const store = await openStore();
        const stream = uniqueName('long');
        const events = Array.from({ length: 300 }, (_, index) => newEvent('Numbered', { index }));

        const result = await store.append(stream, events, { expectedRevision: 'no_stream' });

        const stored = await store.readStream(stream, { raw: true });
        expect(result).toMatchObject({ nextExpectedRevision: 299, written: true });
        expect(stored.map((event) => [event.id, event.revision])).toEqual(
          events.map((event, index) => [event.id, index]),
        );
        expect(result.position).toBe(stored.at(-1)?.position);
        expect(verifyStreamChain(stored).valid).toBe(true);
        if (options.startsEmptyWithGapFreePositions)
          expect(stored.map((event) => event.position)).toEqual(events.map((_, index) => index + 1));
      });

      it('should write nothing of a batch with an invalid event', async () => {
        const store = await openStore();
        const stream = uniqueName('atomic');
        const head = await store.headPosition();
        const batch = [newEvent('Fine'), newEvent('Fine'), { ...newEvent('Broken'), id: 'not-a-uuid' }];

        await expectRejection(store.append(stream, batch, { expectedRevision: 'any' }), InvalidAppendError);
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.headPosition()).toBe(head);
      });

      it('should write nothing of a batch that reuses an id stored earlier in the stream', async () => {
        const store = await openStore();
        const stream = uniqueName('reuse');
        const taken = newEvent('Taken');
        await store.append(stream, [taken, newEvent('Next')], { expectedRevision: 'no_stream' });
        const head = await store.headPosition();

        const error = await expectRejection(
          store.append(stream, [newEvent('Fine'), taken], { expectedRevision: 'any' }),
          DuplicateEventIdError,
        );
        expect(error.eventId).toBe(taken.id);
        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.headPosition()).toBe(head);
      });

      it('should scope idempotency to the stream, as EventStoreDB does: an id stored in another stream is no repeat there', async () => {
        const store = await openStore();
        const shared = newEvent('Shared');
        const owner = uniqueName('owner');
        const other = uniqueName('other');
        await store.append(owner, [shared], { expectedRevision: 'no_stream' });

        const written = await store.append(other, [shared], { expectedRevision: 'no_stream' });
        expect(written).toMatchObject({ nextExpectedRevision: 0, written: true });
        await expect(store.append(other, [shared], { expectedRevision: 'no_stream' })).resolves.toEqual({
          ...written,
          written: false,
        });
        expect((await store.readStream(owner)).map((event) => event.id)).toEqual([shared.id]);
        expect((await store.readStream(other)).map((event) => event.id)).toEqual([shared.id]);
      });

      it('should treat a re-append of the same event ids with the same expectation as already done', async () => {
        const store = await openStore();
        const stream = uniqueName('repeat');
        const batch = [newEvent('Once'), newEvent('Once')];
        const first = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        const next = await store.append(stream, [newEvent('After')], { expectedRevision: 1 });

        await expect(store.append(stream, batch, { expectedRevision: 'no_stream' })).resolves.toEqual({
          ...first,
          written: false,
        });
        await expect(store.append(stream, batch, { expectedRevision: 'any' })).resolves.toEqual({
          ...first,
          written: false,
        });
        const single = [newEvent('Again')];
        const third = await store.append(stream, single, { expectedRevision: 2 });
        await expect(store.append(stream, single, { expectedRevision: 2 })).resolves.toEqual({
          ...third,
          written: false,
        });
        expect(next.written).toBe(true);
        expect((await store.readStream(stream)).map((event) => event.type)).toEqual([
          'Once',
          'Once',
          'After',
          'Again',
        ]);
      });

      it('should reject a re-append under an expectation the original did not meet', async () => {
        const store = await openStore();
        const stream = uniqueName('repeat-stale');
        const batch = [newEvent('Once')];
        await store.append(stream, [newEvent('First')], { expectedRevision: 'no_stream' });
        await store.append(stream, batch, { expectedRevision: 0 });

        await expectRejection(
          store.append(stream, batch, { expectedRevision: 'no_stream' }),
          WrongExpectedRevisionError,
        );
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('read all', () => {
      it('should page with after and maxCount and filter by event type', async () => {
        const store = await openStore();
        const wanted = uniqueName('Wanted');
        const other = uniqueName('Other');
        const before = await store.headPosition();
        await store.append(
          uniqueName('mix'),
          [newEvent(wanted, { n: 1 }), newEvent(other), newEvent(wanted, { n: 2 })],
          { expectedRevision: 'no_stream' },
        );
        await store.append(uniqueName('mix'), [newEvent(other), newEvent(wanted, { n: 3 })], {
          expectedRevision: 'no_stream',
        });

        const all = await store.readAll({ after: before, eventTypes: [wanted, other] });
        expect(all.map((event) => event.type)).toEqual([wanted, other, wanted, other, wanted]);
        const wantedOnly = await store.readAll({ after: before, eventTypes: [wanted] });
        expect(wantedOnly.map((event) => event.data.n)).toEqual([1, 2, 3]);
        const firstPage = await store.readAll({ after: before, eventTypes: [wanted], maxCount: 2 });
        expect(firstPage.map((event) => event.data.n)).toEqual([1, 2]);
        const secondPage = await store.readAll({
          after: only(firstPage, 1).position,
          eventTypes: [wanted],
          maxCount: 2,
        });
        expect(secondPage.map((event) => event.data.n)).toEqual([3]);
        const unfiltered = await store.readAll({ after: before, maxCount: 2 });
        expect(unfiltered.map((event) => event.position)).toEqual(
          all.slice(0, 2).map((event) => event.position),
        );
        expect(await store.readAll({ after: await store.headPosition() })).toEqual([]);
      });
    });

    describe('subscribe to all', () => {
      it('should catch up from a checkpoint, then deliver live events in order', async () => {
        const store = await openStore();
        const type = uniqueName('Ticked');
        const stream = uniqueName('clock');
        await store.append(
          stream,
          [newEvent(type, { n: 0 }), newEvent(type, { n: 1 }), newEvent(type, { n: 2 })],
          { expectedRevision: 'no_stream' },
        );
        const [checkpoint] = await store.readStream(stream);
        const received: number[] = [];
        const subscription = store.subscribeToAll(
          { after: checkpoint?.position ?? 0, eventTypes: [type] },
          async (event) => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            received.push(event.data.n as number);
          },
        );
        await eventually(() => received.length === 2, 'the catch-up events', deliveryTimeoutMs);
        await store.append(stream, [newEvent(type, { n: 3 })], { expectedRevision: 2 });
        await store.append(stream, [newEvent(type, { n: 4 }), newEvent(type, { n: 5 })], {
          expectedRevision: 3,
        });
        await eventually(() => received.length === 5, 'the live events', deliveryTimeoutMs);
        await subscription.close();
        await expect(subscription.done).resolves.toBeUndefined();

        expect(received).toEqual([1, 2, 3, 4, 5]);
      });

      it('should deliver only the filtered event types', async () => {
        const store = await openStore();
        const wanted = uniqueName('Kept');
        const skipped = uniqueName('Skipped');
        const after = await store.headPosition();
        const received: string[] = [];
        const subscription = store.subscribeToAll({ after, eventTypes: [wanted] }, (event) => {
          received.push(event.type);
        });
        await store.append(
          uniqueName('filter'),
          [newEvent(skipped), newEvent(wanted), newEvent(skipped), newEvent(wanted)],
          { expectedRevision: 'no_stream' },
        );
        await eventually(() => received.length === 2, 'the filtered events', deliveryTimeoutMs);
        await subscription.close();

        expect(received).toEqual([wanted, wanted]);
      });

      it('should wait for the handler before delivering the next event, and close after it finishes', async () => {
        const store = await openStore();
        const type = uniqueName('Slow');
        const after = await store.headPosition();
        const log: string[] = [];
        let release: () => void = () => undefined;
        const subscription = store.subscribeToAll({ after, eventTypes: [type] }, async (event) => {
          log.push(`start ${JSON.stringify(event.data.n)}`);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          log.push(`end ${JSON.stringify(event.data.n)}`);
        });
        await store.append(uniqueName('slow'), [newEvent(type, { n: 1 }), newEvent(type, { n: 2 })], {
          expectedRevision: 'no_stream',
        });
        await eventually(() => log.length === 1, 'the first handler call', deliveryTimeoutMs);
        const closing = subscription.close();
        let closed = false;
        void closing.then(() => {
          closed = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(closed).toBe(false);
        release();
        await closing;

        expect(log).toEqual(['start 1', 'end 1']);
      });

      it('should reject done with the error when the handler throws, and stop delivering', async () => {
        const store = await openStore();
        const type = uniqueName('Failing');
        const after = await store.headPosition();
        const calls: number[] = [];
        const subscription = store.subscribeToAll({ after, eventTypes: [type] }, (event) => {
          calls.push(event.data.n as number);
          if (event.data.n === 1) throw new Error('projection failed');
        });
        await store.append(uniqueName('failing'), [newEvent(type, { n: 1 }), newEvent(type, { n: 2 })], {
          expectedRevision: 'no_stream',
        });

        await expect(subscription.done).rejects.toThrow('projection failed');
        expect(calls).toEqual([1]);
        await subscription.close();
      });
    });

    describe('integrity chain', () => {
      it('should link each event to the previous hash and recompute every hash', async () => {
        const store = await openStore();
        const stream = uniqueName('chain');
        await store.append(
          stream,
          [newEvent('Linked', { n: 1 }), newEvent('Linked', { n: 2, text: 'é "quoted"' })],
          { expectedRevision: 'no_stream' },
        );
        await store.append(stream, [newEvent('Linked', { list: [3, { b: 1, a: 2 }] })], {
          expectedRevision: 1,
        });
        const events = await store.readStream(stream, { raw: true });

        expect(events.map((event) => event.metadata.prevHash)).toEqual([
          null,
          events[0]?.hash,
          events[1]?.hash,
        ]);
        for (const event of events) {
          expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(computeEventHash(event)).toBe(event.hash);
        }
        expect(verifyStreamChain(events)).toMatchObject({
          valid: true,
          eventCount: 3,
          lastHash: events[2]?.hash,
        });
      });
    });

    describe('upcasting', () => {
      it('should upcast old schema versions on read, keep the recorded version, and bypass it when raw', async () => {
        const upcasters = new UpcasterRegistry()
          .register('Renamed', 1, (data) => ({ fullName: data.name ?? null }))
          .register('Renamed', 2, (data) => ({ ...data, language: 'en' }));
        const store = await openStore({ upcasters });
        const stream = uniqueName('upcast');
        const type = 'Renamed';
        await store.append(
          stream,
          [
            newEvent(type, { name: 'Ada' }, { schemaVersion: 1 }),
            newEvent(type, { fullName: 'Grace' }, { schemaVersion: 2 }),
            newEvent(type, { fullName: 'Edsger', language: 'nl' }, { schemaVersion: 3 }),
          ],
          { expectedRevision: 'no_stream' },
        );
        const read = await store.readStream(stream);
        const raw = await store.readStream(stream, { raw: true });

        expect(read.map((event) => event.data)).toEqual([
          { fullName: 'Ada', language: 'en' },
          { fullName: 'Grace', language: 'en' },
          { fullName: 'Edsger', language: 'nl' },
        ]);
        expect(read.map((event) => [event.metadata.schemaVersion, event.dataSchemaVersion])).toEqual([
          [1, 3],
          [2, 3],
          [3, 3],
        ]);
        expect(raw.map((event) => [event.data, event.dataSchemaVersion])).toEqual([
          [{ name: 'Ada' }, 1],
          [{ fullName: 'Grace' }, 2],
          [{ fullName: 'Edsger', language: 'nl' }, 3],
        ]);
        expect(verifyStreamChain(raw).valid).toBe(true);
        const fromAll = await store.readAll({
          after: only(read, 0).position - 1,
          maxCount: 1,
          eventTypes: [type],
        });
        expect(fromAll[0]?.data).toEqual({ fullName: 'Ada', language: 'en' });
      });
    });

    describe('lifecycle', () => {
      it('should refuse appends after close', async () => {
        const store = await options.create({});
        await store.close();
        await expectRejection(
          store.append(uniqueName('closed'), [newEvent('Late')], { expectedRevision: 'any' }),
          EventStoreClosedError,
        );
      });
    });
  });
}
