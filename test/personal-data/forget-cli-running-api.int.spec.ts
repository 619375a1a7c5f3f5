// The operator's `forget` from the command line while the api runs on the same store: the api kept
// the assessment's state folded with the opened evidence, and showed the erased text until its
// read models applied the erasure. Its next read after the cli returns must show it erased.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';

const EVIDENCE = 'Desk clerk Hanna Running-Api-4e1 says guests wait an hour for their room';

interface RatingShape {
  respondentId: string | null;
  evidence: string | null;
  evidenceErased: boolean;
}

describe('npm run cli -- forget, on the store of a running api', () => {
  let files: string;
  let api: ApiProcess;
  const staff = async <T>(query: string): Promise<T> => {
    const answer = await postGraphql<T>(api.baseUrl, api.adminToken, query);
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };
  const ratings = async (): Promise<RatingShape[]> =>
    (
      await staff<{ assessment: { ratings: RatingShape[] } }>(
        '{ assessment(id: "spring") { ratings { respondentId evidence evidenceErased } } }',
      )
    ).assessment.ratings;

  beforeAll(async () => {
    buildCli();
    files = mkdtempSync(path.join(tmpdir(), 'forget-running-api-'));
    api = await startApi({ dataDir: path.join(files, 'data') });
    await staff('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    await staff(
      'mutation { addFunction(input: { organizationId: "hotel", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    );
    await staff(
      'mutation { openAssessment(input: { organizationId: "hotel", assessmentId: "spring", title: "Spring", periodEnd: "2026-03-31" }) { id } }',
    );
    await staff(
      `mutation { recordRating(input: { assessmentId: "spring", functionId: "front-desk", capabilityId: "customer-insight", level: 2, source: SELF, respondentId: "hanna-r1", evidence: "${EVIDENCE}" }) { id } }`,
    );
  }, 120_000);

  afterAll(async () => {
    await api.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it("should show the respondent's evidence erased on the api's very next read", async () => {
    // The api reads the assessment, so it keeps its state with the opened evidence.
    expect(await ratings()).toEqual([
      { respondentId: 'hanna-r1', evidence: EVIDENCE, evidenceErased: false },
    ]);
    const forgotten = await runCli(api.dataDir, [
      'forget',
      '--org',
      'hotel',
      '--respondent',
      'hanna-r1',
      '--reason',
      'request 2026-21',
      '--yes',
    ]);
    expect(forgotten.code).toBe(EXIT.ok);
    expect(await ratings()).toEqual([{ respondentId: 'hanna-r1', evidence: null, evidenceErased: true }]);
  }, 120_000);
});
