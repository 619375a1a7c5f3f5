// "Not sure" over HTTP against the real api: a rater sets a question aside with their link
// (setQuestionAside), the api keeps it (so any device shows it), counts it apart from answered
// (questionnaire, invitations, campaignProgress and its function rows) and leaves every score as
// it was. Only the rater's own questions, only while the assessment is open, never an answered one.
import { startTestApi, type TestApi } from '../support/test-api';

const ORGANIZATION = 'lake-lodge';
const ASSESSMENT = 'lake-q3';
const INSIGHT = 'customer-insight';
const RECOVERY = 'service-recovery';
const QUESTIONNAIRE_FIELDS = 'answered notSure expected questions { functionId capabilityId answer notSure }';

interface QuestionnaireAnswer {
  answered: number;
  notSure: number;
  expected: number;
  questions: { functionId: string; capabilityId: string; answer: number | null; notSure: boolean }[];
}
interface Issued {
  token: string;
  invitation: { id: string; respondentId: string };
}

describe('Not sure, recorded by the api', () => {
  let api: TestApi;
  const tokens = new Map<string, string>();
  const token = (respondentId: string) => tokens.get(respondentId) ?? null;

  const setAside = (respondentId: string, functionId: string, capabilityId: string) =>
    api.graphql<{ setQuestionAside: QuestionnaireAnswer }>(
      `mutation($input: SetQuestionAsideInput!) { setQuestionAside(input: $input) { ${QUESTIONNAIRE_FIELDS} } }`,
      { input: { functionId, capabilityId } },
      token(respondentId),
    );
  const answer = (respondentId: string, functionId: string, capabilityId: string, level: number) =>
    api.graphql<{ answerQuestion: QuestionnaireAnswer }>(
      `mutation($input: AnswerInput!) { answerQuestion(input: $input) { ${QUESTIONNAIRE_FIELDS} } }`,
      { input: { functionId, capabilityId, level } },
      token(respondentId),
    );
  const questionnaire = async (respondentId: string) =>
    (
      await api.mustQuery<{ questionnaire: QuestionnaireAnswer }>(
        `{ questionnaire { ${QUESTIONNAIRE_FIELDS} } }`,
        {},
        token(respondentId),
      )
    ).questionnaire;
  const notSureOn = (answered: QuestionnaireAnswer) =>
    answered.questions
      .filter((question) => question.notSure)
      .map((question) => `${question.functionId}/${question.capabilityId}`);
  const head = async () =>
    (
      await api.mustQuery<{ assessment: { ratings: unknown[] } }>(
        `{ assessment(id: "${ASSESSMENT}") { ratings { level } } }`,
      )
    ).assessment.ratings.length;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery(
      `mutation { registerOrganization(input: { id: "${ORGANIZATION}", name: "Lake Lodge" }) { id } }`,
    );
    for (const functionId of ['front-desk', 'housekeeping'])
      await api.mustQuery('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
        input: { organizationId: ORGANIZATION, functionId, name: functionId, customerFacing: true },
      });
    await api.mustQuery('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
      input: { organizationId: ORGANIZATION, assessmentId: ASSESSMENT, title: 'Q3', periodEnd: '2026-09-30' },
    });
    const issued = await api.mustQuery<{ inviteRaters: Issued[] }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token invitation { id respondentId } } }',
      {
        input: {
          assessmentId: ASSESSMENT,
          invitations: [
            // The guest rates both functions on two capabilities: 4 questions.
            {
              respondentId: 'guest-1',
              source: 'CUSTOMER',
              functionIds: ['front-desk', 'housekeeping'],
              capabilityIds: [INSIGHT, RECOVERY],
            },
            // The desk manager rates their own function: 2 questions.
            {
              respondentId: 'desk-manager',
              source: 'SELF',
              functionIds: ['front-desk'],
              capabilityIds: [INSIGHT, RECOVERY],
            },
          ],
        },
      },
    );
    for (const { token: secret, invitation } of issued.inviteRaters)
      tokens.set(invitation.respondentId, secret);
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('should record Not sure with the rater’s link and show it in the questionnaire read afresh (another device)', async () => {
    const set = await setAside('guest-1', 'housekeeping', INSIGHT);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setQuestionAside).toMatchObject({ answered: 0, notSure: 1, expected: 4 });
    const read = await questionnaire('guest-1');
    expect(notSureOn(read)).toEqual([`housekeeping/${INSIGHT}`]);
    expect(read.questions.find((question) => question.notSure)?.answer).toBeNull();
    // Setting it aside again changes nothing.
    const again = await setAside('guest-1', 'housekeeping', INSIGHT);
    expect(again.data?.setQuestionAside).toMatchObject({ answered: 0, notSure: 1 });
  });

  it('should reach only the rater’s own questions: another function is FORBIDDEN naming the field, and others see nothing of it', async () => {
    const notAsked = await setAside('desk-manager', 'housekeeping', INSIGHT);
    expect(notAsked.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'functionId' });
    const notAskedCapability = await setAside('desk-manager', 'front-desk', 'self-service');
    expect(notAskedCapability.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'capabilityId',
    });
    expect(notSureOn(await questionnaire('desk-manager'))).toEqual([]);
    // A staff token has no questionnaire: it cannot set one aside either.
    const asAdmin = await api.graphql(
      `mutation { setQuestionAside(input: { functionId: "front-desk", capabilityId: "${INSIGHT}" }) { notSure } }`,
    );
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noToken = await api.graphql(
      `mutation { setQuestionAside(input: { functionId: "front-desk", capabilityId: "${INSIGHT}" }) { notSure } }`,
      {},
      null,
    );
    expect(noToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse to set aside an answered question (CONFLICT naming capabilityId) and let a later answer supersede Not sure', async () => {
    expect((await answer('guest-1', 'front-desk', INSIGHT, 4)).errors).toBeUndefined();
    const ratingsBefore = await head();
    const refused = await setAside('guest-1', 'front-desk', INSIGHT);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'capabilityId',
      reason: 'CAMPAIGN.ALREADY_ANSWERED',
    });
    expect(refused.errors?.[0]?.message).toMatch(/already answered \(level 4\)/);
    expect(
      (await questionnaire('guest-1')).questions.find(
        (q) => q.functionId === 'front-desk' && q.capabilityId === INSIGHT,
      )?.answer,
    ).toBe(4);
    expect(await head()).toBe(ratingsBefore);

    // Not sure on front-desk recovery, then an answer after all: answered, no longer not sure.
    await setAside('guest-1', 'front-desk', RECOVERY);
    const answered = await answer('guest-1', 'front-desk', RECOVERY, 2);
    expect(answered.data?.answerQuestion).toMatchObject({ answered: 2, notSure: 1 });
    expect(notSureOn(await questionnaire('guest-1'))).toEqual([`housekeeping/${INSIGHT}`]);
  });

  it('should count Not sure apart from answered: finished when answered + notSure = expected, completed and scores unchanged', async () => {
    const coverageBefore = (
      await api.mustQuery<{ maturity: { coverage: number } }>(
        `{ maturity(organizationId: "${ORGANIZATION}") { coverage } }`,
      )
    ).maturity.coverage;
    expect((await setAside('guest-1', 'housekeeping', RECOVERY)).errors).toBeUndefined();
    const { campaignProgress } = await api.mustQuery<{ campaignProgress: unknown }>(
      `{ campaignProgress(assessmentId: "${ASSESSMENT}") { invited started completed finished answered notSure expected byFunction { functionId answered notSure expected } } }`,
    );
    // The guest: front desk answered twice, housekeeping not sure twice (4 of 4 done). The desk
    // manager: nothing yet.
    expect(campaignProgress).toEqual({
      invited: 2,
      started: 1,
      completed: 0,
      finished: 1,
      answered: 2,
      notSure: 2,
      expected: 6,
      byFunction: [
        { functionId: 'front-desk', answered: 2, notSure: 0, expected: 4 },
        { functionId: 'housekeeping', answered: 0, notSure: 2, expected: 2 },
      ],
    });
    const { invitations } = await api.mustQuery<{ invitations: unknown[] }>(
      `{ invitations(assessmentId: "${ASSESSMENT}") { respondentId answered notSure expected } }`,
    );
    expect(invitations).toEqual([
      { respondentId: 'guest-1', answered: 2, notSure: 2, expected: 4 },
      { respondentId: 'desk-manager', answered: 0, notSure: 0, expected: 2 },
    ]);
    const coverageAfter = (
      await api.mustQuery<{ maturity: { coverage: number } }>(
        `{ maturity(organizationId: "${ORGANIZATION}") { coverage } }`,
      )
    ).maturity.coverage;
    expect(coverageAfter).toBe(coverageBefore);
  });

  it('should refuse Not sure once the assessment is closed (CONFLICT), and keep showing it', async () => {
    await api.mustQuery(`mutation { closeAssessment(assessmentId: "${ASSESSMENT}") { id } }`);
    const refused = await setAside('desk-manager', 'front-desk', INSIGHT);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'assessmentId' });
    expect(notSureOn(await questionnaire('guest-1'))).toEqual([
      `housekeeping/${INSIGHT}`,
      `housekeeping/${RECOVERY}`,
    ]);
  });
});
