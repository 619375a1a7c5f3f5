// simulateInvestments, optimizePortfolio and investmentRealisation over HTTP, on a two-function
// organisation small enough to score by hand (default model: L = 5, cooperation w = 2, empowerment w = 1).
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const organizationId = 'e2e-simulation-hotel';
const cooperation = 'cross-functional-cooperation';
const empowerment = 'employee-empowerment';

interface Indices {
  customerCentricityIndex: number | null;
  alignmentIndex: number | null;
  targetAttainment: number | null;
}

interface SimulationAnswer {
  simulateInvestments: {
    horizonMonths: number;
    baseline: Indices;
    projected: Indices;
    trajectory: ({ month: number } & Indices)[];
    cells: { functionId: string; capabilityId: string; level: number | null; perceptionGap: number | null }[];
    weakestLinks: { from: string; to: string; misalignment: number }[];
    warnings: { code: string; message: string; from: string | null; to: string | null }[];
    distribution: {
      trials: number;
      customerCentricityIndex: { p10: number; p50: number; p90: number };
      alignmentIndex: { p10: number; p50: number; p90: number };
      probabilityAlignmentDrops: number;
    } | null;
  };
}

const simulateQuery = `
  query Simulate($organizationId: ID!, $investmentIds: [ID!]!, $trials: Int, $seed: Int, $asOf: DateTime) {
    simulateInvestments(organizationId: $organizationId, investmentIds: $investmentIds, trials: $trials, seed: $seed, asOf: $asOf) {
      horizonMonths
      baseline { customerCentricityIndex alignmentIndex targetAttainment }
      projected { customerCentricityIndex alignmentIndex targetAttainment }
      trajectory { month customerCentricityIndex alignmentIndex targetAttainment }
      cells { functionId capabilityId level perceptionGap }
      weakestLinks { from to misalignment }
      warnings { code message from to }
      distribution {
        trials probabilityAlignmentDrops
        customerCentricityIndex { p10 p50 p90 }
        alignmentIndex { p10 p50 p90 }
      }
    }
  }
`;

/** CCI = 100 * sum w (m - 1) / 4 / sum w over the four rated cells (weights 1, 1, 2, 2). */
const customerCentricity = (
  frontEmpowerment: number,
  backEmpowerment: number,
  frontCooperation: number,
  backCooperation: number,
): number =>
  (100 *
    (1 * (frontEmpowerment - 1) +
      1 * (backEmpowerment - 1) +
      2 * (frontCooperation - 1) +
      2 * (backCooperation - 1))) /
  4 /
  6;

/** AI over the one link: 100 * (1 - sum w_c d / (4 * sum w_c)). */
const alignment = (empowermentDifference: number, cooperationDifference: number): number =>
  100 * (1 - (1 * empowermentDifference + 2 * cooperationDifference) / (4 * 3));

