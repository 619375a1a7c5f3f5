// `verify --org` on PostgreSQL after an event was deleted with plain SQL: the last event of one of
// the organisation's streams mid-store, and the store's very last event. The head is a counter on
// PostgreSQL, so the organisation's check sees both without a kept fingerprint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeWithPostgres,
  type PostgresTestServer,
  startPostgresTestServer,
  withClient,
} from '@app/event-store/testing';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';

jest.setTimeout(240_000);

describeWithPostgres('verify --org on a PostgreSQL database missing an event', () => {
  let server: PostgresTestServer;
  let pristine: string;
  let workspace: string;
  let copies = 0;

  const cli = (args: string[], url: string) => runCli(workspace, args, { DATABASE_URL: url });

  /** A copy of the demo database with one statement run on it. */
  async function tamperedCopy(statement: string): Promise<string> {
    copies += 1;
    const name = `tampered_${copies}`;
    await withClient(server.adminUrl, (client) =>
      client.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(pristine).pathname.slice(1)}`),
    );
    const url = new URL(pristine);
    url.pathname = `/${name}`;
    await withClient(url.toString(), (client) => client.query(statement));
    return url.toString();
  }

  beforeAll(async () => {
    buildCli();
    workspace = mkdtempSync(path.join(tmpdir(), 'postgres-verify-org-'));
    server = await startPostgresTestServer();
    pristine = await server.createDatabase();
    expect((await cli(['demo'], pristine)).code).toBe(EXIT.ok);
  }, 240_000);

  afterAll(async () => {
    await server.destroy();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('should pass the untouched demo and print a fingerprint', async () => {
    const verify = await cli(['verify', '--org', 'interlodge', '--json'], pristine);
    expect(verify.code).toBe(EXIT.ok);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      ok: true,
      limit: null,
      fingerprint: { text: /^v2:org=/ },
    });
  });

  it("should fail when the last event of one of its investments' streams was deleted mid-store", async () => {
    const url = await tamperedCopy(
      `DELETE FROM events WHERE position = (
         SELECT e.position FROM events e
          WHERE e.stream LIKE 'investment-%'
            AND e.revision = (SELECT MAX(f.revision) FROM events f WHERE f.stream = e.stream)
            AND e.position < (SELECT MAX(position) FROM events)
          ORDER BY e.position LIMIT 1)`,
    );
    const verify = await cli(['verify', '--org', 'interlodge'], url);
    expect(verify.code).toBe(EXIT.integrityBroken);
    expect(verify.stderr).toContain('hold no event');
  });

  it("should fail when the store's last event was deleted", async () => {
    const url = await tamperedCopy('DELETE FROM events WHERE position = (SELECT MAX(position) FROM events)');
    const verify = await cli(['verify', '--org', 'interlodge'], url);
    expect(verify.code).toBe(EXIT.integrityBroken);
    expect(verify.stderr).toContain('hold no event');
  });
});
