import { optimizePortfolio } from '@app/domain';
import type { PortfolioCandidate, PortfolioInput, ScoringModel, ScoringOrganization } from '@app/domain';
import { thrownBy } from '../scoring/thrown-by.fixtures';

// Two linked functions, one capability, L = 5. Baseline a = 2, b = 4:
//   CCI = 100 * ((1 + 3) / 4) / 2 = 50; AI = 100 * (1 - 2 / 4) = 50.
const model: ScoringModel = { levelCount: 5, capabilities: [{ id: 'insight', weight: 1 }] };
const organization: ScoringOrganization = {
  functions: [
    { id: 'a', customerFacing: true },
    { id: 'b', customerFacing: false },
  ],
  interactions: [{ from: 'a', to: 'b', weight: 1 }],
  targets: [],
};
const candidate = (id: string, cost: number, functionId: string, likely: number): PortfolioCandidate => ({
  id,
  status: 'PLANNED',
  cost,
  lagMonths: 0,
  effects: [{ functionId, capabilityId: 'insight', low: likely, likely, high: likely }],
});
// Alone, with alpha 0.5:
//   lift-a  (10, a +2): a 4 -> CCI 75 (+25), AI 100 (+50)  -> 37.5
//   lift-b  ( 5, b +1): b 5 -> CCI 62.5 (+12.5), AI 25 (-25) -> -6.25
//   small-a ( 4, a +1): a 3 -> CCI 62.5 (+12.5), AI 75 (+25) -> 18.75
// Together:
//   small-a + lift-b (9):  a 3, b 5 -> CCI 75 (+25), AI 50 (0)     -> 12.5
//   lift-a + small-a (14): a 5, b 4 -> CCI 87.5 (+37.5), AI 75 (+25) -> 31.25
//   lift-a + lift-b (15):  a 4, b 5 -> CCI 87.5 (+37.5), AI 75 (+25) -> 31.25
//   all three (19):        a 5, b 5 -> CCI 100 (+50), AI 100 (+50)   -> 50
const candidates = [
  candidate('lift-a', 10, 'a', 2),
  candidate('lift-b', 5, 'b', 1),
  candidate('small-a', 4, 'a', 1),
];
const input: PortfolioInput = {
  model,
  organization,
  baselineCells: [
    { functionId: 'a', capabilityId: 'insight', level: 2 },
    { functionId: 'b', capabilityId: 'insight', level: 4 },
  ],
  candidates,
  budget: 12,
};

