// The actor the built CLI records for what it writes: --actor, else the user at the terminal; an
// erasure or an ADMIN token nobody can be named for is refused before anything is written.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { buildCli, type CliRun, runCli } from '../audit/cli-runner';
import { EXIT } from '../../apps/cli/src/exit-codes';

const ROOT = path.resolve(__dirname, '..', '..');
// A uid the system has no entry for (some containers run so), with no user in the environment.
const NAMELESS_UID = 65533;

/** The cli run as NAMELESS_UID with USER, LOGNAME and SUDO_USER unset: the system names nobody. */
function runNameless(dataDir: string, args: readonly string[]): Promise<CliRun> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    EVENTSTORE_CONNECTION_STRING: '',
    HOME: dataDir,
  };
  delete environment.USER;
  delete environment.LOGNAME;
  delete environment.SUDO_USER;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args],
      { cwd: ROOT, env: environment, uid: NAMELESS_UID, gid: NAMELESS_UID, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** Every event's type and actor, from a whole-store export. */
async function actorsOf(dataDir: string): Promise<{ type: string; actor: string }[]> {
  const file = path.join(dataDir, 'all.ndjson');
  expect((await runCli(dataDir, ['export', file])).code).toBe(EXIT.ok);
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { type?: string; metadata?: { actor: string } })
    .filter((event) => event.type !== undefined)
    .map((event) => ({ type: event.type ?? '', actor: event.metadata?.actor ?? '' }));
}

describe('the actor the cli records', () => {
  let dataDir: string;

  beforeAll(() => {
    buildCli();
  });
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cli-actor-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should record --actor on a new token, and the user sudo was run by without it', async () => {
    const named = await runCli(dataDir, [
      'token',
      'issue',
      '--role',
      'ADMIN',
      '--actor',
      'alice@example.org',
    ]);
    expect(named.code).toBe(EXIT.ok);
    const unnamed = await runCli(dataDir, ['token', 'issue', '--role', 'ADMIN'], { SUDO_USER: 'bob' });
    expect(unnamed.code).toBe(EXIT.ok);
    const issued = (await actorsOf(dataDir)).filter((event) => event.type === 'ApiTokenIssued');
    expect(issued.map((event) => event.actor)).toEqual(
      expect.arrayContaining(['cli: alice@example.org', `cli: bob@${hostname()}`]),
    );
    expect(issued.map((event) => event.actor)).not.toContain('cli operator');
  }, 120_000);

  it('should say in --help where the actor comes from', async () => {
    for (const command of [
      ['forget', '--help'],
      ['token', 'issue', '--help'],
      ['import', '--help'],
    ]) {
      const help = await runCli(dataDir, command);
      expect(help.stdout).toContain('--actor <name>');
      expect(help.stdout).toMatch(/cli: <user>@<host>/);
    }
  }, 60_000);

  it('should refuse a blank --actor as a usage error, writing nothing', async () => {
    const refused = await runCli(dataDir, ['token', 'issue', '--role', 'ADMIN', '--actor', ' ']);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('--actor must name who runs this');
  }, 60_000);

  // Running as another uid needs root; the refusal itself is also specified in operator-actor.unit.spec.ts.
  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot(
    'should refuse forget and an ADMIN token when the system names nobody and no --actor is given',
    async () => {
      chmodSync(dataDir, 0o777);
      const forget = await runNameless(dataDir, [
        'forget',
        '--org',
        'interlodge',
        '--respondent',
        'r-1',
        '--reason',
        'request 1',
        '--yes',
      ]);
      expect(forget.code).toBe(EXIT.usage);
      expect(forget.stderr).toContain('forget must be attributable');
      expect(forget.stderr).toContain('--actor');
      const token = await runNameless(dataDir, ['token', 'issue', '--role', 'ADMIN']);
      expect(token.code).toBe(EXIT.usage);
      expect(token.stderr).toContain('token issue --role ADMIN must be attributable');
      // Refused before the store was opened: nothing was written.
      expect(await actorsOf(dataDir)).toEqual([]);
    },
    120_000,
  );
});
