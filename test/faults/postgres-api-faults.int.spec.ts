// The built api on PostgreSQL as operators run it: JSON logs with request ids, readiness that
// follows the database through a restart, and SIGTERM under write load closing everything cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  describeWithPostgres,
  type PostgresTestServer,
  startPostgresTestServer,
} from '@app/event-store/testing';
import { startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { RECORD_RATING, setUpHotel } from './fault-fixtures';

jest.setTimeout(240_000);

describeWithPostgres('The api on PostgreSQL (fault)', () => {
  let server: PostgresTestServer;
  const directories: string[] = [];

  const dataDir = (): string => {
    const directory = mkdtempSync(path.join(tmpdir(), 'postgres-api-'));
    directories.push(directory);
    return directory;
  };

  async function query<Row extends Record<string, unknown>>(
    url: string,
    text: string,
    values: unknown[] = [],
  ): Promise<Row[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<Row>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    server = await startPostgresTestServer();
  }, 120_000);

  afterAll(async () => {
    await server.destroy();
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  it('should log one JSON object a line, each request line with its request id', async () => {
    const api = await startApi({
      dataDir: dataDir(),
      env: { DATABASE_URL: await server.createDatabase(), LOG_LEVEL: 'info' },
    });
    try {
      const answer = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${api.adminToken}`,
          'x-request-id': 'req-7f3a',
        },
        body: JSON.stringify({ query: '{ maturityModels { id } }' }),
      });
      expect(answer.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await api.stop();
    }
    const lines = api
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const records = lines.map(
      (line) => JSON.parse(line) as { level: number; msg: string; req?: { id: string }; context?: string },
    );
    expect(records.length).toBeGreaterThanOrEqual(2);
    for (const record of records)
      expect(record).toEqual(expect.objectContaining({ level: expect.any(Number), msg: expect.any(String) }));
    expect(records.find((record) => record.req?.id === 'req-7f3a')).toMatchObject({
      msg: 'request completed',
    });
    // Nest's own lines go through the same logger, with their context as a field.
    expect(records.some((record) => record.context === 'api' && /^serving http/.test(record.msg))).toBe(true);
    // Its start-up chatter (a line per module and route) is at debug, below LOG_LEVEL=info.
    expect(records.filter((record) => record.context === 'InstanceLoader')).toEqual([]);
  });

  it('should turn not ready while the database is down and ready again after it restarts, still writing', async () => {
    const api = await startApi({ dataDir: dataDir(), env: { DATABASE_URL: await server.createDatabase() } });
    const readiness = async (): Promise<number> => (await fetch(`${api.baseUrl}/health/ready`)).status;
    const waitFor = async (status: number): Promise<void> => {
      const deadline = Date.now() + 30_000;
      while ((await readiness()) !== status) {
        if (Date.now() > deadline) throw new Error(`/health/ready never answered ${status}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    try {
      await waitFor(200);
      await server.stop('fast');
      try {
        await waitFor(503);
        expect((await fetch(`${api.baseUrl}/health/live`)).status).toBe(200);
        const body = (await (await fetch(`${api.baseUrl}/health/ready`)).json()) as {
          message: { reason: string };
        };
        expect(JSON.stringify(body)).toMatch(/event store does not answer/);
      } finally {
        await server.start();
      }
      await waitFor(200);
      const answer = await postGraphql(
        api.baseUrl,
        api.adminToken,
        'mutation { registerOrganization(input: { id: "after-restart", name: "Hotel" }) { id } }',
      );
      expect(answer.errors).toBeUndefined();
    } finally {
      await api.stop();
    }
  });

  it('should keep every acknowledged write and leave no database session behind when stopped by SIGTERM under load', async () => {
    const url = await server.createDatabase();
    const api = await startApi({ dataDir: dataDir(), env: { DATABASE_URL: url } });
    const hotel = await setUpHotel(api.baseUrl, api.adminToken, 4);
    const acknowledged: string[] = [];
    let running = true;
    const writers = hotel.functionIds.map(async (functionId, writer) => {
      for (let index = 0; running; index += 1) {
        const commandId = `sigterm-${writer}-${index}`;
        const answer = await postGraphql(api.baseUrl, api.adminToken, RECORD_RATING, {
          input: {
            assessmentId: hotel.assessmentIds[0],
            functionId,
            capabilityId: hotel.capabilityIds[index % hotel.capabilityIds.length],
            level: (index % 5) + 1,
            source: 'SELF',
            commandId,
          },
        }).catch(() => null);
        if (answer === null) return;
        if (!answer.errors?.length && answer.data) acknowledged.push(commandId);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const pid = api.process.pid;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      api.process.once('exit', (code, signal) => {
        resolve({ code, signal });
      }),
    );
    api.process.kill('SIGTERM');
    const exit = await exited;
    running = false;
    await Promise.all(writers);

    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(acknowledged.length).toBeGreaterThan(10);
    const stored = new Set(
      (
        await query<{ command_id: string | null }>(
          url,
          "SELECT metadata::json->>'commandId' AS command_id FROM events",
        )
      ).map((row) => row.command_id),
    );
    expect(acknowledged.filter((commandId) => !stored.has(commandId))).toEqual([]);
    const sessions = await query<{ count: string }>(
      url,
      'SELECT count(*) FROM pg_stat_activity WHERE application_name = $1',
      [`maturity:${String(pid)}`],
    );
    expect(sessions[0]?.count).toBe('0');
  });
});
