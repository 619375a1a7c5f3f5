import fc from 'fast-check';
import { compileScoreGrid } from '../scoring/score-grid';
import { scoreLevels } from '../scoring/score-levels';
import { scoringCaseArbitrary } from '../scoring/scoring-arbitraries.fixtures';
import { placeEffects, projectLevels } from '../simulation/scenario-effects';
import { investmentsArbitrary } from '../simulation/scenario-arbitraries.fixtures';
import { PortfolioState } from './portfolio-state';

// The incremental state must agree with scoring the selection from scratch after any toggles,
// whether cells are tabled (the fast path) or re-summed (cells with many contributors).
describe(PortfolioState.name, () => {
  it.each([
    ['tabled cells', 12],
    ['re-summed cells', 0],
  ])('should match a full re-score after any sequence of toggles (%s)', (_, maximumTableContributors) => {
    fc.assert(
      fc.property(
        scoringCaseArbitrary({ maximumFunctions: 4, maximumCapabilities: 3 }).chain((scoringCase) =>
          fc.record({
            scoringCase: fc.constant(scoringCase),
            investments: investmentsArbitrary(scoringCase, 6).filter((investments) => investments.length > 0),
            alpha: fc.double({ min: 0, max: 1, noNaN: true }),
            toggles: fc.array(fc.nat(), { maxLength: 30 }),
          }),
        ),
        ({ scoringCase: { model, organization, cells }, investments, alpha, toggles }) => {
          const grid = compileScoreGrid(model, organization, cells);
          const { effects } = placeEffects(grid, investments);
          const state = new PortfolioState(
            grid,
            investments.length,
            effects,
            alpha,
            maximumTableContributors,
          );
          const baseline = scoreLevels(grid, grid.baselineLevels);
          for (const toggle of toggles) {
            state.toggle(toggle % investments.length);
            const chosen = effects.filter((effect) => state.selected[effect.investmentPosition] === 1);
            const scores = scoreLevels(grid, projectLevels(grid, chosen, Infinity));
            const delta = (after: number, before: number) => (Number.isNaN(after) ? 0 : after - before);
            const expected =
              alpha * delta(scores.customerCentricityIndex, baseline.customerCentricityIndex) +
              (1 - alpha) * delta(scores.alignmentIndex, baseline.alignmentIndex);
            expect(state.objective()).toBeCloseTo(expected, 8);
          }
        },
      ),
    );
  });
});
