// Recording assessments over HTTP against the real api and a real SQLite file: every mutation,
// every refusal (with its code and field, writing nothing), concurrency and idempotency.
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

const ORGANIZATION = `
  fragment OrganizationFields on Organization {
    id name purpose valueProposition modelId
    functions { id name customerFacing partner }
    interactions { from to weight }
    targets { capabilityId functionId level }
  }`;
const ASSESSMENT = `
  fragment AssessmentFields on Assessment {
    id organizationId title periodEnd status
    ratings { functionId capabilityId level source raterFunctionId evidence }
  }`;
const INVESTMENT = `
  fragment InvestmentFields on Investment {
    id organizationId name kind cost lagMonths status deployedAt
    effects { functionId capabilityId low likely high }
  }`;

interface RatingAnswer {
  functionId: string;
  capabilityId: string;
  level: number;
  source: string;
  raterFunctionId: string | null;
  evidence: string | null;
}
interface AssessmentAnswer {
  id: string;
  status: string;
  periodEnd: string;
  ratings: RatingAnswer[];
}

describe('Recording assessments over GraphQL', () => {
  let api: TestApi;
  let store: EventStore;

  const head = (): Promise<number> => store.headPosition();

  async function organizationWithFunctions(id: string): Promise<void> {
    await api.mustQuery(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      {
        input: {
          id,
          name: `Organisation ${id}`,
          purpose: 'Make every stay effortless',
          valueProposition: 'Rooms ready, guests heard',
        },
      },
    );
    for (const [functionId, customerFacing, partner] of [
      ['front-desk', true, false],
      ['housekeeping', false, false],
      ['laundry', false, true],
    ] as const) {
      await api.mustQuery(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
        input: { organizationId: id, functionId, name: functionId, customerFacing, partner },
      });
    }
  }

  async function openAssessment(organizationId: string, assessmentId: string): Promise<void> {
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: { organizationId, assessmentId, title: 'First quarter', periodEnd: '2025-03-31' },
    });
  }

  const recordRating = (input: Record<string, unknown>) =>
    api.graphql<{ recordRating: AssessmentAnswer }>(
      `mutation($input: RecordRatingInput!) { recordRating(input: $input) { ...AssessmentFields } } ${ASSESSMENT}`,
      { input },
    );

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    await api.close();
  });

  it('should serve the default model with 5 described levels and 11 capabilities', async () => {
    const { maturityModels } = await api.mustQuery<{
      maturityModels: {
        id: string;
        levels: { value: number; description: string | null }[];
        capabilities: { id: string }[];
      }[];
    }>(
      '{ maturityModels { id version name levels { value name description } capabilities { id name dimension weight descriptors } } }',
    );
    const model = maturityModels.find((candidate) => candidate.id === 'customer-centricity');
    expect(model?.levels.map((level) => level.value)).toEqual([1, 2, 3, 4, 5]);
    expect(model?.levels.every((level) => (level.description ?? '').length > 20)).toBe(true);
    expect(model?.capabilities).toHaveLength(11);
  });

  it('should register an organisation, add functions, link them and set targets', async () => {
    await organizationWithFunctions('hotel-a');
    await api.mustQuery(`mutation($input: LinkFunctionsInput!) { linkFunctions(input: $input) { id } }`, {
      input: { organizationId: 'hotel-a', from: 'front-desk', to: 'housekeeping', weight: 2 },
    });
    await api.mustQuery(`mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
      input: { organizationId: 'hotel-a', capabilityId: 'service-recovery', level: 4 },
    });
    await api.mustQuery(`mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
      input: { organizationId: 'hotel-a', capabilityId: 'service-recovery', functionId: 'laundry', level: 3 },
    });
    const { organization } = await api.mustQuery<{ organization: Record<string, unknown> }>(
      `query { organization(id: "hotel-a") { ...OrganizationFields } } ${ORGANIZATION}`,
    );
    expect(organization).toEqual({
      id: 'hotel-a',
      name: 'Organisation hotel-a',
      purpose: 'Make every stay effortless',
      valueProposition: 'Rooms ready, guests heard',
      modelId: 'customer-centricity',
      functions: [
        { id: 'front-desk', name: 'front-desk', customerFacing: true, partner: false },
        { id: 'housekeeping', name: 'housekeeping', customerFacing: false, partner: false },
        { id: 'laundry', name: 'laundry', customerFacing: false, partner: true },
      ],
      interactions: [{ from: 'front-desk', to: 'housekeeping', weight: 2 }],
      targets: [
        { capabilityId: 'service-recovery', functionId: null, level: 4 },
        { capabilityId: 'service-recovery', functionId: 'laundry', level: 3 },
      ],
    });
    const { organizations } = await api.mustQuery<{ organizations: { id: string }[] }>(
      '{ organizations { id } }',
    );
    expect(organizations.map((candidate) => candidate.id)).toContain('hotel-a');
    expect(await api.mustQuery('{ organization(id: "nobody") { id } }')).toEqual({ organization: null });
  });

  it('should open, record (a later rating superseding), close and correct an assessment', async () => {
    await organizationWithFunctions('hotel-b');
    await openAssessment('hotel-b', 'hotel-b-2025-q1');
    const base = {
      assessmentId: 'hotel-b-2025-q1',
      functionId: 'housekeeping',
      capabilityId: 'cross-functional-cooperation',
    };
    expect(
      (await recordRating({ ...base, level: 4, source: 'SELF', evidence: 'We always help' })).errors,
    ).toBeUndefined();
    await recordRating({
      ...base,
      level: 2,
      source: 'PEER',
      raterFunctionId: 'front-desk',
      evidence: 'Rooms late',
    });
    const superseded = await recordRating({ ...base, level: 3, source: 'SELF', evidence: 'On reflection' });
    expect(superseded.data?.recordRating.ratings).toEqual(
      [
        {
          ...base,
          assessmentId: undefined,
          level: 3,
          source: 'SELF',
          raterFunctionId: null,
          evidence: 'On reflection',
        },
        {
          ...base,
          assessmentId: undefined,
          level: 2,
          source: 'PEER',
          raterFunctionId: 'front-desk',
          evidence: 'Rooms late',
        },
      ].map(({ assessmentId: _unused, ...rating }) => rating),
    );

    const closed = await api.mustQuery<{ closeAssessment: AssessmentAnswer }>(
      'mutation { closeAssessment(assessmentId: "hotel-b-2025-q1") { status } }',
    );
    expect(closed.closeAssessment.status).toBe('CLOSED');

    const corrected = await api.mustQuery<{ correctRating: AssessmentAnswer }>(
      `mutation($input: CorrectRatingInput!) { correctRating(input: $input) { ...AssessmentFields } } ${ASSESSMENT}`,
      {
        input: {
          ...base,
          level: 1,
          source: 'PEER',
          raterFunctionId: 'front-desk',
          reason: 'Typo in the workshop notes',
        },
      },
    );
    expect(corrected.correctRating.status).toBe('CLOSED');
    expect(corrected.correctRating.ratings.find((rating) => rating.source === 'PEER')?.level).toBe(1);
    const { assessment } = await api.mustQuery<{
      assessment: { ratings: { source: string; correction: Record<string, unknown> | null }[] };
    }>(
      '{ assessment(id: "hotel-b-2025-q1") { ratings { source correction { previousLevel reason correctedAt } } } }',
    );
    // The table can say the rating was corrected, from which level and why.
    expect(assessment.ratings).toEqual([
      { source: 'SELF', correction: null },
      {
        source: 'PEER',
        correction: {
          previousLevel: 2,
          reason: 'Typo in the workshop notes',
          correctedAt: expect.any(String),
        },
      },
    ]);

    const { assessments } = await api.mustQuery<{ assessments: { id: string }[] }>(
      '{ assessments(organizationId: "hotel-b") { id } }',
    );
    expect(assessments.map((assessment) => assessment.id)).toEqual(['hotel-b-2025-q1']);
  });

  it('should plan, approve and deploy one investment, and cancel another', async () => {
    await organizationWithFunctions('hotel-c');
    const plan = (investmentId: string) =>
      api.mustQuery<{ planInvestment: Record<string, unknown> }>(
        `mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { ...InvestmentFields } } ${INVESTMENT}`,
        {
          input: {
            organizationId: 'hotel-c',
            investmentId,
            name: 'Guest engagement training',
            kind: 'OPERATIONAL',
            cost: 12000,
            lagMonths: 3,
            effects: [
              {
                functionId: 'front-desk',
                capabilityId: 'employee-empowerment',
                low: 0,
                likely: 1,
                high: 1.5,
              },
            ],
          },
        },
      );
    expect((await plan('training')).planInvestment).toMatchObject({
      status: 'PLANNED',
      cost: 12000,
      deployedAt: null,
    });
    await api.mustQuery('mutation { approveInvestment(investmentId: "training") { status } }');
    const deployed = await api.mustQuery<{ deployInvestment: { status: string; deployedAt: string } }>(
      'mutation { deployInvestment(investmentId: "training", deployedAt: "2025-04-01") { status deployedAt } }',
    );
    expect(deployed.deployInvestment).toEqual({ status: 'DEPLOYED', deployedAt: '2025-04-01T00:00:00.000Z' });
    await plan('rotation');
    const cancelled = await api.mustQuery<{ cancelInvestment: { status: string } }>(
      'mutation { cancelInvestment(investmentId: "rotation", reason: "Budget moved") { status } }',
    );
    expect(cancelled.cancelInvestment.status).toBe('CANCELLED');
    const { investments } = await api.mustQuery<{ investments: { id: string; status: string }[] }>(
      '{ investments(organizationId: "hotel-c") { id status cancellationReason } }',
    );
    expect(investments).toEqual([
      { id: 'training', status: 'DEPLOYED', cancellationReason: null },
      { id: 'rotation', status: 'CANCELLED', cancellationReason: 'Budget moved' },
    ]);
  });

  it('should publish a maturity model of 4 levels and register an organisation on it', async () => {
    const { publishMaturityModel } = await api.mustQuery<{
      publishMaturityModel: { id: string; version: number };
    }>(
      `mutation($input: PublishMaturityModelInput!) { publishMaturityModel(input: $input) { id version } }`,
      {
        input: {
          id: 'lean-four',
          name: 'Four-level model',
          levels: [1, 2, 3, 4].map((value) => ({ value, name: `Level ${value}` })),
          capabilities: [{ id: 'listening', name: 'Listening', dimension: 'Insight', weight: 2 }],
        },
      },
    );
    expect(publishMaturityModel).toEqual({ id: 'lean-four', version: 1 });
    const { registerOrganization } = await api.mustQuery<{ registerOrganization: { modelId: string } }>(
      'mutation { registerOrganization(input: { id: "four-levels", name: "Four", modelId: "lean-four" }) { modelId } }',
    );
    expect(registerOrganization.modelId).toBe('lean-four');
  });

  describe('bad input is refused with a code naming the field, and nothing is written', () => {
    beforeAll(async () => {
      await organizationWithFunctions('hotel-x');
      await openAssessment('hotel-x', 'hotel-x-open');
      await openAssessment('hotel-x', 'hotel-x-closed');
      await recordRating({ ...rating, assessmentId: 'hotel-x-closed', evidence: 'Kiosk logs' });
      await api.mustQuery('mutation { closeAssessment(assessmentId: "hotel-x-closed") { id } }');
      await api.mustQuery(`mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }`, {
        input: {
          organizationId: 'hotel-x',
          investmentId: 'planned-only',
          name: 'Plan',
          kind: 'CAPITAL',
          cost: 1,
          lagMonths: 0,
          effects: [{ functionId: 'front-desk', capabilityId: 'self-service', low: 0, likely: 1, high: 1 }],
        },
      });
      await api.mustQuery('mutation { approveInvestment(investmentId: "planned-only") { id } }');
      await api.mustQuery(
        'mutation { deployInvestment(investmentId: "planned-only", deployedAt: "2025-04-01") { id } }',
      );
      await api.mustQuery(`mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }`, {
        input: {
          organizationId: 'hotel-x',
          investmentId: 'never-approved',
          name: 'Plan',
          kind: 'CAPITAL',
          cost: 1,
          lagMonths: 0,
          effects: [{ functionId: 'front-desk', capabilityId: 'self-service', low: 0, likely: 1, high: 1 }],
        },
      });
    });

    const rating = {
      assessmentId: 'hotel-x-open',
      functionId: 'housekeeping',
      capabilityId: 'self-service',
      level: 3,
      source: 'SELF',
    };
    const effect = { functionId: 'front-desk', capabilityId: 'self-service', low: 0, likely: 1, high: 2 };
    const investment = {
      organizationId: 'hotel-x',
      name: 'Kiosks',
      kind: 'CAPITAL',
      cost: 100,
      lagMonths: 2,
      effects: [effect],
    };

    const cases: {
      name: string;
      mutation: string;
      type: string;
      input: unknown;
      code: string;
      field: RegExp;
    }[] = [
      {
        name: 'an id that is not a slug',
        mutation: 'registerOrganization',
        type: 'RegisterOrganizationInput',
        input: { id: 'Not A Slug', name: 'x' },
        code: 'BAD_USER_INPUT',
        field: /^id$/,
      },
      {
        name: 'an unknown organisation',
        mutation: 'addFunction',
        type: 'AddFunctionInput',
        input: { organizationId: 'nowhere', functionId: 'f', name: 'F' },
        code: 'NOT_FOUND',
        field: /organizationId/,
      },
      {
        name: 'an unknown function',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, functionId: 'spa' },
        code: 'NOT_FOUND',
        field: /functionId/,
      },
      {
        name: 'an unknown capability',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, capabilityId: 'telepathy' },
        code: 'NOT_FOUND',
        field: /capabilityId/,
      },
      {
        name: 'an unknown assessment',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, assessmentId: 'no-such-assessment' },
        code: 'NOT_FOUND',
        field: /assessmentId/,
      },
      {
        name: 'an unknown rater',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, source: 'PEER', raterFunctionId: 'ghost' },
        code: 'NOT_FOUND',
        field: /raterFunctionId/,
      },
      {
        name: 'a level above the model',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, level: 6 },
        code: 'BAD_USER_INPUT',
        field: /level/,
      },
      {
        name: 'a level below the model',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, level: 0 },
        code: 'BAD_USER_INPUT',
        field: /level/,
      },
      {
        name: 'a target outside the model',
        mutation: 'setTarget',
        type: 'SetTargetInput',
        input: { organizationId: 'hotel-x', capabilityId: 'self-service', level: 9 },
        code: 'BAD_USER_INPUT',
        field: /level/,
      },
      {
        name: 'PEER without a rater',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, source: 'PEER' },
        code: 'BAD_USER_INPUT',
        field: /raterFunctionId/,
      },
      {
        name: 'rating oneself as PEER',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, source: 'PEER', raterFunctionId: 'housekeeping' },
        code: 'BAD_USER_INPUT',
        field: /raterFunctionId/,
      },
      {
        name: 'evidence over 10,000 characters',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, evidence: 'x'.repeat(10_001) },
        code: 'BAD_USER_INPUT',
        field: /evidence/,
      },
      {
        name: 'a name over 200 characters',
        mutation: 'addFunction',
        type: 'AddFunctionInput',
        input: { organizationId: 'hotel-x', functionId: 'long', name: 'n'.repeat(201) },
        code: 'BAD_USER_INPUT',
        field: /name/,
      },
      {
        name: 'a malformed date',
        mutation: 'openAssessment',
        type: 'OpenAssessmentInput',
        input: { organizationId: 'hotel-x', title: 'Q', periodEnd: '31/03/2025' },
        code: 'BAD_USER_INPUT',
        field: /periodEnd/,
      },
      {
        name: 'low above likely',
        mutation: 'planInvestment',
        type: 'PlanInvestmentInput',
        input: { ...investment, effects: [{ ...effect, low: 1.5 }] },
        code: 'BAD_USER_INPUT',
        field: /effects\[0\]\.low/,
      },
      {
        name: 'likely above high',
        mutation: 'planInvestment',
        type: 'PlanInvestmentInput',
        input: { ...investment, effects: [{ ...effect, likely: 3 }] },
        code: 'BAD_USER_INPUT',
        field: /effects\[0\]\.likely/,
      },
      {
        name: 'a negative cost',
        mutation: 'planInvestment',
        type: 'PlanInvestmentInput',
        input: { ...investment, cost: -1 },
        code: 'BAD_USER_INPUT',
        field: /cost/,
      },
      {
        name: 'lagMonths over 120',
        mutation: 'planInvestment',
        type: 'PlanInvestmentInput',
        input: { ...investment, lagMonths: 121 },
        code: 'BAD_USER_INPUT',
        field: /lagMonths/,
      },
      {
        name: 'lagMonths below 0',
        mutation: 'planInvestment',
        type: 'PlanInvestmentInput',
        input: { ...investment, lagMonths: -1 },
        code: 'BAD_USER_INPUT',
        field: /lagMonths/,
      },
      {
        name: 'a function linked to itself',
        mutation: 'linkFunctions',
        type: 'LinkFunctionsInput',
        input: { organizationId: 'hotel-x', from: 'laundry', to: 'laundry' },
        code: 'BAD_USER_INPUT',
        field: /to|from/,
      },
      {
        name: 'a link weight of 0',
        mutation: 'linkFunctions',
        type: 'LinkFunctionsInput',
        input: { organizationId: 'hotel-x', from: 'laundry', to: 'housekeeping', weight: 0 },
        code: 'BAD_USER_INPUT',
        field: /weight/,
      },
      {
        name: 'recording into a closed assessment',
        mutation: 'recordRating',
        type: 'RecordRatingInput',
        input: { ...rating, assessmentId: 'hotel-x-closed' },
        code: 'CONFLICT',
        field: /assessmentId/,
      },
      {
        name: 'a correction that changes nothing (the same level)',
        mutation: 'correctRating',
        type: 'CorrectRatingInput',
        input: { ...rating, assessmentId: 'hotel-x-closed', reason: 'Typo' },
        code: 'BAD_USER_INPUT',
        field: /^level$/,
      },
      {
        name: 'registering an id twice',
        mutation: 'registerOrganization',
        type: 'RegisterOrganizationInput',
        input: { id: 'hotel-x', name: 'Again' },
        code: 'CONFLICT',
        field: /^id$/,
      },
    ];

    it.each(cases)('should refuse $name with $code', async ({ mutation, type, input, code, field }) => {
      const before = await head();
      const answer = await api.graphql(
        `mutation($input: ${type}!) { ${mutation}(input: $input) { __typename } }`,
        { input },
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe(code);
      const named = answer.errors?.[0]?.extensions?.field ?? '';
      expect(named).toMatch(field);
      expect(answer.errors?.[0]?.message).toMatch(new RegExp(field.source.replace(/^\^|\$$/g, '')));
      expect(await head()).toBe(before);
    });

    it.each([
      [
        'deploying an investment that was never approved',
        'mutation { deployInvestment(investmentId: "never-approved", deployedAt: "2025-02-01") { id } }',
      ],
      [
        'cancelling a deployed investment',
        'mutation { cancelInvestment(investmentId: "planned-only") { id } }',
      ],
      [
        'approving a deployed investment',
        'mutation { approveInvestment(investmentId: "planned-only") { id } }',
      ],
      ['closing a closed assessment', 'mutation { closeAssessment(assessmentId: "hotel-x-closed") { id } }'],
    ])('should refuse %s with CONFLICT', async (_name, mutation) => {
      const before = await head();
      const answer = await api.graphql(mutation);
      expect(answer.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await head()).toBe(before);
    });

    it('should refuse a deployment dated after today, naming deployedAt, and leave it approved', async () => {
      await api.mustQuery(`mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }`, {
        input: { ...investment, investmentId: 'approved-kiosks' },
      });
      await api.mustQuery('mutation { approveInvestment(investmentId: "approved-kiosks") { id } }');
      const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
      const before = await head();
      const answer = await api.graphql(
        'mutation($at: DateTime!) { deployInvestment(investmentId: "approved-kiosks", deployedAt: $at) { id } }',
        { at: tomorrow },
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'deployedAt',
      });
      expect(answer.errors?.[0]?.message).toContain(`cannot be dated after today (got ${tomorrow}`);
      expect(await head()).toBe(before);
      const stored = await api.mustQuery<{ investment: { status: string; deployedAt: null } }>(
        '{ investment(id: "approved-kiosks") { status deployedAt } }',
      );
      expect(stored.investment).toEqual({ status: 'APPROVED', deployedAt: null });
    });

    it('should refuse an unknown investment with NOT_FOUND naming investmentId', async () => {
      const answer = await api.graphql('mutation { approveInvestment(investmentId: "no-such-plan") { id } }');
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'investmentId' });
    });
  });

  it('should keep every rating when two clients record 100 ratings each into one assessment at once', async () => {
    await organizationWithFunctions('hotel-concurrent');
    await openAssessment('hotel-concurrent', 'busy-quarter');
    const capabilities = [
      'customer-insight',
      'value-proposition',
      'purpose-alignment',
      'customer-metrics',
      'cross-functional-cooperation',
      'leadership-engagement',
      'employee-empowerment',
      'self-service',
      'service-recovery',
      'partner-co-delivery',
    ];
    const levelsOf = (client: number, index: number): number => ((index + client) % 5) + 1;
    // Client 0 rates as the function itself, client 1 as the customer: 100 distinct cells each, 200 ratings in all.
    const client = async (clientIndex: number): Promise<void> => {
      for (let index = 0; index < 100; index += 1) {
        const functionId = ['front-desk', 'housekeeping', 'laundry'][index % 3]!;
        const capabilityId = capabilities[Math.floor(index / 10) % 10]!;
        const answer = await recordRating({
          assessmentId: 'busy-quarter',
          functionId,
          capabilityId,
          level: levelsOf(clientIndex, index),
          source: clientIndex === 0 ? 'SELF' : 'CUSTOMER',
          evidence: `client ${clientIndex} rating ${index}`,
        });
        expect(answer.errors).toBeUndefined();
      }
    };
    await Promise.all([client(0), client(1)]);
    const { assessment } = await api.mustQuery<{ assessment: AssessmentAnswer }>(
      `{ assessment(id: "busy-quarter") { ...AssessmentFields } } ${ASSESSMENT}`,
    );
    const events = await store.readStream('assessment-busy-quarter');
    expect(events.filter((event) => event.type === 'RatingRecorded')).toHaveLength(200);
    // Each client rated 30 distinct cells (3 functions x 10 capabilities); later ones superseded earlier ones.
    expect(assessment.ratings.filter((entry) => entry.source === 'SELF')).toHaveLength(30);
    expect(assessment.ratings.filter((entry) => entry.source === 'CUSTOMER')).toHaveLength(30);
    // 200 durable appends: well over 5 s when the machine is busy.
  }, 60_000);

  it('should answer a repeated commandId as the first time and append nothing', async () => {
    await organizationWithFunctions('hotel-idempotent');
    const open = () =>
      api.mustQuery<{ openAssessment: AssessmentAnswer }>(
        `mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { ...AssessmentFields } } ${ASSESSMENT}`,
        {
          input: {
            organizationId: 'hotel-idempotent',
            title: 'Q2',
            periodEnd: '2025-06-30',
            commandId: 'open-q2-once',
          },
        },
      );
    const first = await open();
    const afterFirst = await head();
    const second = await open();
    expect(second).toEqual(first);
    expect(await head()).toBe(afterFirst);

    const input = {
      assessmentId: first.openAssessment.id,
      functionId: 'laundry',
      capabilityId: 'partner-co-delivery',
      level: 2,
      source: 'SELF',
      commandId: 'rate-laundry-once',
    };
    const recorded = await recordRating(input);
    const afterRating = await head();
    const repeated = await recordRating(input);
    expect(repeated.data).toEqual(recorded.data);
    expect(await head()).toBe(afterRating);
  });
});
