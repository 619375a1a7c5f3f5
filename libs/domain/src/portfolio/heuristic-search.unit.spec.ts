// The heuristic beyond 20 candidates against exhaustive search, on random instances of 21 to 24
// candidates whose budget keeps the feasible subsets few enough to score every one of them.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ScoringModel, ScoringOrganization } from '../scoring';
import { compileScoreGrid } from '../scoring/score-grid';
import { placeEffects } from '../simulation/scenario-effects';
import { optimizePortfolio } from './optimize-portfolio';
import type { PortfolioCandidate, PortfolioInput } from './portfolio-input';
import { PortfolioState } from './portfolio-state';

const INSTANCES = 40;

/** A seeded instance: 4-6 functions, 3-5 capabilities, every cell rated, 21-24 candidates. */
function randomInstance(seed: number): PortfolioInput {
  const generator = xoroshiro128plus(seed);
  const next = (min: number, max: number): number =>
    min + Math.floor(uniformFloat64(generator) * (max - min + 1));
  const levelCount = 5;
  const functionIds = Array.from({ length: next(4, 6) }, (_, position) => `function-${position}`);
  const capabilityIds = Array.from({ length: next(3, 5) }, (_, position) => `capability-${position}`);
  const model: ScoringModel = {
    levelCount,
    capabilities: capabilityIds.map((id) => ({ id, weight: next(1, 3) })),
  };
  const declared = next(0, 1) === 1;
  const organization: ScoringOrganization = {
    functions: functionIds.map((id) => ({ id, customerFacing: next(0, 1) === 1 })),
    interactions: declared
      ? functionIds.flatMap((from, position) =>
          functionIds
            .slice(position + 1)
            .filter(() => next(0, 2) > 0)
            .map((to) => ({ from, to, weight: next(1, 4) })),
        )
      : [],
    targets: [],
  };
  const baselineCells = functionIds.flatMap((functionId) =>
    capabilityIds.map((capabilityId) => ({ functionId, capabilityId, level: next(10, 40) / 10 })),
  );
  const candidates: PortfolioCandidate[] = Array.from({ length: next(21, 24) }, (_, position) => ({
    id: `candidate-${position}`,
    name: `Candidate ${position}`,
    status: 'PLANNED',
    lagMonths: 0,
    cost: next(5, 30),
    effects: Array.from({ length: next(1, 3) }, () => {
      const likely = next(-10, 20) / 10;
      return {
        functionId: functionIds[next(0, functionIds.length - 1)] ?? '',
        capabilityId: capabilityIds[next(0, capabilityIds.length - 1)] ?? '',
        low: likely - 0.5,
        likely,
        high: likely + 0.5,
      };
    }),
  }));
  const totalCost = candidates.reduce((total, candidate) => total + candidate.cost, 0);
  return {
    model,
    organization,
    baselineCells,
    candidates,
    budget: Math.round(totalCost * (next(12, 20) / 100)),
    alpha: next(0, 10) / 10,
  };
}

/** Scores selections one toggle at a time, independently of the searches under test. */
function stateOf(input: PortfolioInput): { state: PortfolioState; costs: number[] } {
  const grid = compileScoreGrid(input.model, input.organization, input.baselineCells);
  const { effects } = placeEffects(grid, input.candidates);
  return {
    state: new PortfolioState(grid, input.candidates.length, effects, input.alpha ?? 0.5),
    costs: input.candidates.map((candidate) => candidate.cost),
  };
}

/** Every subset within budget, depth first over candidates by rising cost. */
function exhaustiveOptimum(input: PortfolioInput): number {
  const { state, costs } = stateOf(input);
  const order = costs
    .map((_, position) => position)
    .sort((left, right) => (costs[left] ?? 0) - (costs[right] ?? 0));
  let best = 0;
  const visit = (from: number, cost: number): void => {
    for (let index = from; index < order.length; index += 1) {
      const candidate = order[index] ?? 0;
      const next = cost + (costs[candidate] ?? 0);
      if (next > input.budget) return;
      state.toggle(candidate);
      best = Math.max(best, state.objective());
      visit(index + 1, next);
      state.toggle(candidate);
    }
  };
  visit(0, 0);
  return best;
}

