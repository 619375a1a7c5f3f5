// Found by the attack: with 21 candidates the heuristic answered objective 0 while an exact search
// over 20 of them found a positive one. Here two trainings only pay together (raising one linked
// function alone opens a gap); 19 expensive gadgets make it 21 candidates.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

interface Portfolio {
  optimizePortfolio: { selectedIds: string[]; objective: number; exact: boolean; totalCost: number };
}

describe('optimizePortfolio beyond the exact limit (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    for (const functionId of ['desk', 'housekeeping'])
      await api.mustQuery(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "hotel", functionId: $f, name: $n }) { id } }',
        { f: functionId, n: functionId },
      );
    await api.mustQuery(
      'mutation { openAssessment(input: { organizationId: "hotel", assessmentId: "q1", title: "Q1", periodEnd: "2024-03-31" }) { id } }',
    );
    for (const functionId of ['desk', 'housekeeping'])
      await api.mustQuery(
        'mutation($f: ID!) { recordRating(input: { assessmentId: "q1", functionId: $f, capabilityId: "customer-insight", level: 3, source: SELF }) { id } }',
        { f: functionId },
      );
    const plan = (investmentId: string, functionId: string, cost: number) =>
      api.mustQuery(
        'mutation($i: ID!, $n: String!, $f: ID!, $c: Float!) { planInvestment(input: { organizationId: "hotel", investmentId: $i, name: $n, kind: OPERATIONAL, cost: $c, lagMonths: 0, effects: [{ functionId: $f, capabilityId: "customer-insight", low: 1, likely: 1, high: 1 }] }) { id } }',
        { i: investmentId, n: investmentId, f: functionId, c: cost },
      );
    await plan('desk-training', 'desk', 10);
    await plan('housekeeping-training', 'housekeeping', 10);
    for (let position = 0; position < 19; position += 1) await plan(`gadget-${position}`, 'desk', 50);
  });

  afterAll(async () => {
    await api.close();
  });

  it('should find the pair that only pays together among 21 candidates instead of answering objective 0', async () => {
    const candidateIds = [
      'desk-training',
      'housekeeping-training',
      ...Array.from({ length: 19 }, (_, position) => `gadget-${position}`),
    ];
    const { optimizePortfolio } = await api.mustQuery<Portfolio>(
      'query($c: [ID!]!) { optimizePortfolio(organizationId: "hotel", candidateIds: $c, budget: 20, alpha: 0.2) { selectedIds objective exact totalCost } }',
      { c: candidateIds },
    );
    expect(optimizePortfolio.exact).toBe(false);
    expect(optimizePortfolio.selectedIds).toEqual(['desk-training', 'housekeeping-training']);
    expect(optimizePortfolio.totalCost).toBe(20);
    // Both raised by one level: dCCI = 100 * 2 / (4 * 2) = 25, dAI = 0, objective 0.2 * 25.
    expect(optimizePortfolio.objective).toBeCloseTo(5, 9);
  });
});
