// The operator's commands against PostgreSQL: demo, verify, export, replay and import through the
// built cli with DATABASE_URL, and the documented pg_dump / pg_restore round trip.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  describeWithPostgres,
  postgresAvailability,
  type PostgresTestServer,
  startPostgresTestServer,
} from '@app/event-store/testing';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';

jest.setTimeout(240_000);

const run = promisify(execFile);

describeWithPostgres('npm run cli -- <command> with DATABASE_URL', () => {
  let server: PostgresTestServer;
  let databaseUrl: string;
  let workspace: string;

  const cli = (args: string[], url = databaseUrl) => runCli(workspace, args, { DATABASE_URL: url });

  async function eventCount(url: string): Promise<number> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query<{ count: string }>('SELECT count(*) FROM events')).rows[0]?.count);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    buildCli();
    workspace = mkdtempSync(path.join(tmpdir(), 'postgres-cli-'));
    server = await startPostgresTestServer();
    databaseUrl = await server.createDatabase();
    const demo = await cli(['demo']);
    expect(demo.code).toBe(EXIT.ok);
    // The events are in PostgreSQL: the next step names the setting that finds them again.
    expect(demo.stderr).toContain('start it with the same DATABASE_URL');
  }, 240_000);

  afterAll(async () => {
    await server.destroy();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('should verify every hash and chain link of the database', async () => {
    const verify = await cli(['verify', '--json']);
    expect(verify.code).toBe(EXIT.ok);
    const report = JSON.parse(verify.stdout) as { ok: boolean; checkedEvents: number };
    expect(report.ok).toBe(true);
    expect(report.checkedEvents).toBe(await eventCount(databaseUrl));
  });

  it('should export every event in global order, and import it into an empty database that verifies the same', async () => {
    const file = path.join(workspace, 'export.ndjson');
    expect((await cli(['export', file])).code).toBe(EXIT.ok);
    // The events, then the keys that seal their personal text.
    const all = readFileSync(file, 'utf8').trim().split('\n');
    const lines = all.filter((line) => !line.startsWith('{"keyRecord":'));
    expect(lines).toHaveLength(await eventCount(databaseUrl));
    expect(all.slice(lines.length).every((line) => line.startsWith('{"keyRecord":'))).toBe(true);
    const positions = lines.map((line) => (JSON.parse(line) as { position: number }).position);
    expect(positions).toEqual([...positions].sort((left, right) => left - right));

    const target = await server.createDatabase();
    expect((await cli(['import', file], target)).code).toBe(EXIT.ok);
    const verify = await cli(['verify', '--json'], target);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checkedEvents: lines.length });
  });

  it('should replay an organisation as it stood at a date', async () => {
    const replay = await cli(['replay', '--org', 'interlodge', '--as-of', '2024-06-30', '--json']);
    expect(replay.code).toBe(EXIT.ok);
    const view = JSON.parse(replay.stdout) as { organizationId: string; cells: unknown[] };
    expect(view.organizationId).toBe('interlodge');
    expect(view.cells.length).toBeGreaterThan(0);
  });

  it('should refuse backup with DATABASE_URL and point to pg_dump', async () => {
    const backup = await cli(['backup', path.join(workspace, 'copy.db')]);
    expect(backup.code).toBe(EXIT.usage);
    expect(backup.stderr).toMatch(/pg_dump/);
    expect(backup.stderr).not.toContain('Backing up');
  });

  it('should restore a pg_dump into a new database that verifies, as docs/operations.md says', async () => {
    const availability = postgresAvailability();
    if (!availability.available) throw new Error(availability.reason);
    const dump = path.join(workspace, 'maturity.dump');
    await run(path.join(availability.binDir, 'pg_dump'), ['--format=custom', `--file=${dump}`, databaseUrl]);
    const restored = await server.createDatabase();
    await run(path.join(availability.binDir, 'pg_restore'), [`--dbname=${restored}`, '--no-owner', dump]);
    const verify = await cli(['verify', '--json'], restored);
    expect(verify.code).toBe(EXIT.ok);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      ok: true,
      checkedEvents: await eventCount(databaseUrl),
    });
  });
});
