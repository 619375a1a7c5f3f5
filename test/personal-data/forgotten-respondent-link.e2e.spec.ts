// Forgetting a person stops their rater link (docs/reference/personal-data.md): the link is refused
// UNAUTHENTICATED with AUTH.RESPONDENT_FORGOTTEN, so it no longer shows what they answered; the
// invitations read it as REVOKED since the forgetting; and the rule is derived from the
// RespondentForgotten event alone, so it holds after a restart on the same store. The office can
// list whom the organisation forgot (forgottenRespondents, ADMIN and ASSESSOR only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { openFrontDeskAssessment } from './personal-data-fixtures';

const ORGANIZATION = 'forgotten-link-hotel';
const ASSESSMENT = 'forgotten-link-q1';
const QUESTIONNAIRE = '{ questionnaire { answered questions { capabilityId answer } } }';
const INVITATIONS = `{ invitations(assessmentId: "${ASSESSMENT}") { respondentId status revokedAt respondentForgottenAt } }`;
const FORGOTTEN = `{ forgottenRespondents(organizationId: "${ORGANIZATION}") { respondentId forgottenAt } }`;

interface InvitationRow {
  respondentId: string;
  status: string;
  revokedAt: string | null;
  respondentForgottenAt: string | null;
}

// A restart of the api sits inside one test: give it the time a loaded machine needs.
jest.setTimeout(60_000);

