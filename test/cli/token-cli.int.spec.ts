// The operator's way to issue, list and revoke API tokens, through the built CLI on a real store.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCli, runCli } from '../audit/cli-runner';
import { EXIT } from '../../apps/cli/src/exit-codes';

// Each test starts the CLI two or three times: seconds each on a busy machine.
describe('npm run cli -- token', () => {
  let dataDir: string;

  beforeAll(() => {
    buildCli();
  });
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'token-cli-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should print a new token once on stdout, store only its hash, and list it without the secret', async () => {
    const issued = await runCli(dataDir, ['token', 'issue', '--role', 'ADMIN', '--label', 'ops laptop']);
    expect(issued.code).toBe(EXIT.ok);
    const token = issued.stdout.trim();
    const [tokenId, secret] = token.split('.');
    expect(secret?.length).toBeGreaterThanOrEqual(43);
    expect(readFileSync(path.join(dataDir, 'events.db')).includes(secret!)).toBe(false);

    const listed = await runCli(dataDir, ['token', 'list']);
    expect(listed.code).toBe(EXIT.ok);
    expect(listed.stdout).toContain(`${tokenId}\tADMIN\tall organisations\tactive\tops laptop`);
    expect(listed.stdout).not.toContain(secret);
  }, 60_000);

  it('should revoke a token', async () => {
    const token = (await runCli(dataDir, ['token', 'issue', '--role', 'ADMIN'])).stdout.trim();
    const tokenId = token.split('.')[0]!;
    expect((await runCli(dataDir, ['token', 'revoke', tokenId])).code).toBe(EXIT.ok);
    expect((await runCli(dataDir, ['token', 'list'])).stdout).toContain(
      `${tokenId}\tADMIN\tall organisations\tREVOKED`,
    );
  }, 60_000);

  it('should refuse a scoped role without organisations, naming the option, with the refused exit code', async () => {
    const refused = await runCli(dataDir, ['token', 'issue', '--role', 'AUDITOR']);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('error: --org must name at least one organisation');
  }, 60_000);
});
