// Revising a planned investment over HTTP against the real api and a real SQLite file: the new
// figures under the same id, an approval dropped back to PLANNED, who may, every refusal naming
// its field and writing nothing, and the history's record of old -> new.
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

const INVESTMENT = `
  fragment InvestmentFields on Investment {
    id name kind cost lagMonths status revisedAt
    effects { functionId capabilityId low likely high }
  }`;
const REVISE = `mutation($input: ReviseInvestmentInput!) { reviseInvestment(input: $input) { ...InvestmentFields } } ${INVESTMENT}`;

interface InvestmentAnswer {
  id: string;
  name: string;
  kind: string;
  cost: number;
  lagMonths: number;
  status: string;
  revisedAt: string | null;
  effects: { functionId: string; capabilityId: string; low: number; likely: number; high: number }[];
}

const ORGANIZATION_ID = 'revise-hotel';
const cooperation = { functionId: 'housekeeping', capabilityId: 'cross-functional-cooperation' };

describe('Revising an investment over GraphQL', () => {
  let api: TestApi;
  let store: EventStore;
  let planner: string;

  const head = (): Promise<number> => store.headPosition();
  const tokenFor = async (role: string, organizationId: string): Promise<string> =>
    (
      await api.mustQuery<{ issueApiToken: { token: string } }>(
        `mutation { issueApiToken(role: ${role}, organizationIds: ["${organizationId}"], label: "${role.toLowerCase()}") { token } }`,
      )
    ).issueApiToken.token;

  async function register(organizationId: string): Promise<void> {
    await api.mustQuery(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      {
        input: { id: organizationId, name: `Hotel ${organizationId}` },
      },
    );
    for (const functionId of ['front-desk', 'housekeeping'])
      await api.mustQuery(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
        input: { organizationId, functionId, name: functionId, customerFacing: functionId === 'front-desk' },
      });
  }

  const plan = (investmentId: string, organizationId = ORGANIZATION_ID) =>
    api.mustQuery(
      `mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }`,
      {
        input: {
          organizationId,
          investmentId,
          name: 'Joint huddles',
          kind: 'OPERATIONAL',
          cost: 12000,
          lagMonths: 3,
          effects: [{ ...cooperation, low: 0, likely: 1, high: 1.5 }],
        },
      },
      planner,
    );

  const revise = (input: Record<string, unknown>, token: string | null = planner) =>
    api.graphql<{ reviseInvestment: InvestmentAnswer }>(REVISE, { input }, token);

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    await register(ORGANIZATION_ID);
    planner = await tokenFor('PLANNER', ORGANIZATION_ID);
  });
  afterAll(async () => {
    await api.close();
  });

  it('should revise a planned investment under the same id, and the history should show old -> new', async () => {
    await plan('huddles');
    const answer = await revise({
      investmentId: 'huddles',
      cost: 9500,
      effects: [
        { ...cooperation, low: 0.5, likely: 1, high: 2 },
        { functionId: 'front-desk', capabilityId: 'customer-metrics', low: 0, likely: 0.5, high: 1 },
      ],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.reviseInvestment).toMatchObject({
      id: 'huddles',
      name: 'Joint huddles',
      cost: 9500,
      lagMonths: 3,
      status: 'PLANNED',
      effects: [
        { ...cooperation, low: 0.5, likely: 1, high: 2 },
        { functionId: 'front-desk', capabilityId: 'customer-metrics', low: 0, likely: 0.5, high: 1 },
      ],
    });
    expect(Date.parse(answer.data?.reviseInvestment.revisedAt ?? '')).not.toBeNaN();
    const read = await api.mustQuery<{ investment: InvestmentAnswer }>(
      `{ investment(id: "huddles") { ...InvestmentFields } } ${INVESTMENT}`,
    );
    expect(read.investment.cost).toBe(9500);

    const { history } = await api.mustQuery<{
      history: {
        edges: { node: { type: string; stream: string; actor: string; data: Record<string, unknown> } }[];
      };
    }>(
      `{ history(organizationId: "${ORGANIZATION_ID}", filter: { types: ["InvestmentRevised"] }) { edges { node { type stream actor data } } } }`,
    );
    expect(history.edges.map(({ node }) => node.data)).toEqual([
      expect.objectContaining({
        investmentId: 'huddles',
        cost: 9500,
        previous: { cost: 12000, effects: [{ ...cooperation, low: 0, likely: 1, high: 1.5 }] },
        previousStatus: 'PLANNED',
      }),
    ]);
    expect(history.edges[0]?.node.stream).toBe('investment-huddles');
  });

  it('should simulate a saved scenario that includes it with the revised figures', async () => {
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: {
        organizationId: ORGANIZATION_ID,
        assessmentId: 'baseline',
        title: 'Baseline',
        periodEnd: '2024-03-31',
      },
    });
    await api.mustQuery(`mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`, {
      input: { assessmentId: 'baseline', ...cooperation, level: 2, source: 'SELF' },
    });
    await plan('simulated');
    const saved = await api.mustQuery<{ saveScenario: { savedAt: string } }>(
      `mutation { saveScenario(input: { organizationId: "${ORGANIZATION_ID}", scenarioId: "with-simulated", name: "With it", investmentIds: ["simulated"] }) { savedAt } }`,
      {},
      planner,
    );
    const projectedLevel = async (): Promise<number | null> => {
      const { scenarios } = await api.mustQuery<{ scenarios: { id: string; investmentIds: string[] }[] }>(
        `{ scenarios(organizationId: "${ORGANIZATION_ID}") { id investmentIds } }`,
        {},
        planner,
      );
      const scenario = scenarios.find((candidate) => candidate.id === 'with-simulated');
      const { simulateInvestments } = await api.mustQuery<{
        simulateInvestments: { cells: { functionId: string; capabilityId: string; level: number | null }[] };
      }>(
        `query($ids: [ID!]!) { simulateInvestments(organizationId: "${ORGANIZATION_ID}", investmentIds: $ids) { cells { functionId capabilityId level } } }`,
        { ids: scenario?.investmentIds ?? [] },
        planner,
      );
      return (
        simulateInvestments.cells.find(
          (cell) =>
            cell.functionId === cooperation.functionId && cell.capabilityId === cooperation.capabilityId,
        )?.level ?? null
      );
    };
    await expect(projectedLevel()).resolves.toBe(3);
    const revised = await revise({
      investmentId: 'simulated',
      effects: [{ ...cooperation, low: 0, likely: 0.5, high: 1 }],
    });
    // Revised after the scenario was saved: the page tells them apart by these two times.
    expect(Date.parse(revised.data?.reviseInvestment.revisedAt ?? '')).toBeGreaterThan(
      Date.parse(saved.saveScenario.savedAt),
    );
    await expect(projectedLevel()).resolves.toBe(2.5);
  });

  it('should drop an approved investment back to PLANNED, to be approved again', async () => {
    await plan('approved-huddles');
    await api.mustQuery(
      'mutation { approveInvestment(investmentId: "approved-huddles") { id } }',
      {},
      planner,
    );
    const answer = await revise({ investmentId: 'approved-huddles', lagMonths: 6 });
    expect(answer.data?.reviseInvestment).toMatchObject({ status: 'PLANNED', lagMonths: 6 });
    const approved = await api.mustQuery<{ approveInvestment: { status: string } }>(
      'mutation { approveInvestment(investmentId: "approved-huddles") { status } }',
      {},
      planner,
    );
    expect(approved.approveInvestment.status).toBe('APPROVED');
  });

  it('should answer a repeated commandId with the first result and write nothing more', async () => {
    await plan('repeated');
    const input = { investmentId: 'repeated', name: 'Joint huddles, weekly', commandId: 'revise-repeated-1' };
    const first = await revise(input);
    const before = await head();
    const again = await revise(input);
    expect(again.errors).toBeUndefined();
    expect(again.data?.reviseInvestment).toEqual(first.data?.reviseInvestment);
    expect(await head()).toBe(before);
  });

  it.each([
    ['a negative cost', { cost: -5 }, 'BAD_USER_INPUT', 'cost'],
    ['a blank name', { name: ' ' }, 'BAD_USER_INPUT', 'name'],
    ['a lag over 120 months', { lagMonths: 200 }, 'BAD_USER_INPUT', 'lagMonths'],
    ['no effects', { effects: [] }, 'BAD_USER_INPUT', 'effects'],
    [
      'low above likely',
      { effects: [{ ...cooperation, low: 2, likely: 1, high: 2 }] },
      'BAD_USER_INPUT',
      'effects[0].low',
    ],
    [
      'an unknown function',
      { effects: [{ functionId: 'spa', capabilityId: 'service-recovery', low: 0, likely: 1, high: 1 }] },
      'NOT_FOUND',
      'effects[0].functionId',
    ],
    ['nothing changed', { name: 'Joint huddles', cost: 12000 }, 'BAD_USER_INPUT', 'input'],
  ])('should refuse %s, naming the field and writing nothing', async (_case, change, code, field) => {
    const investmentId = `refused-${field.replace(/[^a-z]/gi, '').toLowerCase()}`;
    await plan(investmentId);
    const before = await head();
    const answer = await revise({ investmentId, ...change });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await head()).toBe(before);
  });

  it.each([
    [
      'deployed',
      'mutation { deployInvestment(investmentId: "gone-live", deployedAt: "2024-07-01") { id } }',
      'a deployed investment is a fact',
    ],
    [
      'cancelled',
      'mutation { cancelInvestment(investmentId: "gone-live", reason: "Budget moved") { id } }',
      'a cancelled investment stays as it was cancelled',
    ],
  ])('should refuse revising a %s investment, saying why, and write nothing', async (status, end, why) => {
    const investmentId = `gone-live-${status}`;
    await plan(investmentId);
    await api.mustQuery(
      `mutation { approveInvestment(investmentId: "${investmentId}") { id } }`,
      {},
      planner,
    );
    await api.mustQuery(end.replace('gone-live', investmentId), {}, planner);
    const before = await head();
    const answer = await revise({ investmentId, cost: 1 });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'investmentId' });
    expect(answer.errors?.[0]?.message).toContain(why);
    expect(await head()).toBe(before);
  });

  it("should let planners and admins revise, and no other role; another organisation's investment reads as unknown", async () => {
    await plan('roles');
    for (const role of ['ASSESSOR', 'AUDITOR']) {
      const answer = await revise({ investmentId: 'roles', cost: 1 }, await tokenFor(role, ORGANIZATION_ID));
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    await register('other-hotel');
    const otherPlanner = await tokenFor('PLANNER', 'other-hotel');
    const before = await head();
    const outside = await revise({ investmentId: 'roles', cost: 1 }, otherPlanner);
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknown = await revise({ investmentId: 'no-such-plan', cost: 1 });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.investmentId' });
    expect(await head()).toBe(before);
    const byAdmin = await revise({ investmentId: 'roles', cost: 2 }, api.adminToken);
    expect(byAdmin.data?.reviseInvestment.cost).toBe(2);
  });
});
