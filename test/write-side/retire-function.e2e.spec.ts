// Retiring a function from a date, over HTTP against the real api on a real SQLite file: who may,
// every refusal with its code and field (writing nothing), a repeat by commandId, and what the
// retirement does to the views before and after its date, as known before it was recorded, to the
// audit history and to new ratings and invitations.
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

interface ViewAnswer {
  coverage: number;
  customerCentricityIndex: number | null;
  cells: { functionId: string; capabilityId: string; level: number | null; target: number | null }[];
  functionScores: { functionId: string }[];
  weakestLinks: { from: string; to: string; misalignment: number }[];
}
interface FunctionAnswer {
  id: string;
  retirement: { effectiveFrom: string; reason: string; mergedIntoFunctionId: string | null } | null;
}

const RETIRE = `mutation($input: RetireFunctionInput!) {
  retireFunction(input: $input) { functions { id retirement { effectiveFrom reason mergedIntoFunctionId } } } }`;
const MATURITY = `query($o: ID!, $asOf: DateTime, $knownAt: DateTime) {
  maturity(organizationId: $o, asOf: $asOf, knownAt: $knownAt) {
    coverage customerCentricityIndex cells { functionId capabilityId level target }
    functionScores { functionId } weakestLinks { from to misalignment } } }`;

// The set-up below records some fifteen commands: on a loaded machine that outlasts jest's 5 s default.
jest.setTimeout(30_000);

const rowsOf = (view: ViewAnswer): string[] => [...new Set(view.cells.map((cell) => cell.functionId))];

