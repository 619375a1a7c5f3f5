// `forget --org --respondent --reason`: the operator's forgetRespondent, through the built CLI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { buildCli, runCli } from '../audit/cli-runner';
import { EXIT } from '../../apps/cli/src/exit-codes';

describe('npm run cli -- forget', () => {
  let dataDir: string;

  beforeAll(async () => {
    buildCli();
    dataDir = mkdtempSync(path.join(tmpdir(), 'forget-cli-'));
    expect((await runCli(dataDir, ['demo'])).code).toBe(EXIT.ok);
  }, 120_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should refuse to forget without confirmation when not at a terminal, writing nothing', async () => {
    const refused = await runCli(dataDir, [
      'forget',
      '--org',
      'interlodge',
      '--respondent',
      'r-17',
      '--reason',
      'request 1',
    ]);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toMatch(/--yes/);
  }, 60_000);

  it('should record the forgetting with --yes, and verify afterwards', async () => {
    const forgotten = await runCli(
      dataDir,
      [
        'forget',
        '--org',
        'interlodge',
        '--respondent',
        'receptionist-3',
        '--reason',
        'request 2026-113',
        '--yes',
      ],
      { SUDO_USER: 'dpo-alice' },
    );
    expect(forgotten.code).toBe(EXIT.ok);
    expect(forgotten.stderr).toContain('forgot respondent receptionist-3 of interlodge');
    const exported = path.join(dataDir, 'interlodge.ndjson');
    expect((await runCli(dataDir, ['export', '--org', 'interlodge', exported])).code).toBe(EXIT.ok);
    const record = readFileSync(exported, 'utf8')
      .split('\n')
      .find((line) => line.includes('"type":"RespondentForgotten"'));
    expect(JSON.parse(record ?? '{}')).toMatchObject({
      stream: 'organization-interlodge',
      data: { organizationId: 'interlodge', respondentId: 'receptionist-3', reason: 'request 2026-113' },
      metadata: { actor: `cli: dpo-alice@${hostname()}` },
    });
    expect((await runCli(dataDir, ['verify'])).code).toBe(EXIT.ok);
  }, 120_000);

  it('should refuse a respondent the organisation never saw (a mistyped id), naming the option and writing nothing', async () => {
    const exported = path.join(dataDir, 'before-mistyped.ndjson');
    expect((await runCli(dataDir, ['export', '--org', 'interlodge', exported])).code).toBe(EXIT.ok);
    const refused = await runCli(dataDir, [
      'forget',
      '--org',
      'interlodge',
      '--respondent',
      'receptionist-33',
      '--reason',
      'request 2026-114',
      '--yes',
    ]);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toMatch(/--respondent: no respondent "receptionist-33"/);
    expect(refused.stderr).not.toMatch(/forgot respondent/);
    const after = path.join(dataDir, 'after-mistyped.ndjson');
    expect((await runCli(dataDir, ['export', '--org', 'interlodge', after])).code).toBe(EXIT.ok);
    expect(readFileSync(after, 'utf8')).toBe(readFileSync(exported, 'utf8'));
  }, 120_000);

  it('should refuse an unknown organisation, naming the option', async () => {
    const refused = await runCli(dataDir, [
      'forget',
      '--org',
      'no-such-org',
      '--respondent',
      'r-1',
      '--reason',
      'x',
      '--yes',
    ]);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toMatch(/--org\b/);
    expect(refused.stderr).not.toMatch(/organizationId/);
  }, 60_000);
});