describe('Simulation queries (e2e)', () => {
  let api: TestApi;

  const mutate = (query: string, variables: Record<string, unknown>): Promise<unknown> =>
    api.mustQuery(query, variables);

  const rate = (
    assessmentId: string,
    functionId: string,
    capabilityId: string,
    level: number,
    source: string,
    raterFunctionId?: string,
  ) =>
    mutate('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', {
      input: { assessmentId, functionId, capabilityId, level, source, raterFunctionId },
    });

  const plan = (
    investmentId: string,
    functionId: string,
    capabilityId: string,
    effect: [number, number, number],
    cost: number,
    lagMonths: number,
    organization = organizationId,
  ) =>
    mutate('mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }', {
      input: {
        organizationId: organization,
        investmentId,
        name: investmentId,
        kind: 'OPERATIONAL',
        cost,
        lagMonths,
        effects: [{ functionId, capabilityId, low: effect[0], likely: effect[1], high: effect[2] }],
      },
    });

  const registerOrganization = async (id: string): Promise<void> => {
    await mutate(
      'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
      {
        input: { id, name: id },
      },
    );
    for (const [functionId, customerFacing] of [
      ['front', true],
      ['back', false],
    ] as const) {
      await mutate('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
        input: { organizationId: id, functionId, name: functionId, customerFacing },
      });
    }
  };

  const openAssessment = (organization: string, assessmentId: string, periodEnd: string) =>
    mutate('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
      input: { organizationId: organization, assessmentId, title: assessmentId, periodEnd },
    });

  beforeAll(async () => {
    api = await startTestApi();
    await registerOrganization(organizationId);
    await mutate('mutation($input: LinkFunctionsInput!) { linkFunctions(input: $input) { id } }', {
      input: { organizationId, from: 'front', to: 'back', weight: 1 },
    });
    await mutate('mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }', {
      input: { organizationId, capabilityId: cooperation, level: 4 },
    });

    // Q1: front empowerment 2, back empowerment 2, front cooperation 3,
    // back cooperation (SELF 4 + front's PEER 2 counting double) / 3 = 8/3.
    await openAssessment(organizationId, 'e2e-q1', '2025-03-31');
    await rate('e2e-q1', 'front', empowerment, 2, 'SELF');
    await rate('e2e-q1', 'back', empowerment, 2, 'SELF');
    await rate('e2e-q1', 'front', cooperation, 3, 'SELF');
    await rate('e2e-q1', 'back', cooperation, 4, 'SELF');
    await rate('e2e-q1', 'back', cooperation, 2, 'PEER', 'front');
    await mutate('mutation { closeAssessment(assessmentId: "e2e-q1") { id } }', {});

    await plan('e2e-training', 'front', empowerment, [1, 2, 2.5], 100_000, 3);
    await plan('e2e-say', 'back', cooperation, [0, 0.5, 1], 50_000, 6);
    await plan('e2e-cancelled', 'back', empowerment, [0, 1, 1], 10_000, 1);
    await mutate(
      'mutation { cancelInvestment(investmentId: "e2e-cancelled", reason: "superseded") { id } }',
      {},
    );
    await mutate('mutation { approveInvestment(investmentId: "e2e-training") { id } }', {});
    await mutate(
      'mutation { deployInvestment(investmentId: "e2e-training", deployedAt: "2025-04-15") { id } }',
      {},
    );

    // Q3: the training shows, but only one level of the two promised.
    await openAssessment(organizationId, 'e2e-q3', '2025-09-30');
    await rate('e2e-q3', 'front', empowerment, 3, 'SELF');
    await rate('e2e-q3', 'front', empowerment, 3, 'PEER', 'back');
    await mutate('mutation { closeAssessment(assessmentId: "e2e-q3") { id } }', {});
  });

  afterAll(async () => {
    await api.close();
  });

  it('should raise maturity, lower alignment and warn when only the front line is trained, as of Q1', async () => {
    const { simulateInvestments: result } = await api.mustQuery<SimulationAnswer>(simulateQuery, {
      organizationId,
      investmentIds: ['e2e-training'],
      asOf: '2025-06-30',
    });

    expect(result.horizonMonths).toBe(12);
    expect(result.baseline.customerCentricityIndex).toBeCloseTo(customerCentricity(2, 2, 3, 8 / 3), 6);
    expect(result.baseline.customerCentricityIndex).toBeCloseTo(38.8889, 3);
    expect(result.baseline.alignmentIndex).toBeCloseTo(alignment(0, 1 / 3), 6);
    // Cooperation target 4: 100 * (1 - (2 * 1 + 2 * 4/3) / (2 * 3 + 2 * 3)).
    expect(result.baseline.targetAttainment).toBeCloseTo(100 * (1 - (2 + 8 / 3) / 12), 6);
    expect(result.projected.customerCentricityIndex).toBeCloseTo(customerCentricity(4, 2, 3, 8 / 3), 6);
    expect(result.projected.alignmentIndex).toBeCloseTo(alignment(2, 1 / 3), 6);

    expect(result.trajectory).toHaveLength(13);
    expect(result.trajectory[2]?.customerCentricityIndex).toBeCloseTo(customerCentricity(2, 2, 3, 8 / 3), 6);
    expect(result.trajectory[3]?.customerCentricityIndex).toBeCloseTo(customerCentricity(4, 2, 3, 8 / 3), 6);

    const frontEmpowerment = result.cells.find(
      (cell) => cell.functionId === 'front' && cell.capabilityId === empowerment,
    );
    expect(frontEmpowerment?.level).toBeCloseTo(4, 6);
    const backCooperation = result.cells.find(
      (cell) => cell.functionId === 'back' && cell.capabilityId === cooperation,
    );
    expect(backCooperation?.perceptionGap).toBeCloseTo(2, 6);
    expect(result.weakestLinks).toEqual([
      { from: 'front', to: 'back', misalignment: expect.closeTo((2 + 2 / 3) / 3, 6) },
    ]);

    const codes = result.warnings.map((warning) => warning.code).sort();
    expect(codes).toEqual(['LINK_MISALIGNMENT_UP', 'MATURITY_UP_ALIGNMENT_DOWN']);
    expect(result.warnings.find((warning) => warning.code === 'LINK_MISALIGNMENT_UP')).toMatchObject({
      from: 'front',
      to: 'back',
    });
    expect(result.distribution).toBeNull();
  });

  it('should start from the latest assessments when no asOf is given', async () => {
    const { simulateInvestments: result } = await api.mustQuery<SimulationAnswer>(simulateQuery, {
      organizationId,
      investmentIds: ['e2e-say'],
    });

    expect(result.baseline.customerCentricityIndex).toBeCloseTo(customerCentricity(3, 2, 3, 8 / 3), 6);
    expect(result.baseline.alignmentIndex).toBeCloseTo(alignment(1, 1 / 3), 6);
    expect(result.projected.customerCentricityIndex).toBeCloseTo(customerCentricity(3, 2, 3, 8 / 3 + 0.5), 6);
    expect(result.projected.alignmentIndex).toBeCloseTo(alignment(1, 1 / 6), 6);
    expect(result.warnings).toEqual([]);
  });

  it('should give the same spread for the same seed, with p10 <= p50 <= p90', async () => {
    const variables = { organizationId, investmentIds: ['e2e-training', 'e2e-say'], trials: 500, seed: 7 };
    const first = await api.mustQuery<SimulationAnswer>(simulateQuery, variables);
    const second = await api.mustQuery<SimulationAnswer>(simulateQuery, variables);

    const distribution = first.simulateInvestments.distribution;
    expect(distribution).not.toBeNull();
    expect(second.simulateInvestments.distribution).toEqual(distribution);
    expect(distribution?.trials).toBe(500);
    for (const percentiles of [distribution?.customerCentricityIndex, distribution?.alignmentIndex]) {
      expect(percentiles?.p10).toBeLessThanOrEqual(percentiles?.p50 ?? NaN);
      expect(percentiles?.p50).toBeLessThanOrEqual(percentiles?.p90 ?? NaN);
    }
    // Empowerment rises by 1 to 2.5 levels on one side only: alignment always drops.
    expect(distribution?.probabilityAlignmentDrops).toBeCloseTo(1, 6);
  });

  it('should pick the front line say within budget, exactly, with its frontier', async () => {
    const { optimizePortfolio: result } = await api.mustQuery<{
      optimizePortfolio: {
        selectedIds: string[];
        totalCost: number;
        objective: number;
        exact: boolean;
        method: string;
        frontier: { cost: number; objective: number; investmentIds: string[] }[];
      };
    }>(
      `query { optimizePortfolio(organizationId: "${organizationId}", candidateIds: ["e2e-training", "e2e-say"], budget: 120000) {
        selectedIds totalCost objective exact method frontier { cost objective investmentIds } } }`,
    );

    const sayObjective =
      0.5 * (customerCentricity(3, 2, 3, 8 / 3 + 0.5) - customerCentricity(3, 2, 3, 8 / 3)) +
      0.5 * (alignment(1, 1 / 6) - alignment(1, 1 / 3));
    expect(result.selectedIds).toEqual(['e2e-say']);
    expect(result.totalCost).toBe(50_000);
    expect(result.objective).toBeCloseTo(sayObjective, 6);
    expect(result.objective).toBeCloseTo(3.4722, 3);
    expect(result.exact).toBe(true);
    expect(result.method).toMatch(/\w+/);
    expect(result.frontier).toEqual([
      { cost: 0, objective: 0, investmentIds: [] },
      { cost: 50_000, objective: expect.closeTo(sayObjective, 6), investmentIds: ['e2e-say'] },
    ]);
  });

  it('should say which weight and horizon it used: the defaults when none were asked, else the ones asked', async () => {
    const ask = async (args: string) =>
      (
        await api.mustQuery<{
          optimizePortfolio: { alpha: number; horizonMonths: number; objective: number };
        }>(
          `query { optimizePortfolio(organizationId: "${organizationId}", candidateIds: ["e2e-say"], budget: 120000${args}) {
            alpha horizonMonths objective } }`,
        )
      ).optimizePortfolio;
    expect(await ask('')).toMatchObject({ alpha: 0.5, horizonMonths: 12 });
    const maturityOnly = await ask(', alpha: 1, horizonMonths: 24');
    expect(maturityOnly).toMatchObject({ alpha: 1, horizonMonths: 24 });
    // All the weight on CCI: the objective is the change in CCI alone.
    expect(maturityOnly.objective).toBeCloseTo(
      customerCentricity(3, 2, 3, 8 / 3 + 0.5) - customerCentricity(3, 2, 3, 8 / 3),
      6,
    );
  });

  it('should show half of the predicted change realised once an assessment after the lag rates the cell', async () => {
    const { investmentRealisation: result } = await api.mustQuery<{
      investmentRealisation: {
        investmentId: string;
        predicted: number;
        actual: number | null;
        ratio: number | null;
        due: boolean;
        dueFrom: string;
        assessmentId: string | null;
      };
    }>(
      'query { investmentRealisation(investmentId: "e2e-training") { investmentId predicted actual ratio due dueFrom assessmentId } }',
    );

    expect(result).toEqual({
      investmentId: 'e2e-training',
      predicted: 2,
      actual: 1,
      ratio: 0.5,
      due: true,
      dueFrom: '2025-07-15T00:00:00.000Z',
      assessmentId: 'e2e-q3',
    });
  });

  it('should leave the distribution out when alignment has no value to spread', async () => {
    await registerOrganization('e2e-simulation-unlinked');
    await openAssessment('e2e-simulation-unlinked', 'e2e-unlinked-q1', '2025-03-31');
    await rate('e2e-unlinked-q1', 'front', empowerment, 2, 'SELF');
    await plan('e2e-unlinked-training', 'front', empowerment, [0, 1, 2], 1_000, 0, 'e2e-simulation-unlinked');

    const { simulateInvestments: result } = await api.mustQuery<SimulationAnswer>(simulateQuery, {
      organizationId: 'e2e-simulation-unlinked',
      investmentIds: ['e2e-unlinked-training'],
      trials: 100,
    });

    expect(result.baseline.alignmentIndex).toBeNull();
    expect(result.projected.customerCentricityIndex).toBeCloseTo(50, 6);
    expect(result.distribution).toBeNull();
  });

  it.each([
    ['an unknown investment', { investmentIds: ['e2e-nowhere'] }, 'NOT_FOUND', 'investmentIds[0]'],
    [
      'an investment of another organisation',
      { investmentIds: ['e2e-unlinked-training'] },
      'NOT_FOUND',
      'investmentIds[0]',
    ],
    ['a cancelled investment', { investmentIds: ['e2e-cancelled'] }, 'CONFLICT', 'investmentIds'],
    [
      'a horizon beyond ten years',
      { investmentIds: [], horizonMonths: 121 },
      'BAD_USER_INPUT',
      'horizonMonths',
    ],
  ])('should refuse a simulation of %s, naming the field', async (_case, variables, code, field) => {
    const answer = await api.graphql(
      'query($organizationId: ID!, $investmentIds: [ID!]!, $horizonMonths: Int) { simulateInvestments(organizationId: $organizationId, investmentIds: $investmentIds, horizonMonths: $horizonMonths) { horizonMonths } }',
      { organizationId, ...variables },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field });
  });

  it('should refuse a portfolio with an unknown candidate or a negative budget, naming the field', async () => {
    const unknown = await api.graphql(
      `query { optimizePortfolio(organizationId: "${organizationId}", candidateIds: ["e2e-nowhere"], budget: 1) { exact } }`,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'candidateIds[0]' });
    const negative = await api.graphql(
      `query { optimizePortfolio(organizationId: "${organizationId}", candidateIds: [], budget: -1) { exact } }`,
    );
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budget' });
  });

  it('should refuse the realisation of an unknown or undeployed investment', async () => {
    const unknown = await api.graphql('query { investmentRealisation(investmentId: "e2e-nowhere") { due } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'investmentId' });
    const planned = await api.graphql('query { investmentRealisation(investmentId: "e2e-say") { due } }');
    expect(planned.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'investmentId' });
  });
});
