// forgetRespondent (docs/reference/personal-data.md): after the call returns, every evidence the
// respondent gave reads null with evidenceErased everywhere, other respondents' evidence stays,
// levels and scores are as they were, verifyIntegrity passes, and neither the text nor the
// destroyed key is in any file under DATA_DIR, nor in an export or a backup made afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { KeyRecord } from '@app/key-store';
import { filesContaining } from '@app/key-store/testing';
import { startTestApi, type TestApi } from '../support/test-api';
import { buildCli, runCli } from '../audit/cli-runner';
import { keyRecordsOf, numbersOf, openFrontDeskAssessment } from './personal-data-fixtures';

const CAROL = `Carol Jones ${randomUUID()} says the lobby queue is long`;
const DAVE = `Dave ${randomUUID()} says check-in is quick`;

const RATING = `mutation($respondentId: ID, $level: Int!, $evidence: String) {
  recordRating(input: { assessmentId: "forget-q1", functionId: "front-desk", capabilityId: "customer-insight", level: $level, source: CUSTOMER, respondentId: $respondentId, evidence: $evidence }) { id } }`;
const VIEW = `{ maturity(organizationId: "forget-hotel") {
  coverage customerCentricityIndex alignmentIndex
  cells { functionId capabilityId level gap perceptionGap ratingCount ratings { source level respondentId evidence evidenceErased weight } } } }`;

interface CellRatingAnswer {
  respondentId: string | null;
  evidence: string | null;
  evidenceErased: boolean;
}
interface View {
  maturity: { cells: { capabilityId: string; ratings: CellRatingAnswer[] }[] } & Record<string, unknown>;
}

const dataKeys = (dataDir: string): Promise<KeyRecord[]> => keyRecordsOf(dataDir, 'forget-hotel', 'data-key');

const CAROL_KEY = 'forget-hotel/respondent/carol-r1';

describe('forgetRespondent: every evidence of one respondent erased, nothing left behind', () => {
  let api: TestApi;
  let workspace: string;

  beforeAll(async () => {
    buildCli();
    workspace = mkdtempSync(path.join(tmpdir(), 'maturity-forget-'));
    api = await startTestApi();
    await openFrontDeskAssessment(api, 'forget-hotel', 'forget-q1');
    await api.mustQuery(RATING, { respondentId: 'carol-r1', level: 2, evidence: CAROL });
    await api.mustQuery(RATING, { respondentId: 'dave-r2', level: 4, evidence: DAVE });
    // A third customer: the office reads a customer group's answers one by one from three respondents.
    await api.mustQuery(RATING, { respondentId: 'erin-r3', level: 3, evidence: null });
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it("should erase the respondent's evidence everywhere, keep the scores, and leave no trace", async () => {
    const before = await api.mustQuery<View>(VIEW);
    const keysBefore = await dataKeys(api.dataDir);
    const carolKey = keysBefore.find((key) => key.kind === 'data-key' && key.keyId === CAROL_KEY);
    const carolMaterial = Buffer.from(carolKey?.material ?? '', 'base64');
    expect(carolMaterial).toHaveLength(32);
    expect(filesContaining(api.dataDir, carolMaterial)).not.toEqual([]);

    const answer = await api.mustQuery<{ forgetRespondent: boolean }>(
      `mutation { forgetRespondent(organizationId: "forget-hotel", respondentId: "carol-r1", reason: "request 2026-113", commandId: "forget-1") }`,
    );
    expect(answer.forgetRespondent).toBe(true);
    // Right when the call returns, before anything else touches the files.
    expect(filesContaining(api.dataDir, carolMaterial)).toEqual([]);
    expect(filesContaining(api.dataDir, carolKey?.material ?? '')).toEqual([]);
    expect(filesContaining(api.dataDir, CAROL)).toEqual([]);

    const after = await api.mustQuery<View>(VIEW);
    expect(numbersOf(after)).toEqual(numbersOf(before));
    const insight = after.maturity.cells.find((cell) => cell.capabilityId === 'customer-insight');
    expect(insight?.ratings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ respondentId: 'carol-r1', evidence: null, evidenceErased: true }),
        expect.objectContaining({ respondentId: 'dave-r2', evidence: DAVE, evidenceErased: false }),
      ]),
    );
    const { assessment } = await api.mustQuery<{ assessment: { ratings: CellRatingAnswer[] } }>(
      `{ assessment(id: "forget-q1") { ratings { respondentId evidence evidenceErased } } }`,
    );
    expect(assessment.ratings).toEqual(
      expect.arrayContaining([
        { respondentId: 'carol-r1', evidence: null, evidenceErased: true },
        { respondentId: 'dave-r2', evidence: DAVE, evidenceErased: false },
      ]),
    );
    const { history } = await api.mustQuery<{
      history: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
    }>(`{ history(organizationId: "forget-hotel", first: 50) { edges { node { type data } } } }`);
    const carolRecording = history.edges.find(
      (edge) => edge.node.type === 'RatingRecorded' && edge.node.data.respondentId === 'carol-r1',
    );
    expect(carolRecording?.node.data).toMatchObject({ evidence: null, evidenceErased: true, level: 2 });
    const forgotten = history.edges.find((edge) => edge.node.type === 'RespondentForgotten');
    expect(forgotten?.node.data).toMatchObject({ respondentId: 'carol-r1', reason: 'request 2026-113' });

    const { verifyIntegrity } = await api.mustQuery<{ verifyIntegrity: { ok: boolean } }>(
      `{ verifyIntegrity { ok } }`,
    );
    expect(verifyIntegrity.ok).toBe(true);

    // Nothing more can be recorded for a forgotten respondent.
    const refused = await api.graphql(RATING, { respondentId: 'carol-r1', level: 3, evidence: 'again' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ field: 'respondentId' });

    const exported = path.join(workspace, 'export.ndjson');
    expect((await runCli(api.dataDir, ['export', exported])).code).toBe(0);
    expect((await runCli(api.dataDir, ['backup', path.join(workspace, 'backup.db')])).code).toBe(0);
    for (const place of [api.dataDir, workspace]) {
      expect(filesContaining(place, CAROL)).toEqual([]);
      expect(filesContaining(place, carolMaterial)).toEqual([]);
      expect(filesContaining(place, carolKey?.material ?? '')).toEqual([]);
    }
    const daveKey = keysBefore.find(
      (key) => key.kind === 'data-key' && key.keyId === 'forget-hotel/respondent/dave-r2',
    );
    expect(filesContaining(workspace, Buffer.from(daveKey?.material ?? '', 'base64'))).toEqual([
      'backup.db.keys',
    ]);
  }, 120_000);
});
