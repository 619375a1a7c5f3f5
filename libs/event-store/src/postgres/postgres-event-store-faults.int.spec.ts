// What only a real shared server shows: positions gap-free in commit order under many concurrent
// writers, NOTIFY waking other processes' subscriptions, dropped connections and a crashed server.
import { Client } from 'pg';
import { EventStoreUnavailableError, UnsupportedStoreVersionError } from '../errors';
import type { RecordedEvent } from '../event-store.port';
import { verifyStreamChain } from '../hash-chain';
import { eventually, newEvent, uniqueName } from '../testing/event-store-contract';
import { PostgresEventStore } from './postgres-event-store';
import {
  describeWithPostgres,
  type PostgresTestServer,
  startPostgresTestServer,
} from './testing/postgres-test-server';

jest.setTimeout(120_000);

describeWithPostgres('PostgresEventStore under concurrency and faults', () => {
  let server: PostgresTestServer;
  const opened: PostgresEventStore[] = [];

  async function open(connectionString: string, pollIntervalMs = 1000): Promise<PostgresEventStore> {
    const store = await PostgresEventStore.connect({ connectionString, pollIntervalMs });
    opened.push(store);
    return store;
  }

  beforeAll(async () => {
    server = await startPostgresTestServer();
  }, 120_000);

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await server.destroy();
  });

  it('should give gap-free positions in commit order to many concurrent writers, so a tailing reader sees each exactly once', async () => {
    const url = await server.createDatabase();
    const writers = await Promise.all([1, 2, 3, 4].map(() => open(url)));
    const reader = await open(url);
    const seen: number[] = [];
    const writing = { done: false };
    // Reads as a catch-up subscriber does: everything after the last position it saw. With
    // positions that commit out of order it would step over a lower one committed later.
    const tailing = (async () => {
      let after = 0;
      while (!writing.done || after < (await reader.headPosition())) {
        const page = await reader.readAll({ after, maxCount: 50 });
        for (const event of page) seen.push(event.position);
        after = page.at(-1)?.position ?? after;
        if (page.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const appendsPerWriter = 25;
    const concurrentPerStore = 6;
    const acknowledged: number[] = [];
    await Promise.all(
      writers.flatMap((store, writer) =>
        Array.from({ length: concurrentPerStore }, async (_, lane) => {
          for (let index = 0; index < appendsPerWriter; index += 1) {
            const size = 1 + ((index + lane) % 3);
            const result = await store.append(
              `writer-${writer}-${lane}`,
              Array.from({ length: size }, () => newEvent('Raced')),
              { expectedRevision: 'any' },
            );
            for (let offset = size - 1; offset >= 0; offset -= 1) acknowledged.push(result.position - offset);
          }
        }),
      ),
    );
    writing.done = true;
    await tailing;

    const head = await reader.headPosition();
    const expected = Array.from({ length: head }, (_, index) => index + 1);
    expect(head).toBe(acknowledged.length);
    expect(seen).toEqual(expected);
    expect([...acknowledged].sort((left, right) => left - right)).toEqual(expected);
  });

  it('should wake a subscription of another store by NOTIFY, long before its next poll', async () => {
    const url = await server.createDatabase();
    const writer = await open(url);
    const listener = await open(url, 60_000);
    const type = uniqueName('Notified');
    const received: RecordedEvent[] = [];
    const subscription = listener.subscribeToAll({ eventTypes: [type] }, (event) => {
      received.push(event);
    });
    await eventually(() => listener.listening, 'the LISTEN connection');
    const startedAt = Date.now();
    await writer.append(uniqueName('notify'), [newEvent(type)], { expectedRevision: 'no_stream' });
    await eventually(() => received.length === 1, 'the notified event', 5000);

    expect(Date.now() - startedAt).toBeLessThan(1000);
    await subscription.close();
  });

  it('should report dropped connections as unavailable, then reconnect, and keep the subscription delivering', async () => {
    const url = await server.createDatabase();
    const store = await open(url, 200);
    const type = uniqueName('Survived');
    const received: number[] = [];
    const subscription = store.subscribeToAll({ eventTypes: [type] }, (event) => {
      received.push(event.data.n as number);
    });
    const stream = uniqueName('connection');
    await store.append(stream, [newEvent(type, { n: 1 })], { expectedRevision: 'no_stream' });
    await eventually(() => received.length === 1 && store.listening, 'the first event');

    // A session busy in a query while every session is ended under it.
    const inFlight = (async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SELECT pg_sleep(10)');
        return null;
      } catch (error) {
        return error;
      } finally {
        await client.end().catch(() => undefined);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await server.terminateConnections(url)).toBeGreaterThanOrEqual(2);
    expect(await inFlight).toBeInstanceOf(Error);
    // The pool dropped its ended idle connections and opens new ones.
    await expect(
      store.append(stream, [newEvent(type, { n: 2 })], { expectedRevision: 0 }),
    ).resolves.toMatchObject({ written: true });
    await eventually(() => received.length === 2, 'the event after the drop');
    await eventually(() => store.listening, 'the LISTEN connection again');
    await store.append(stream, [newEvent(type, { n: 3 })], { expectedRevision: 1 });
    await eventually(() => received.length === 3, 'the event after reconnecting');

    expect(received).toEqual([1, 2, 3]);
    await subscription.close();
  });

  it('should run a statement again on a fresh connection when the pooled ones were ended while idle', async () => {
    const url = await server.createDatabase();
    const store = await open(url);
    const stream = uniqueName('idle-ended');
    // Several connections wait idle in the pool.
    await Promise.all([1, 2, 3, 4].map(() => store.readStream(stream)));
    await store.append(stream, [newEvent('BeforeTheEnd', { n: 1 })], { expectedRevision: 'no_stream' });
    expect(await server.terminateConnections(url)).toBeGreaterThanOrEqual(2);
    // At once, before the pool has noticed: a failover looks like this to the api.
    await expect(
      store.append(stream, [newEvent('AfterTheEnd', { n: 2 })], { expectedRevision: 0 }),
    ).resolves.toMatchObject({ written: true, nextExpectedRevision: 1 });
    await expect(store.readStream(stream)).resolves.toHaveLength(2);
  });

  it('should say the store is unavailable while the server is down, keep every acknowledged append across its crash, and carry on after', async () => {
    const url = await server.createDatabase();
    const store = await open(url, 200);
    const stream = uniqueName('crash');
    let revision = -1;
    for (let index = 0; index < 20; index += 1) {
      const result = await store.append(stream, [newEvent('Kept', { index })], {
        expectedRevision: revision < 0 ? 'no_stream' : revision,
      });
      revision = result.nextExpectedRevision;
    }
    const type = uniqueName('AfterRestart');
    const received: string[] = [];
    const subscription = store.subscribeToAll({ eventTypes: [type] }, (event) => {
      received.push(event.type);
    });

    await server.stop('immediate');
    try {
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      const failedAppend = store.append(stream, [newEvent('Lost')], { expectedRevision: revision });
      await expect(failedAppend).rejects.toBeInstanceOf(EventStoreUnavailableError);
      // Refused at connect: certainly not written, and the message says so by not hedging.
      await expect(failedAppend).rejects.toThrow(/unavailable.*then retry/);
    } finally {
      await server.start();
    }

    const events = await store.readStream(stream, { raw: true });
    expect(events.map((event) => event.data.index)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(verifyStreamChain(events).valid).toBe(true);
    await store.append(uniqueName('after'), [newEvent(type)], { expectedRevision: 'no_stream' });
    await eventually(() => received.length === 1, 'an event after the restart', 10_000);
    await subscription.close();
  });

  it('should record its layout version and refuse a database from a newer version, leaving it untouched', async () => {
    const url = await server.createDatabase();
    await (await open(url)).close();
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const versions = await client.query<{ version: number }>(
        'SELECT version FROM event_store_schema_version ORDER BY version',
      );
      expect(versions.rows.map((row) => row.version)).toEqual([1, 2]);
      await client.query('INSERT INTO event_store_schema_version (version) VALUES (99)');
      await expect(PostgresEventStore.connect({ connectionString: url })).rejects.toBeInstanceOf(
        UnsupportedStoreVersionError,
      );
      const after = await client.query<{ count: string }>('SELECT count(*) FROM event_store_schema_version');
      expect(after.rows[0]?.count).toBe('3');
    } finally {
      await client.end();
    }
  });
});