describe('Retiring a function over GraphQL', () => {
  let api: TestApi;
  let store: EventStore;
  let assessorToken = '';
  /** The link of a PEER rater from billing, issued before the retirement. */
  let fromBillingToken = '';
  /** Taken after registration: the earliest date a retirement may have. */
  let effectiveFrom = '';
  /** Just before the retirement was recorded. */
  let knownBefore = '';
  const head = (): Promise<number> => store.headPosition();

  const retire = (input: Record<string, unknown>, token?: string) =>
    api.graphql<{ retireFunction: { functions: FunctionAnswer[] } }>(
      RETIRE,
      {
        input: {
          organizationId: 'clinic',
          functionId: 'billing',
          effectiveFrom,
          reason: 'Merged into patient services',
          mergedIntoFunctionId: 'patient-services',
          ...input,
        },
      },
      token,
    );
  const maturity = async (variables: { asOf?: string; knownAt?: string } = {}): Promise<ViewAnswer> =>
    (
      await api.mustQuery<{ maturity: ViewAnswer }>(MATURITY, {
        o: 'clinic',
        asOf: variables.asOf ?? null,
        knownAt: variables.knownAt ?? null,
      })
    ).maturity;

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    await api.mustQuery(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      { input: { id: 'clinic', name: 'Harbour Clinic' } },
    );
    for (const [functionId, name, customerFacing] of [
      ['front-desk', 'Front desk', true],
      ['patient-services', 'Patient services', false],
      ['billing', 'Billing office', false],
    ] as const) {
      await api.mustQuery(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
        input: { organizationId: 'clinic', functionId, name, customerFacing },
      });
    }
    await api.mustQuery(`mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
      input: { organizationId: 'clinic', capabilityId: 'customer-insight', functionId: 'billing', level: 5 },
    });
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: { organizationId: 'clinic', assessmentId: 'q1', title: 'Q1', periodEnd: '2026-01-31' },
    });
    for (const [functionId, capabilityId, level] of [
      ['front-desk', 'customer-insight', 3],
      ['patient-services', 'customer-insight', 4],
      ['billing', 'customer-insight', 1],
      ['billing', 'service-recovery', 2],
    ] as const) {
      await api.mustQuery(`mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`, {
        input: { assessmentId: 'q1', functionId, capabilityId, level, source: 'SELF' },
      });
    }
    await api.mustQuery('mutation { closeAssessment(assessmentId: "q1") { id } }');
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: { organizationId: 'clinic', assessmentId: 'q2', title: 'Q2', periodEnd: '2026-12-31' },
    });
    // Planned while billing was in place: a scenario with it after the retirement warns of that effect.
    await api.mustQuery(`mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }`, {
      input: {
        organizationId: 'clinic',
        investmentId: 'billing-portal',
        name: 'Billing portal',
        kind: 'CAPITAL',
        cost: 1000,
        lagMonths: 0,
        effects: [
          { functionId: 'billing', capabilityId: 'customer-insight', low: 1, likely: 1, high: 1 },
          { functionId: 'front-desk', capabilityId: 'customer-insight', low: 0, likely: 1, high: 1 },
        ],
      },
    });
    // Invited before the retirement to rate billing too; one answer given, about the front desk.
    await api.mustQuery(`mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }`, {
      input: {
        assessmentId: 'q2',
        invitations: [
          {
            respondentId: 'auditor-1',
            source: 'AUDIT',
            functionIds: ['front-desk', 'billing'],
            capabilityIds: ['customer-insight', 'service-recovery'],
          },
        ],
      },
    });
    await api.mustQuery(`mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`, {
      input: {
        assessmentId: 'q2',
        functionId: 'front-desk',
        capabilityId: 'customer-insight',
        level: 3,
        source: 'AUDIT',
        respondentId: 'auditor-1',
      },
    });
    // Rates the front desk from billing: after the retirement its answers are refused.
    const fromBilling = await api.mustQuery<{ inviteRaters: { token: string }[] }>(
      `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }`,
      {
        input: {
          assessmentId: 'q2',
          invitations: [
            {
              respondentId: 'billing-lead',
              source: 'PEER',
              raterFunctionId: 'billing',
              functionIds: ['front-desk'],
            },
          ],
        },
      },
    );
    fromBillingToken = fromBilling.inviteRaters[0]?.token ?? '';
    const issued = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: ASSESSOR, organizationIds: ["clinic"], label: "retire") { token } }',
    );
    assessorToken = issued.issueApiToken.token;
    effectiveFrom = new Date().toISOString();
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    [
      'an unknown function',
      { functionId: 'pharmacy' },
      'NOT_FOUND',
      'functionId',
      'ORGANIZATION.FUNCTION_NOT_FOUND',
    ],
    [
      'a date before the organisation was registered',
      { effectiveFrom: '2020-01-01' },
      'BAD_USER_INPUT',
      'effectiveFrom',
      'ORGANIZATION.RETIREMENT_DATE_OUT_OF_RANGE',
    ],
    [
      'a date in the future',
      { effectiveFrom: new Date(Date.now() + 30 * 24 * 3_600_000).toISOString() },
      'BAD_USER_INPUT',
      'effectiveFrom',
      'ORGANIZATION.RETIREMENT_DATE_OUT_OF_RANGE',
    ],
    [
      'a date that is not one',
      { effectiveFrom: 'soon' },
      'BAD_USER_INPUT',
      'effectiveFrom',
      'VALIDATION.MALFORMED_DATE',
    ],
    ['a blank reason', { reason: '  ' }, 'BAD_USER_INPUT', 'reason', 'VALIDATION.REQUIRED'],
    [
      'a merge into itself',
      { mergedIntoFunctionId: 'billing' },
      'BAD_USER_INPUT',
      'mergedIntoFunctionId',
      'ORGANIZATION.MERGED_INTO_ITSELF',
    ],
    [
      'a merge into an unknown function',
      { mergedIntoFunctionId: 'pharmacy' },
      'NOT_FOUND',
      'mergedIntoFunctionId',
      'ORGANIZATION.FUNCTION_NOT_FOUND',
    ],
  ])('should refuse %s with its code and field, writing nothing', async (_, input, code, field, reason) => {
    const before = await head();
    const { errors } = await retire(input);
    expect(errors?.[0]?.extensions).toMatchObject({ code, field, reason });
    expect(errors?.[0]?.message).toContain(field);
    expect(await head()).toBe(before);
  });

  it('should refuse an assessor (ADMIN only), writing nothing', async () => {
    const before = await head();
    const { errors } = await retire({}, assessorToken);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await head()).toBe(before);
  });

  it('should retire the function, keep it listed with its retirement, and answer a repeat by commandId', async () => {
    const beforeViews = await maturity();
    expect(rowsOf(beforeViews)).toEqual(['front-desk', 'patient-services', 'billing']);
    knownBefore = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { data, errors } = await retire({ commandId: 'retire-billing' });
    expect(errors).toBeUndefined();
    expect(data?.retireFunction.functions.find((business) => business.id === 'billing')).toEqual({
      id: 'billing',
      retirement: {
        effectiveFrom,
        reason: 'Merged into patient services',
        mergedIntoFunctionId: 'patient-services',
      },
    });
    expect(
      data?.retireFunction.functions.find((business) => business.id === 'front-desk')?.retirement,
    ).toBeNull();
    const after = await head();
    const repeated = await retire({ commandId: 'retire-billing' });
    expect(repeated.errors).toBeUndefined();
    expect(await head()).toBe(after);
  });

  it('should refuse a second retirement and a merge into a retired function, writing nothing', async () => {
    const before = await head();
    const again = await retire({});
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'functionId',
      reason: 'ORGANIZATION.FUNCTION_RETIRED',
    });
    const intoRetired = await retire({ functionId: 'front-desk', mergedIntoFunctionId: 'billing' });
    expect(intoRetired.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'mergedIntoFunctionId',
      reason: 'ORGANIZATION.FUNCTION_RETIRED',
    });
    expect(await head()).toBe(before);
  });

  it('should leave the function out of the latest view and of views as of its date or later', async () => {
    for (const view of [await maturity(), await maturity({ asOf: effectiveFrom })]) {
      expect(rowsOf(view)).toEqual(['front-desk', 'patient-services']);
      expect(view.functionScores.map((score) => score.functionId)).toEqual([
        'front-desk',
        'patient-services',
      ]);
      expect(view.weakestLinks).toEqual([{ from: 'front-desk', to: 'patient-services', misalignment: 1 }]);
      // 2 rated cells of 2 functions x 11 capabilities.
      expect(view.coverage).toBeCloseTo(2 / 22, 12);
    }
  });

  it('should keep it, exactly as recorded, in views of earlier dates and as known before the retirement', async () => {
    for (const view of [await maturity({ asOf: '2026-02-01' }), await maturity({ knownAt: knownBefore })]) {
      expect(rowsOf(view)).toEqual(['front-desk', 'patient-services', 'billing']);
      const billing = view.cells.find(
        (cell) => cell.functionId === 'billing' && cell.capabilityId === 'customer-insight',
      );
      expect(billing).toMatchObject({ level: 1, target: 5 });
      expect(view.coverage).toBeCloseTo(4 / 33, 12);
    }
  });

  it('should keep the retirement in the audit history, after the function it retires', async () => {
    const history = await api.mustQuery<{
      history: { edges: { node: { type: string; data: { functionId?: string } } }[] };
    }>('{ history(organizationId: "clinic", first: 500) { edges { node { type data } } } }');
    const billingEvents = history.history.edges
      .map((edge) => edge.node)
      .filter((event) => event.data.functionId === 'billing' && event.type.startsWith('Function'))
      .map((event) => event.type);
    expect(billingEvents).toEqual(['FunctionAdded', 'FunctionRetired']);
  });

  it('should refuse new ratings and invitations for the retired function, writing nothing', async () => {
    const before = await head();
    const rating = await api.graphql(
      `mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`,
      {
        input: {
          assessmentId: 'q2',
          functionId: 'billing',
          capabilityId: 'customer-insight',
          level: 2,
          source: 'SELF',
        },
      },
    );
    expect(rating.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'functionId',
      reason: 'ORGANIZATION.FUNCTION_RETIRED',
    });
    const invitation = await api.graphql(
      `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }`,
      {
        input: {
          assessmentId: 'q2',
          invitations: [{ label: 'Auditor', source: 'AUDIT', functionIds: ['front-desk', 'billing'] }],
        },
      },
    );
    expect(invitation.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORGANIZATION.FUNCTION_RETIRED',
    });
    expect(invitation.errors?.[0]?.extensions?.field).toContain('functionIds');
    expect(await head()).toBe(before);
  });

  it.each([
    [
      'a target of the retired function',
      `mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }`,
      { organizationId: 'clinic', capabilityId: 'service-recovery', functionId: 'billing', level: 4 },
      'functionId',
    ],
    [
      'a batch of targets naming it',
      `mutation($input: SetTargetsInput!) { setTargets(input: $input) { id } }`,
      {
        organizationId: 'clinic',
        targets: [
          { capabilityId: 'service-recovery', level: 3 },
          { capabilityId: 'service-recovery', functionId: 'billing', level: 4 },
        ],
      },
      'targets[1].functionId',
    ],
    [
      'a link to it',
      `mutation($input: LinkFunctionsInput!) { linkFunctions(input: $input) { id } }`,
      { organizationId: 'clinic', from: 'front-desk', to: 'billing' },
      'to',
    ],
    [
      'an investment with an effect on it',
      `mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }`,
      {
        organizationId: 'clinic',
        investmentId: 'billing-training',
        name: 'Billing training',
        kind: 'OPERATIONAL',
        cost: 500,
        lagMonths: 1,
        effects: [
          { functionId: 'front-desk', capabilityId: 'service-recovery', low: 0, likely: 1, high: 1 },
          { functionId: 'billing', capabilityId: 'service-recovery', low: 0, likely: 1, high: 1 },
        ],
      },
      'effects[1].functionId',
    ],
  ])(
    'should refuse %s as FUNCTION_RETIRED on its field, writing nothing',
    async (_, mutation, input, field) => {
      const before = await head();
      const { errors } = await api.graphql(mutation, { input });
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field,
        reason: 'ORGANIZATION.FUNCTION_RETIRED',
      });
      expect(await head()).toBe(before);
    },
  );

  it('should warn, naming the retirement, of an effect on it in an investment planned before', async () => {
    const { simulateInvestments } = await api.mustQuery<{
      simulateInvestments: { warnings: { code: string; functionId: string | null; message: string }[] };
    }>(
      `{ simulateInvestments(organizationId: "clinic", investmentIds: ["billing-portal"]) {
          warnings { code functionId message } } }`,
    );
    expect(simulateInvestments.warnings).toEqual([
      {
        code: 'UNRATED_CELL_IGNORED',
        functionId: 'billing',
        message: `"Billing portal" has an effect on Billing office / Customer insight and voice of the customer, which belongs to a function retired from ${effectiveFrom.slice(0, 10)} and so is in no view from then on; that effect is left out of the projection.`,
      },
    ]);
  });

  it("should stop counting the retired function's cells in the progress of an invitation issued before", async () => {
    const { campaignProgress } = await api.mustQuery<{
      campaignProgress: {
        invited: number;
        answered: number;
        expected: number;
        completed: number;
        byFunction: { functionId: string; answered: number; expected: number }[];
      };
    }>(
      '{ campaignProgress(assessmentId: "q2") { invited answered expected completed byFunction { functionId answered expected } } }',
    );
    // The link from billing asks nothing any more: it is left out, as a revoked one would be.
    expect(campaignProgress).toEqual({
      invited: 1,
      answered: 1,
      expected: 2,
      completed: 0,
      byFunction: [{ functionId: 'front-desk', answered: 1, expected: 2 }],
    });
  });

  it('should ask nothing through a link that rates from it', async () => {
    const { questionnaire } = await api.mustQuery<{
      questionnaire: { questions: unknown[]; expected: number };
    }>('{ questionnaire { questions { functionId } expected } }', {}, fromBillingToken);
    expect(questionnaire).toEqual({ questions: [], expected: 0 });
  });

  it('should still take a late rating of it for a period that ended before its retirement', async () => {
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: { organizationId: 'clinic', assessmentId: 'q-mid', title: 'Mid-year', periodEnd: '2026-06-30' },
    });
    const { errors } = await api.graphql(
      `mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`,
      {
        input: {
          assessmentId: 'q-mid',
          functionId: 'billing',
          capabilityId: 'customer-insight',
          level: 3,
          source: 'SELF',
        },
      },
    );
    expect(errors).toBeUndefined();
    const midYear = await maturity({ asOf: '2026-07-01' });
    expect(
      midYear.cells.find((cell) => cell.functionId === 'billing' && cell.capabilityId === 'customer-insight')
        ?.level,
    ).toBe(3);
    expect(rowsOf(await maturity())).toEqual(['front-desk', 'patient-services']);
  });
});
