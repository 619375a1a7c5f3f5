import fc from 'fast-check';
import { computeMaturity, simulateScenario } from '@app/domain';
import { scoringCaseArbitrary } from '../scoring/scoring-arbitraries.fixtures';
import { investmentsArbitrary } from './scenario-arbitraries.fixtures';

const scenarioArbitrary = scoringCaseArbitrary().chain((scoringCase) =>
  fc.record({
    scoringCase: fc.constant(scoringCase),
    investments: investmentsArbitrary(scoringCase),
    horizonMonths: fc.integer({ min: 0, max: 24 }),
  }),
);

const withinPercentRange = (value: number | null): boolean => value === null || (value >= 0 && value <= 100);

describe('simulateScenario properties', () => {
  it('should equal the baseline when there are no investments', () => {
    fc.assert(
      fc.property(
        scoringCaseArbitrary(),
        fc.integer({ min: 0, max: 24 }),
        ({ model, organization, cells }, horizonMonths) => {
          const result = simulateScenario({
            model,
            organization,
            baselineCells: cells,
            investments: [],
            horizonMonths,
          });
          const maturity = computeMaturity(model, organization, cells);
          expect(result.projected).toEqual(result.baseline);
          expect(result.baseline).toEqual({
            customerCentricityIndex: maturity.customerCentricityIndex,
            alignmentIndex: maturity.alignmentIndex,
            targetAttainment: maturity.targetAttainment,
          });
          expect(result.trajectory.map(({ month: _month, ...indices }) => indices)).toEqual(
            Array.from({ length: horizonMonths + 1 }, () => result.baseline),
          );
          expect(result.cells).toEqual(maturity.cells);
          expect(result.weakestLinks).toEqual(maturity.weakestLinks);
          expect(result.warnings).toEqual([]);
        },
      ),
    );
  });

  it('should keep projected indices and the trajectory within 0..100', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        ({ scoringCase: { model, organization, cells }, investments, horizonMonths }) => {
          const result = simulateScenario({
            model,
            organization,
            baselineCells: cells,
            investments,
            horizonMonths,
          });
          for (const indices of [result.projected, ...result.trajectory]) {
            expect(withinPercentRange(indices.customerCentricityIndex)).toBe(true);
            expect(withinPercentRange(indices.alignmentIndex)).toBe(true);
            expect(withinPercentRange(indices.targetAttainment)).toBe(true);
          }
          expect(
            result.cells.every(
              (cell) => cell.level === null || (cell.level >= 1 && cell.level <= model.levelCount),
            ),
          ).toBe(true);
        },
      ),
    );
  });

  it('should never change the deterministic projection with more trials', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: -1000, max: 1000 }),
        ({ scoringCase: { model, organization, cells }, investments, horizonMonths }, trials, seed) => {
          const input = { model, organization, baselineCells: cells, investments, horizonMonths };
          const { distribution: none, ...withoutTrials } = simulateScenario(input);
          const { distribution, ...withTrials } = simulateScenario({ ...input, trials, seed });
          expect(none).toBeNull();
          expect(distribution?.trials).toBe(trials);
          expect(withTrials).toEqual(withoutTrials);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should give the same distribution for the same seed', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        ({ scoringCase: { model, organization, cells }, investments, horizonMonths }, trials, seed) => {
          const input = {
            model,
            organization,
            baselineCells: cells,
            investments,
            horizonMonths,
            trials,
            seed,
          };
          expect(simulateScenario(input).distribution).toEqual(simulateScenario(input).distribution);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should order percentiles and keep them within the index range', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        ({ scoringCase: { model, organization, cells }, investments, horizonMonths }) => {
          const { distribution } = simulateScenario({
            model,
            organization,
            baselineCells: cells,
            investments,
            horizonMonths,
            trials: 200,
          });
          for (const percentiles of [distribution?.customerCentricityIndex, distribution?.alignmentIndex]) {
            if (percentiles === null || percentiles === undefined) continue;
            expect(percentiles.p10).toBeLessThanOrEqual(percentiles.p50);
            expect(percentiles.p50).toBeLessThanOrEqual(percentiles.p90);
            expect(withinPercentRange(percentiles.p10) && withinPercentRange(percentiles.p90)).toBe(true);
          }
          expect(distribution?.probabilityAlignmentDrops).toBeGreaterThanOrEqual(0);
          expect(distribution?.probabilityAlignmentDrops).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should agree, with low = likely = high, between every trial and the deterministic projection', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        ({ scoringCase: { model, organization, cells }, investments, horizonMonths }) => {
          const certain = investments.map((investment) => ({
            ...investment,
            effects: investment.effects.map((effect) => ({
              ...effect,
              low: effect.likely,
              high: effect.likely,
            })),
          }));
          const result = simulateScenario({
            model,
            organization,
            baselineCells: cells,
            investments: certain,
            horizonMonths,
            trials: 20,
          });
          const projected = result.projected.customerCentricityIndex;
          const percentiles = result.distribution?.customerCentricityIndex;
          if (projected === null || percentiles === null || percentiles === undefined) return;
          expect(percentiles.p10).toBeCloseTo(projected, 9);
          expect(percentiles.p90).toBeCloseTo(projected, 9);
        },
      ),
      { numRuns: 60 },
    );
  });
});
