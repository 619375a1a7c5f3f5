// Withdrawing an assessment opened by mistake, over HTTP against the real api on a real SQLite
// file: who may, every refusal with its code and field (writing nothing), a repeat by commandId,
// and what a withdrawal does to the views, the audit history and the rater links.
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

interface AssessmentAnswer {
  id: string;
  status: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}
interface ViewAnswer {
  coverage: number;
  cells: { functionId: string; capabilityId: string; level: number | null }[];
}

const WITHDRAW = `mutation($a: ID!, $reason: String!, $c: ID) {
  withdrawAssessment(assessmentId: $a, reason: $reason, commandId: $c) { id status withdrawnAt withdrawalReason } }`;
const MATURITY = `query($o: ID!, $knownAt: DateTime) {
  maturity(organizationId: $o, knownAt: $knownAt) { coverage cells { functionId capabilityId level } } }`;

/** The one cell these tests rate. */
const CELL = { functionId: 'front-desk', capabilityId: 'customer-insight', source: 'SELF' };

const pause = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('Withdrawing an assessment over GraphQL', () => {
  let api: TestApi;
  let store: EventStore;
  const head = (): Promise<number> => store.headPosition();
  const tokens: Record<'ASSESSOR' | 'PLANNER' | 'AUDITOR', string> = {
    ASSESSOR: '',
    PLANNER: '',
    AUDITOR: '',
  };

  const withdraw = (assessmentId: string, reason: string, token?: string, commandId?: string) =>
    api.graphql<{ withdrawAssessment: AssessmentAnswer }>(
      WITHDRAW,
      { a: assessmentId, reason, c: commandId ?? null },
      token,
    );

  async function openAssessment(assessmentId: string, periodEnd: string): Promise<void> {
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: { organizationId: 'inn', assessmentId, title: assessmentId, periodEnd },
    });
  }

  async function rate(assessmentId: string, level: number): Promise<void> {
    await api.mustQuery(`mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`, {
      input: { ...CELL, assessmentId, level },
    });
  }

  const close = (assessmentId: string) =>
    api.mustQuery('mutation($a: ID!) { closeAssessment(assessmentId: $a) { id } }', { a: assessmentId });

  async function maturity(knownAt?: string): Promise<ViewAnswer> {
    return (await api.mustQuery<{ maturity: ViewAnswer }>(MATURITY, { o: 'inn', knownAt: knownAt ?? null }))
      .maturity;
  }
  const insight = (view: ViewAnswer) =>
    view.cells.find((cell) => cell.functionId === CELL.functionId && cell.capabilityId === CELL.capabilityId)
      ?.level ?? null;

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    await api.mustQuery(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      { input: { id: 'inn', name: 'The Inn' } },
    );
    await api.mustQuery(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
      input: { organizationId: 'inn', functionId: 'front-desk', name: 'Front desk', customerFacing: true },
    });
    for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
      const issued = await api.mustQuery<{ issueApiToken: { token: string } }>(
        'mutation($r: Role!) { issueApiToken(role: $r, organizationIds: ["inn"], label: "withdraw") { token } }',
        { r: role },
      );
      tokens[role] = issued.issueApiToken.token;
    }
    await openAssessment('still-open', '2025-03-31');
  });
  afterAll(async () => {
    await api.close();
  });

  it('should let an assessor withdraw an open assessment, with when and why, and refuse planners and auditors', async () => {
    await openAssessment('typo-1900', '1900-01-01');
    for (const role of ['PLANNER', 'AUDITOR'] as const) {
      const before = await head();
      const refused = await withdraw('typo-1900', 'Opened by mistake', tokens[role]);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await head()).toBe(before);
    }
    const { data, errors } = await withdraw('typo-1900', '  Period end typed as 1900 ', tokens.ASSESSOR);
    expect(errors).toBeUndefined();
    expect(data?.withdrawAssessment).toMatchObject({
      id: 'typo-1900',
      status: 'WITHDRAWN',
      withdrawalReason: 'Period end typed as 1900',
    });
    expect(Date.parse(data?.withdrawAssessment.withdrawnAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const listed = await api.mustQuery<{ assessments: AssessmentAnswer[] }>(
      '{ assessments(organizationId: "inn") { id status withdrawnAt withdrawalReason } }',
    );
    expect(listed.assessments.find((assessment) => assessment.id === 'typo-1900')?.status).toBe('WITHDRAWN');
  });

  it.each([
    ['a blank reason', 'still-open', '   ', 'BAD_USER_INPUT', 'reason', 'VALIDATION.REQUIRED'],
    [
      'a reason over 2,000 characters',
      'still-open',
      'r'.repeat(2_001),
      'BAD_USER_INPUT',
      'reason',
      'VALIDATION.TOO_LONG',
    ],
    [
      'an assessment never opened',
      'never-opened',
      'Mistake',
      'NOT_FOUND',
      'assessmentId',
      'ASSESSMENT.NOT_FOUND',
    ],
    ['a second withdrawal', 'typo-1900', 'Again', 'CONFLICT', 'assessmentId', 'ASSESSMENT.ALREADY_WITHDRAWN'],
  ])('should refuse %s with its code and field, writing nothing', async (_, id, reason, code, field, why) => {
    const before = await head();
    const { errors } = await withdraw(id, reason);
    expect(errors?.[0]?.extensions).toMatchObject({ code, field, reason: why });
    expect(errors?.[0]?.message).toContain(field);
    expect(await head()).toBe(before);
  });

  it('should refuse a closed assessment with ratings (correct them instead), and take a closed empty one', async () => {
    await openAssessment('closed-rated', '2025-06-30');
    await rate('closed-rated', 3);
    await close('closed-rated');
    const before = await head();
    const refused = await withdraw('closed-rated', 'Mistake');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'assessmentId',
      reason: 'ASSESSMENT.CLOSED_WITH_RATINGS',
    });
    expect(refused.errors?.[0]?.message).toContain('correctRating');
    expect(await head()).toBe(before);

    await openAssessment('closed-empty', '2025-06-30');
    await close('closed-empty');
    const taken = await withdraw('closed-empty', 'An empty cycle opened twice');
    expect(taken.data?.withdrawAssessment.status).toBe('WITHDRAWN');
  });

  it('should take nothing more once withdrawn: ratings, corrections, closing, invitations', async () => {
    const before = await head();
    const refusals = await Promise.all([
      api.graphql(`mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`, {
        input: { ...CELL, assessmentId: 'typo-1900', level: 2 },
      }),
      api.graphql(`mutation($input: CorrectRatingInput!) { correctRating(input: $input) { id } }`, {
        input: { ...CELL, assessmentId: 'typo-1900', level: 2, reason: 'late' },
      }),
      api.graphql('mutation { closeAssessment(assessmentId: "typo-1900") { id } }'),
      api.graphql(`mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }`, {
        input: {
          assessmentId: 'typo-1900',
          invitations: [{ respondentId: 'late', source: 'CUSTOMER', functionIds: ['front-desk'] }],
        },
      }),
    ]);
    for (const { errors } of refusals)
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ASSESSMENT.WITHDRAWN' });
    expect(await head()).toBe(before);
  });

  it('should answer a repeat with the same commandId as the first time, appending nothing', async () => {
    await openAssessment('repeated', '2025-09-30');
    const first = await withdraw('repeated', 'Duplicate of Q3', undefined, 'withdraw-repeated');
    const after = await head();
    const again = await withdraw('repeated', 'Duplicate of Q3', undefined, 'withdraw-repeated');
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await head()).toBe(after);
  });

  it('should drop it from maturity and the timeline from its withdrawal on, yet show it as known before', async () => {
    await openAssessment('counted', '2026-03-31');
    await rate('counted', 2);
    await openAssessment('mistake', '2026-06-30');
    await rate('mistake', 5);
    expect(insight(await maturity())).toBe(5);
    await pause(5);
    const beforeWithdrawal = new Date().toISOString();
    await pause(5);
    await withdraw('mistake', 'Rated the wrong hotel');

    expect(insight(await maturity())).toBe(2);
    expect(insight(await maturity(beforeWithdrawal))).toBe(5);
    const { maturityTimeline } = await api.mustQuery<{ maturityTimeline: { at: string }[] }>(
      '{ maturityTimeline(organizationId: "inn") { at } }',
    );
    expect(maturityTimeline.map((point) => point.at)).toContain('2026-03-31T00:00:00.000Z');
    expect(maturityTimeline.map((point) => point.at)).not.toContain('2026-06-30T00:00:00.000Z');
    expect(maturityTimeline.map((point) => point.at)).not.toContain('1900-01-01T00:00:00.000Z');

    const { history } = await api.mustQuery<{
      history: { edges: { node: { type: string; stream: string; data: { reason: string } } }[] };
    }>('{ history(organizationId: "inn", first: 200) { edges { node { type stream data } } } }');
    const withdrawals = history.edges.filter(({ node }) => node.type === 'AssessmentWithdrawn');
    expect(withdrawals.map(({ node }) => node.data.reason)).toContain('Rated the wrong hotel');
  });

  it("should stop a rater's link: the questionnaire says WITHDRAWN and an answer is refused", async () => {
    await openAssessment('invited', '2026-09-30');
    const { inviteRaters } = await api.mustQuery<{ inviteRaters: { token: string }[] }>(
      `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }`,
      {
        input: {
          assessmentId: 'invited',
          invitations: [{ respondentId: 'guest-1', source: 'CUSTOMER', functionIds: ['front-desk'] }],
        },
      },
    );
    const rater = inviteRaters[0]?.token ?? '';
    await withdraw('invited', 'Invited the wrong guests');
    const questionnaire = await api.mustQuery<{ questionnaire: { status: string; open: boolean } }>(
      '{ questionnaire { status open } }',
      {},
      rater,
    );
    expect(questionnaire.questionnaire).toEqual({ status: 'WITHDRAWN', open: false });
    const before = await head();
    const answer = await api.graphql(
      `mutation($input: AnswerInput!) { answerQuestion(input: $input) { answered } }`,
      { input: { functionId: 'front-desk', capabilityId: 'customer-insight', level: 4 } },
      rater,
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ASSESSMENT.WITHDRAWN',
    });
    expect(await head()).toBe(before);
  });
});
