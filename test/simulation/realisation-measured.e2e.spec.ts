// What measured a realisation, and which deployment dates can be measured at all, over HTTP:
// the latest assessment after the lag is named (title, period end, open or closed) with what each
// earlier one showed, and a deployment dated before the organisation's first assessment period is
// refused with nothing written.
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const organizationId = 'e2e-realisation-hotel';
const empowerment = 'employee-empowerment';
const cooperation = 'cross-functional-cooperation';

interface Measurement {
  assessmentId: string;
  title: string;
  periodEnd: string;
  open: boolean;
  actual: number;
  ratio: number | null;
}

interface RealisationAnswer {
  investmentRealisation: {
    predicted: number;
    actual: number | null;
    ratio: number | null;
    due: boolean;
    assessmentId: string | null;
    measurable: boolean;
    measuredBy: Measurement | null;
    measurements: Measurement[];
    cells: {
      functionId: string;
      capabilityId: string;
      baselineLevel: number;
      predictedLevel: number;
      actualLevel: number | null;
    }[];
    excludedCells: { functionId: string; capabilityId: string }[];
  };
}

const realisationQuery = `query($id: ID!) { investmentRealisation(investmentId: $id) {
  predicted actual ratio due assessmentId measurable
  measuredBy { assessmentId title periodEnd open actual ratio }
  measurements { assessmentId title periodEnd open actual ratio }
  cells { functionId capabilityId baselineLevel predictedLevel actualLevel }
  excludedCells { functionId capabilityId }
} }`;

