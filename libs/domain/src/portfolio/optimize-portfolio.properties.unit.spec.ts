import fc from 'fast-check';
import { optimizePortfolio, simulateScenario } from '@app/domain';
import type { PortfolioCandidate, PortfolioInput } from '@app/domain';
import { scoringCaseArbitrary } from '../scoring/scoring-arbitraries.fixtures';
import { investmentsArbitrary } from '../simulation/scenario-arbitraries.fixtures';

const TOLERANCE = 1e-9;

const portfolioArbitrary: fc.Arbitrary<PortfolioInput> = scoringCaseArbitrary({
  maximumFunctions: 4,
  maximumCapabilities: 3,
}).chain((scoringCase) =>
  fc.record({
    model: fc.constant(scoringCase.model),
    organization: fc.constant(scoringCase.organization),
    baselineCells: fc.constant(scoringCase.cells),
    candidates: investmentsArbitrary(scoringCase, 6),
    budget: fc.integer({ min: 0, max: 60 }),
    alpha: fc.double({ min: 0, max: 1, noNaN: true }),
    horizonMonths: fc.integer({ min: 0, max: 18 }),
  }),
);

/** Brute force: every subset scored from scratch through simulateScenario. */
const everySubset = (input: PortfolioInput): { ids: string[]; cost: number; objective: number }[] => {
  const alpha = input.alpha ?? 0.5;
  const subsets: { ids: string[]; cost: number; objective: number }[] = [];
  for (let mask = 0; mask < 2 ** input.candidates.length; mask += 1) {
    const chosen: PortfolioCandidate[] = input.candidates.filter((_, position) => (mask >> position) & 1);
    const { baseline, projected } = simulateScenario({ ...input, investments: chosen });
    const delta = (after: number | null, before: number | null) =>
      after === null || before === null ? 0 : after - before;
    subsets.push({
      ids: chosen.map((investment) => investment.id),
      cost: chosen.reduce((total, investment) => total + investment.cost, 0),
      objective:
        alpha * delta(projected.customerCentricityIndex, baseline.customerCentricityIndex) +
        (1 - alpha) * delta(projected.alignmentIndex, baseline.alignmentIndex),
    });
  }
  return subsets;
};

describe('optimizePortfolio properties', () => {
  it('should never be beaten by any subset within budget (brute force)', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const result = optimizePortfolio(input);
        const subsets = everySubset(input);
        expect(result.exact).toBe(true);
        expect(result.totalCost).toBeLessThanOrEqual(input.budget);
        const chosen = subsets.find((subset) => subset.ids.join() === result.selectedIds.join());
        expect(result.objective).toBeCloseTo(chosen?.objective ?? NaN, 9);
        for (const subset of subsets) {
          if (subset.cost <= input.budget)
            expect(subset.objective).toBeLessThanOrEqual(result.objective + TOLERANCE);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('should return a Pareto-efficient frontier that covers every subset within budget', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const { frontier, objective } = optimizePortfolio(input);
        const subsets = everySubset(input);
        frontier.forEach((point, position) => {
          const subset = subsets.find((candidate) => candidate.ids.join() === point.investmentIds.join());
          expect(point.cost).toBe(subset?.cost);
          expect(point.objective).toBeCloseTo(subset?.objective ?? NaN, 9);
          expect(point.cost).toBeLessThanOrEqual(input.budget);
          const previous = frontier[position - 1];
          if (previous !== undefined) {
            expect(point.cost).toBeGreaterThan(previous.cost);
            expect(point.objective).toBeGreaterThan(previous.objective);
          }
          // Efficient: nothing cheaper is as good.
          for (const other of subsets) {
            if (other.cost < point.cost) expect(other.objective).toBeLessThan(point.objective + TOLERANCE);
          }
        });
        // Complete: every affordable subset is matched by a frontier point no dearer.
        for (const subset of subsets) {
          if (subset.cost > input.budget) continue;
          expect(
            frontier.some(
              (point) => point.cost <= subset.cost && point.objective >= subset.objective - TOLERANCE,
            ),
          ).toBe(true);
        }
        expect(frontier.at(-1)?.objective).toBeCloseTo(objective, 9);
      }),
      { numRuns: 80 },
    );
  });
});
