// The cli and the api read one table of failure kinds: a store locked by another process is
// "unavailable" for both, SERVICE_UNAVAILABLE over the api and exit code 5 (retry later) for the
// cli, not the generic failure 1 that scripts cannot tell from a bug.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';

jest.setTimeout(120_000);

describe('A locked store, from the cli (integration)', () => {
  let dataDir: string;

  beforeAll(() => {
    buildCli();
    dataDir = mkdtempSync(path.join(tmpdir(), 'locked-store-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should exit 5 (unavailable) with a message saying what to do', async () => {
    expect((await runCli(dataDir, ['verify'])).code).toBe(EXIT.ok);
    const holder = new Database(path.join(dataDir, 'events.db'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      const run = await runCli(dataDir, ['verify']);
      expect(run.code).toBe(EXIT.unavailable);
      expect(run.stderr).toMatch(/locked by another process/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