describe('Realisation: what measured it, and when a deployment can be dated (e2e)', () => {
  let api: TestApi;
  let store: EventStore;

  const mutate = (query: string, variables: Record<string, unknown> = {}): Promise<unknown> =>
    api.mustQuery(query, variables);
  const realisationOf = async (id: string) =>
    (await api.mustQuery<RealisationAnswer>(realisationQuery, { id })).investmentRealisation;

  const registerOrganization = async (id: string): Promise<void> => {
    await mutate(
      'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
      {
        input: { id, name: id },
      },
    );
    for (const functionId of ['front', 'back'])
      await mutate('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
        input: { organizationId: id, functionId, name: functionId, customerFacing: true },
      });
  };
  const openAssessment = (organization: string, assessmentId: string, title: string, periodEnd: string) =>
    mutate('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
      input: { organizationId: organization, assessmentId, title, periodEnd },
    });
  const rate = (assessmentId: string, functionId: string, capabilityId: string, level: number) =>
    mutate('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', {
      input: { assessmentId, functionId, capabilityId, level, source: 'SELF' },
    });
  const close = (assessmentId: string) =>
    mutate('mutation($id: ID!) { closeAssessment(assessmentId: $id) { id } }', { id: assessmentId });
  const planAndApprove = async (investmentId: string, organization = organizationId) => {
    await mutate('mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }', {
      input: {
        organizationId: organization,
        investmentId,
        name: investmentId,
        kind: 'OPERATIONAL',
        cost: 1_000,
        lagMonths: 3,
        effects: [
          { functionId: 'front', capabilityId: empowerment, low: 1, likely: 2, high: 2 },
          { functionId: 'back', capabilityId: cooperation, low: 0, likely: 1, high: 1 },
        ],
      },
    });
    await mutate('mutation($id: ID!) { approveInvestment(investmentId: $id) { id } }', { id: investmentId });
  };
  const deploy = (investmentId: string, deployedAt: string) =>
    api.graphql(
      'mutation($id: ID!, $at: DateTime!) { deployInvestment(investmentId: $id, deployedAt: $at) { id } }',
      {
        id: investmentId,
        at: deployedAt,
      },
    );

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    await registerOrganization(organizationId);
    // Baseline: front empowerment 2; back cooperation is never rated, so it has no m0.
    await openAssessment(organizationId, 'q1', '2025 Q1 review', '2025-03-31');
    await rate('q1', 'front', empowerment, 2);
    await close('q1');
    await planAndApprove('training');
  });

  afterAll(async () => {
    await api.close();
  });

  it('should refuse a deployment dated before the first assessment period, naming deployedAt, writing nothing', async () => {
    const before = await store.headPosition();
    const answer = await deploy('training', '2001-01-01');
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deployedAt',
      reason: 'INVESTMENT.DEPLOYED_BEFORE_FIRST_ASSESSMENT',
    });
    expect(answer.errors?.[0]?.message).toContain(
      'first assessment period (ending 2025-03-31; got 2001-01-01)',
    );
    expect(await store.headPosition()).toBe(before);
    const { investment } = await api.mustQuery<{
      investment: { status: string; deployedAt: string | null; deployableFrom: string | null };
    }>('{ investment(id: "training") { status deployedAt deployableFrom } }');
    expect(investment).toEqual({
      status: 'APPROVED',
      deployedAt: null,
      deployableFrom: '2025-03-31T00:00:00.000Z',
    });
  });

  it('should name the latest assessment after the lag as the measure, open ones as such, with what each showed', async () => {
    expect((await deploy('training', '2025-03-31')).errors).toBeUndefined();
    const notYet = await realisationOf('training');
    expect(notYet).toMatchObject({ due: false, measuredBy: null, measurements: [], measurable: true });
    expect(notYet.excludedCells).toEqual([{ functionId: 'back', capabilityId: cooperation }]);

    // Q3 (closed): front empowerment 3, one level of the two predicted.
    await openAssessment(organizationId, 'q3', '2025 Q3 review', '2025-09-30');
    await rate('q3', 'front', empowerment, 3);
    await close('q3');
    // A November pulse, still open, rates it 4: the figure moves, provisionally.
    await openAssessment(organizationId, 'nov-pulse', '2025 Nov pulse', '2025-11-15');
    await rate('nov-pulse', 'front', empowerment, 4);

    const realisation = await realisationOf('training');
    expect(realisation).toMatchObject({
      predicted: 2,
      actual: 2,
      ratio: 1,
      due: true,
      assessmentId: 'nov-pulse',
      measurable: true,
    });
    expect(realisation.measurements).toEqual([
      {
        assessmentId: 'q3',
        title: '2025 Q3 review',
        periodEnd: '2025-09-30T00:00:00.000Z',
        open: false,
        actual: 1,
        ratio: 0.5,
      },
      {
        assessmentId: 'nov-pulse',
        title: '2025 Nov pulse',
        periodEnd: '2025-11-15T00:00:00.000Z',
        open: true,
        actual: 2,
        ratio: 1,
      },
    ]);
    expect(realisation.measuredBy).toEqual(realisation.measurements[1]);
    expect(realisation.cells).toEqual([
      { functionId: 'front', capabilityId: empowerment, baselineLevel: 2, predictedLevel: 4, actualLevel: 4 },
    ]);

    await close('nov-pulse');
    expect((await realisationOf('training')).measuredBy).toMatchObject({
      assessmentId: 'nov-pulse',
      open: false,
    });
  });

  it('should accept any date while the organisation has no assessment, and say the realisation can never be measured', async () => {
    await registerOrganization('e2e-realisation-new');
    await planAndApprove('unmeasured', 'e2e-realisation-new');
    const { investment } = await api.mustQuery<{ investment: { deployableFrom: string | null } }>(
      '{ investment(id: "unmeasured") { deployableFrom } }',
    );
    expect(investment.deployableFrom).toBeNull();
    expect((await deploy('unmeasured', '2001-01-01')).errors).toBeUndefined();
    const realisation = await realisationOf('unmeasured');
    expect(realisation).toMatchObject({ measurable: false, predicted: 0, due: false, cells: [] });
    expect(realisation.excludedCells).toHaveLength(2);
  });
});