describe('optimizePortfolio', () => {
  it('should choose the best subset within budget, exactly', () => {
    const result = optimizePortfolio(input);
    expect(result).toMatchObject({ selectedIds: ['lift-a'], totalCost: 10, objective: 37.5, exact: true });
    expect(result.method).toMatch(/^exact: all 8 subsets/);
    expect(result.baseline).toEqual({
      customerCentricityIndex: 50,
      alignmentIndex: 50,
      targetAttainment: null,
    });
    expect(result.projected).toEqual({
      customerCentricityIndex: 75,
      alignmentIndex: 100,
      targetAttainment: null,
    });
  });

  it('should list the Pareto frontier within budget, cheapest first', () => {
    // lift-b (5, -6.25) and small-a + lift-b (9, 12.5) are beaten by small-a (4, 18.75).
    expect(optimizePortfolio(input).frontier).toEqual([
      { cost: 0, objective: 0, investmentIds: [] },
      { cost: 4, objective: 18.75, investmentIds: ['small-a'] },
      { cost: 10, objective: 37.5, investmentIds: ['lift-a'] },
    ]);
  });

  it('should take everything when the budget allows and it pays', () => {
    const result = optimizePortfolio({ ...input, budget: 20 });
    expect(result).toMatchObject({
      selectedIds: ['lift-a', 'lift-b', 'small-a'],
      totalCost: 19,
      objective: 50,
    });
    // lift-a + small-a (14, 31.25) and lift-a + lift-b (15, 31.25) are beaten by lift-a (10, 37.5).
    expect(result.frontier.map((point) => point.cost)).toEqual([0, 4, 10, 19]);
  });

  it('should say which weight and horizon it used, the defaults when none were asked', () => {
    expect(optimizePortfolio(input)).toMatchObject({ alpha: 0.5, horizonMonths: 12 });
    expect(optimizePortfolio({ ...input, alpha: 0.8, horizonMonths: 6 })).toMatchObject({
      alpha: 0.8,
      horizonMonths: 6,
    });
  });

  it('should weigh the indices by alpha and prefer the cheaper of equal subsets', () => {
    // alpha 1 (CCI only), budget 15: lift-a + small-a (14) and lift-a + lift-b (15) both gain 37.5.
    expect(optimizePortfolio({ ...input, alpha: 1, budget: 15 })).toMatchObject({
      selectedIds: ['lift-a', 'small-a'],
      totalCost: 14,
      objective: 37.5,
    });
    // alpha 0 (AI only), budget 20: all three (+50) equals lift-a alone (+50), which is cheaper.
    expect(optimizePortfolio({ ...input, alpha: 0, budget: 20 })).toMatchObject({
      selectedIds: ['lift-a'],
      objective: 50,
    });
  });

  it('should choose nothing with no budget, or when nothing helps', () => {
    expect(optimizePortfolio({ ...input, budget: 0 })).toMatchObject({
      selectedIds: [],
      totalCost: 0,
      objective: 0,
    });
    expect(optimizePortfolio({ ...input, candidates: [candidates[1] as PortfolioCandidate] })).toMatchObject({
      selectedIds: [],
      frontier: [{ cost: 0, objective: 0, investmentIds: [] }],
    });
  });

  it('should count no effect of a candidate whose lag passes the horizon', () => {
    const late = { ...candidate('late', 1, 'a', 2), lagMonths: 13 };
    expect(optimizePortfolio({ ...input, candidates: [late] })).toMatchObject({
      selectedIds: [],
      objective: 0,
    });
    expect(optimizePortfolio({ ...input, candidates: [late], horizonMonths: 13 })).toMatchObject({
      selectedIds: ['late'],
      objective: 37.5,
    });
  });

  it('should search heuristically beyond 20 candidates and say so', () => {
    // 21 candidates: lift-a, then 20 that only hurt alignment (b up by 0.05 each, cost 1).
    const many = [
      candidate('lift-a', 10, 'a', 2),
      ...Array.from({ length: 20 }, (_, position) => candidate(`nudge-${position}`, 1, 'b', 0.05)),
    ];
    const result = optimizePortfolio({ ...input, candidates: many, budget: 30 });
    expect(result.exact).toBe(false);
    expect(result.method).toMatch(/^heuristic \(21 candidates/);
    expect(result.selectedIds).toContain('lift-a');
    expect(result.totalCost).toBeLessThanOrEqual(30);
    expect(result.objective).toBeGreaterThanOrEqual(37.5);
  });

  it.each([
    [{ alpha: 1.5 }, 'alpha', 'invalid_input'],
    [{ alpha: -0.1 }, 'alpha', 'invalid_input'],
    [{ budget: -1 }, 'budget', 'invalid_input'],
    [{ horizonMonths: 200 }, 'horizonMonths', 'invalid_input'],
    [{ candidates: [candidates[0], candidates[0]] }, 'candidateIds', 'invalid_input'],
    [{ candidates: [{ ...candidates[0], status: 'CANCELLED' }] }, 'candidateIds', 'conflict'],
    [{ candidates: [{ ...candidates[0], cost: -5 }] }, 'candidates[0].cost', 'invalid_input'],
  ])('should refuse %j', (override, field, kind) => {
    expect(
      thrownBy(() => optimizePortfolio({ ...input, ...(override as Partial<PortfolioInput>) })),
    ).toMatchObject({ field, kind });
  });
});