describe('A forgotten respondent’s link', () => {
  let dataDir: string;
  let api: TestApi;
  let carolToken: string;
  let daveToken: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-forgotten-link-'));
    api = await startTestApi({ dataDir });
    await openFrontDeskAssessment(api, ORGANIZATION, ASSESSMENT);
    const { inviteRaters } = await api.mustQuery<{ inviteRaters: { token: string }[] }>(
      `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }`,
      {
        input: {
          assessmentId: ASSESSMENT,
          invitations: [
            {
              respondentId: 'carol-r1',
              label: 'Regular guest Tuesday',
              source: 'CUSTOMER',
              functionIds: ['front-desk'],
            },
            { respondentId: 'dave-r2', source: 'SELF', functionIds: ['front-desk'] },
          ],
        },
      },
    );
    [carolToken, daveToken] = inviteRaters.map((issued) => issued.token) as [string, string];
    await api.mustQuery(
      'mutation { answerQuestion(input: { functionId: "front-desk", capabilityId: "customer-insight", level: 2, evidence: "the queue is long" }) { answered } }',
      {},
      carolToken,
    );
  }, 120_000);

  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should be refused with AUTH.RESPONDENT_FORGOTTEN once the person is forgotten, and read as REVOKED in the invitations', async () => {
    // Before: the link shows the answer, and nobody is listed as forgotten.
    const before = await api.mustQuery<{ questionnaire: { answered: number } }>(
      QUESTIONNAIRE,
      {},
      carolToken,
    );
    expect(before.questionnaire.answered).toBe(1);
    expect(await api.mustQuery(FORGOTTEN)).toEqual({ forgottenRespondents: [] });
    const progress = `{ campaignProgress(assessmentId: "${ASSESSMENT}") { invited answered expected } }`;
    const progressBefore = await api.mustQuery<{ campaignProgress: { invited: number; answered: number } }>(
      progress,
    );
    expect(progressBefore.campaignProgress).toMatchObject({ invited: 2, answered: 1 });

    await api.mustQuery(
      `mutation { forgetRespondent(organizationId: "${ORGANIZATION}", respondentId: "carol-r1", reason: "request 2026-201") }`,
    );

    for (const query of [
      QUESTIONNAIRE,
      'mutation { answerQuestion(input: { functionId: "front-desk", capabilityId: "customer-insight", level: 4 }) { answered } }',
    ]) {
      const refused = await api.graphql(query, {}, carolToken);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'AUTH.RESPONDENT_FORGOTTEN',
      });
      expect(refused.errors?.[0]?.message).toMatch(/was forgotten at their request/);
      expect(JSON.stringify(refused)).not.toContain('customer-insight');
    }
    // Nor does the office get a new link for them: their links stay stopped.
    const { invitations: listed } = await api.mustQuery<{
      invitations: { id: string; respondentId: string }[];
    }>(`{ invitations(assessmentId: "${ASSESSMENT}") { id respondentId } }`);
    const carolsInvitation = listed.find((invitation) => invitation.respondentId === 'carol-r1')?.id;
    const reissued = await api.graphql(
      `mutation($id: ID!) { reissueInvitation(invitationId: $id) { token } }`,
      { id: carolsInvitation },
    );
    expect(reissued.data ?? null).toBeNull();
    expect(reissued.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERSONAL_DATA.RESPONDENT_FORGOTTEN',
      field: 'invitationId',
    });
    // The office's progress counts them as a revoked link: not at all.
    const progressAfter = await api.mustQuery<{ campaignProgress: { invited: number; answered: number } }>(
      progress,
    );
    expect(progressAfter.campaignProgress).toMatchObject({ invited: 1, answered: 0 });
    // Another person's link still works.
    const dave = await api.mustQuery<{ questionnaire: { answered: number } }>(QUESTIONNAIRE, {}, daveToken);
    expect(dave.questionnaire.answered).toBe(0);

    const { forgottenRespondents } = await api.mustQuery<{
      forgottenRespondents: { respondentId: string; forgottenAt: string }[];
    }>(FORGOTTEN);
    expect(forgottenRespondents.map((forgotten) => forgotten.respondentId)).toEqual(['carol-r1']);
    const forgottenAt = forgottenRespondents[0]?.forgottenAt;
    const { invitations } = await api.mustQuery<{ invitations: InvitationRow[] }>(INVITATIONS);
    expect(invitations).toEqual([
      {
        respondentId: 'carol-r1',
        status: 'REVOKED',
        revokedAt: forgottenAt,
        respondentForgottenAt: forgottenAt,
      },
      { respondentId: 'dave-r2', status: 'ACTIVE', revokedAt: null, respondentForgottenAt: null },
    ]);
  });

  it('should still refuse the link after a restart on the same store (derived from the forgetting itself)', async () => {
    const { adminToken } = api;
    await api.close();
    api = await startTestApi({ dataDir, config: { adminToken } });
    const refused = await api.graphql(QUESTIONNAIRE, {}, carolToken);
    expect(refused.errors?.[0]?.extensions?.reason).toBe('AUTH.RESPONDENT_FORGOTTEN');
    const { invitations } = await api.mustQuery<{ invitations: InvitationRow[] }>(INVITATIONS);
    expect(invitations.map((invitation) => invitation.status)).toEqual(['REVOKED', 'ACTIVE']);
  });

  it('should list the forgotten respondents to ADMIN and ASSESSOR only', async () => {
    const tokenOf = async (role: string): Promise<string> =>
      (
        await api.mustQuery<{ issueApiToken: { token: string } }>(
          `mutation { issueApiToken(role: ${role}, organizationIds: ["${ORGANIZATION}"], label: "${role} desk") { token } }`,
        )
      ).issueApiToken.token;
    const assessor = await api.graphql<{ forgottenRespondents: { respondentId: string }[] }>(
      FORGOTTEN,
      {},
      await tokenOf('ASSESSOR'),
    );
    expect(assessor.data?.forgottenRespondents.map((forgotten) => forgotten.respondentId)).toEqual([
      'carol-r1',
    ]);
    for (const role of ['PLANNER', 'AUDITOR']) {
      const refused = await api.graphql(FORGOTTEN, {}, await tokenOf(role));
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const unknown = await api.graphql(
      `{ forgottenRespondents(organizationId: "no-such-hotel") { respondentId } }`,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });
});
