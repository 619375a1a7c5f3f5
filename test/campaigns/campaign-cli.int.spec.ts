// The office's campaign from the command line, through the built cli on the store of a running api:
// `invite` reads a people file and writes the links (all or none, a refusal naming the file's line),
// a link it wrote works at the api at once, and `campaign` prints the progress.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';

interface QuestionnaireShape {
  answered: number;
  expected: number;
  questions: { functionId: string; capabilityId: string }[];
}

describe('npm run cli -- invite and campaign', () => {
  let files: string;
  let api: ApiProcess;
  const cli = (args: readonly string[]) => runCli(api.dataDir, args);
  const staff = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await postGraphql(api.baseUrl, api.adminToken, query, variables);
    expect(answer.errors).toBeUndefined();
  };
  const people = (name: string, lines: readonly string[]): string => {
    const file = path.join(files, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  const invitationCount = async (): Promise<number> => {
    const answer = await postGraphql<{ invitations: unknown[] }>(
      api.baseUrl,
      api.adminToken,
      '{ invitations(assessmentId: "spring") { id } }',
    );
    return answer.data?.invitations.length ?? -1;
  };

  beforeAll(async () => {
    buildCli();
    files = mkdtempSync(path.join(tmpdir(), 'campaign-cli-'));
    api = await startApi({ dataDir: path.join(files, 'data') });
    await staff('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    for (const [functionId, name] of [
      ['front-desk', 'Front desk'],
      ['housekeeping', 'Housekeeping'],
    ]) {
      await staff('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
        input: { organizationId: 'hotel', functionId, name, customerFacing: true },
      });
    }
    await staff(
      'mutation { openAssessment(input: { organizationId: "hotel", assessmentId: "spring", title: "Spring", periodEnd: "2026-03-31" }) { id } }',
    );
  }, 120_000);
  afterAll(async () => {
    await api.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('should refuse a people file with a bad line, naming the line and column, inviting nobody', async () => {
    const file = people('bad.csv', [
      'label,source,raterFunction,functions',
      'night lead,SELF,,housekeeping',
      '',
      'desk supervisor,PEER,,housekeeping',
    ]);
    const refused = await cli(['invite', '--assessment', 'spring', '--file', file]);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('bad.csv, line 4, column raterFunction');
    expect(refused.stdout).toBe('');
    expect(await invitationCount()).toBe(0);
  }, 60_000);

  it('should write one working link per person, and print the progress', async () => {
    const file = people('people.csv', [
      'label,source,raterFunction,functions',
      'night lead,SELF,,housekeeping',
      'desk supervisor,PEER,front-desk,housekeeping',
    ]);
    const out = path.join(files, 'links.csv');
    const invited = await cli([
      'invite',
      '--assessment',
      'spring',
      '--file',
      file,
      '--out',
      out,
      '--origin',
      'https://maturity.example.org',
    ]);
    expect(invited.stderr).toContain('invited 2 people');
    expect(invited.code).toBe(EXIT.ok);
    const records: string[][] = parse(readFileSync(out, 'utf8'), { bom: true });
    const [header, ...rows] = records;
    expect(header).toEqual([
      'label',
      'respondent',
      'source',
      'raterFunction',
      'functions',
      'capabilities',
      'expiresAt',
      'whoReadsTheAnswers',
      'link',
    ]);
    // Each person's text says who reads their answers, as their questionnaire does.
    expect(rows[0]?.[7]).toMatch(/^Your answers and comments are recorded under a code, not your name/);
    expect(rows[1]?.[7]).toContain('at least 3 people of your group');
    expect(rows.map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
      ['night lead', 'SELF', '', 'housekeeping'],
      ['desk supervisor', 'PEER', 'front-desk', 'housekeeping'],
    ]);
    const link = rows[0]?.at(-1) ?? '';
    expect(link).toMatch(/^https:\/\/maturity\.example\.org\/rate#token=invitation-/);

    // The api learns of invitations another process made as soon as a link is used.
    const token = decodeURIComponent(link.split('#token=')[1] ?? '');
    const opened = await postGraphql<{ questionnaire: QuestionnaireShape }>(
      api.baseUrl,
      token,
      '{ questionnaire { answered expected questions { functionId capabilityId } } }',
    );
    expect(opened.errors).toBeUndefined();
    const first = opened.data?.questionnaire.questions[0];
    const answered = await postGraphql<{ answerQuestion: QuestionnaireShape }>(
      api.baseUrl,
      token,
      'mutation($input: AnswerInput!) { answerQuestion(input: $input) { answered expected } }',
      { input: { functionId: first?.functionId, capabilityId: first?.capabilityId, level: 3 } },
    );
    expect(answered.errors).toBeUndefined();
    const expected = opened.data?.questionnaire.expected ?? 0;
    expect(answered.data?.answerQuestion).toEqual({ answered: 1, expected });
    // Not sure on the second question: counted apart from answered.
    const second = opened.data?.questionnaire.questions[1];
    const setAside = await postGraphql<{ setQuestionAside: { notSure: number } }>(
      api.baseUrl,
      token,
      'mutation($input: SetQuestionAsideInput!) { setQuestionAside(input: $input) { notSure } }',
      { input: { functionId: second?.functionId, capabilityId: second?.capabilityId } },
    );
    expect(setAside.data?.setQuestionAside).toEqual({ notSure: 1 });

    const progress = await cli(['campaign', '--assessment', 'spring']);
    expect(progress.code).toBe(EXIT.ok);
    const lines = progress.stdout.split('\n');
    expect(lines[0]).toBe(
      `assessment spring: 2 invited, 1 started, 0 completed; answered 1 of ${2 * expected}; 1 not sure; 0 finished (answered or not sure on every question)`,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^housekeeping\\s+1\\s+1\\s+${2 * expected}$`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`night lead\\s+SELF\\s+ACTIVE\\s+1\\s+1\\s+${expected}\\s+\\d{4}-`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`desk supervisor\\s+PEER from front-desk\\s+ACTIVE\\s+0\\s+0\\s+${expected}\\s+-$`),
      ),
    );
  }, 120_000);

  it('should list each person once after new links for all (--all lists the revoked ones), and take --org like replay and verify', async () => {
    const listed = await postGraphql<{ invitations: { id: string; status: string }[] }>(
      api.baseUrl,
      api.adminToken,
      '{ invitations(assessmentId: "spring") { id status } }',
    );
    const working = (listed.data?.invitations ?? [])
      .filter(({ status }) => status === 'ACTIVE')
      .map(({ id }) => id);
    expect(working.length).toBeGreaterThan(0);
    await staff(
      'mutation($ids: [ID!]!) { reissueInvitations(assessmentId: "spring", invitationIds: $ids) { token } }',
      { ids: working },
    );
    const rows = (stdout: string) =>
      stdout.split('\n').filter((line) => /\s(ACTIVE|REVOKED|CLOSED|EXPIRED)\s/.test(line));
    const once = await cli(['campaign', '--assessment', 'spring', '--org', 'hotel']);
    expect(once.code).toBe(EXIT.ok);
    expect(rows(once.stdout)).toHaveLength(working.length);
    expect(rows(once.stdout).every((line) => line.includes('ACTIVE'))).toBe(true);
    expect(once.stdout).toContain(`${working.length} revoked link(s) not listed: --all lists them`);
    const all = await cli(['campaign', '--assessment', 'spring', '--all']);
    expect(rows(all.stdout)).toHaveLength(2 * working.length);
    const elsewhere = await cli(['campaign', '--assessment', 'spring', '--org', 'other-hotel']);
    expect(elsewhere.code).toBe(EXIT.refused);
    expect(elsewhere.stderr).toContain('organisation "other-hotel" has no assessment "spring"');
  }, 120_000);

  it('should refuse the progress of an unknown assessment, naming it', async () => {
    const refused = await cli(['campaign', '--assessment', 'autumn']);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('error: --assessment: no assessment "autumn"');
  }, 60_000);
});