/** Greedy by objective gained per unit cost, while anything gains. */
function greedyObjective(input: PortfolioInput): number {
  const { state, costs } = stateOf(input);
  let spent = 0;
  for (;;) {
    const current = state.objective();
    let chosen = -1;
    let chosenRatio = 0;
    costs.forEach((cost, candidate) => {
      if (state.selected[candidate] === 1 || spent + cost > input.budget) return;
      state.toggle(candidate);
      const gain = state.objective() - current;
      state.toggle(candidate);
      const ratio = cost > 0 ? gain / cost : gain > 0 ? Infinity : 0;
      if (gain > 1e-9 && ratio > chosenRatio) {
        chosen = candidate;
        chosenRatio = ratio;
      }
    });
    if (chosen < 0) return state.objective();
    state.toggle(chosen);
    spent += costs[chosen] ?? 0;
  }
}

describe('portfolio heuristic beyond 20 candidates', () => {
  const instances = Array.from({ length: INSTANCES }, (_, seed) => randomInstance(seed + 1));
  const results = instances.map((input) => ({
    input,
    result: optimizePortfolio(input),
    optimum: exhaustiveOptimum(input),
  }));

  it('should say it is a heuristic and stay within budget', () => {
    for (const { input, result } of results) {
      expect(result.exact).toBe(false);
      expect(result.method).toMatch(/^heuristic/);
      expect(result.totalCost).toBeLessThanOrEqual(input.budget);
    }
  });

  it('should come within 2% of the exhaustive optimum on at least 95% of random instances of 21-24 candidates', () => {
    const within = results.filter(
      ({ result, optimum }) => result.objective >= optimum - 0.02 * Math.abs(optimum) - 1e-9,
    );
    expect(within.length / results.length).toBeGreaterThanOrEqual(0.95);
    // And never above the optimum: the exhaustive search is the truth.
    for (const { result, optimum } of results) expect(result.objective).toBeLessThanOrEqual(optimum + 1e-6);
  });

  it('should never be worse than greedy', () => {
    for (const { input, result } of results)
      expect(result.objective).toBeGreaterThanOrEqual(greedyObjective(input) - 1e-6);
  });

  it('should find a pair that only pays together, where greedy finds nothing (21 candidates, objective 0 before)', () => {
    // Two functions level at 3, linked: raising either alone opens a gap (alignment falls more
    // than customer-centricity rises, alpha 0.2); raising both together keeps them aligned.
    const model: ScoringModel = { levelCount: 5, capabilities: [{ id: 'listening', weight: 1 }] };
    const organization: ScoringOrganization = {
      functions: [
        { id: 'desk', customerFacing: true },
        { id: 'housekeeping', customerFacing: false },
      ],
      interactions: [],
      targets: [],
    };
    const raise = (id: string, functionId: string, cost: number): PortfolioCandidate => ({
      id,
      name: id,
      status: 'PLANNED',
      lagMonths: 0,
      cost,
      effects: [{ functionId, capabilityId: 'listening', low: 1, likely: 1, high: 1 }],
    });
    const candidates = [
      raise('desk-training', 'desk', 10),
      raise('housekeeping-training', 'housekeeping', 10),
      ...Array.from({ length: 19 }, (_, position) => raise(`gadget-${position}`, 'desk', 50)),
    ];
    const input: PortfolioInput = {
      model,
      organization,
      baselineCells: [
        { functionId: 'desk', capabilityId: 'listening', level: 3 },
        { functionId: 'housekeeping', capabilityId: 'listening', level: 3 },
      ],
      candidates,
      budget: 20,
      alpha: 0.2,
    };
    expect(greedyObjective(input)).toBe(0);
    const result = optimizePortfolio(input);
    expect(result.selectedIds).toEqual(['desk-training', 'housekeeping-training']);
    expect(result.objective).toBeCloseTo(exhaustiveOptimum(input), 9);
    expect(result.objective).toBeGreaterThan(0);
  });
});
