import { describeScores } from '../scoring/maturity';
import type { LinkScore, MaturityCellScore, MaturityIndices } from '../scoring/maturity';
import { nullWhenNaN } from '../scoring/index-formulas';
import { compileScoreGrid } from '../scoring/score-grid';
import type { ScoreGrid } from '../scoring/score-grid';
import { scoreLevels } from '../scoring/score-levels';
import type { LevelScores } from '../scoring/score-levels';
import { DEFAULT_SIMULATION_SEED, runMonteCarlo, validateSeed, validateTrials } from './monte-carlo';
import type { SimulationDistribution } from './monte-carlo';
import {
  DEFAULT_HORIZON_MONTHS,
  placeEffects,
  projectLevels,
  validateHorizon,
  validateInvestments,
} from './scenario-effects';
import type { GridEffect } from './scenario-effects';
import type { ScenarioInput } from './scenario-input';
import {
  COMPARISON_TOLERANCE,
  LINK_MISALIGNMENT_THRESHOLD,
  linkMisalignmentUp,
  maturityUpAlignmentDown,
} from './simulation-warnings';
import type { SimulationWarning } from './simulation-warnings';

export interface TrajectoryPoint extends MaturityIndices {
  month: number;
}

export interface ScenarioResult {
  horizonMonths: number;
  baseline: MaturityIndices;
  /** At the horizon. */
  projected: MaturityIndices;
  /** Months 0..H; month h applies the effects with lagMonths <= h. */
  trajectory: TrajectoryPoint[];
  /** Projected at the horizon, shaped as computeMaturity's; rating details are the baseline's. */
  cells: MaturityCellScore[];
  /** Projected at the horizon, worst first. */
  weakestLinks: LinkScore[];
  warnings: SimulationWarning[];
  /** null unless trials > 0. */
  distribution: SimulationDistribution | null;
}

const indicesOf = (scores: LevelScores): MaturityIndices => ({
  customerCentricityIndex: nullWhenNaN(scores.customerCentricityIndex),
  alignmentIndex: nullWhenNaN(scores.alignmentIndex),
  targetAttainment: nullWhenNaN(scores.targetAttainment),
});

/** One full scoring per distinct set of applicable effects: the trajectory only changes at lags. */
const trajectoryOf = (
  grid: ScoreGrid,
  effects: readonly GridEffect[],
  horizonMonths: number,
): TrajectoryPoint[] => {
  const trajectory: TrajectoryPoint[] = [];
  let indices: MaturityIndices | undefined;
  for (let month = 0; month <= horizonMonths; month += 1) {
    if (indices === undefined || effects.some((effect) => effect.lagMonths === month)) {
      indices = indicesOf(scoreLevels(grid, projectLevels(grid, effects, month)));
    }
    trajectory.push({ month, ...indices });
  }
  return trajectory;
};

const warningsAtHorizon = (
  grid: ScoreGrid,
  baseline: LevelScores,
  projected: LevelScores,
): SimulationWarning[] => {
  const drifting: { from: string; to: string; baseline: number; projected: number }[] = [];
  grid.edges.forEach((edge, position) => {
    const before = baseline.edgeMisalignment[position] ?? NaN;
    const after = projected.edgeMisalignment[position] ?? NaN;
    if (after - before >= LINK_MISALIGNMENT_THRESHOLD - COMPARISON_TOLERANCE) {
      drifting.push({
        from: grid.functions[edge.from]?.id ?? '',
        to: grid.functions[edge.to]?.id ?? '',
        baseline: before,
        projected: after,
      });
    }
  });
  drifting.sort((left, right) => right.projected - right.baseline - (left.projected - left.baseline));

  const warnings: SimulationWarning[] = [];
  const maturityRises =
    projected.customerCentricityIndex > baseline.customerCentricityIndex + COMPARISON_TOLERANCE;
  const alignmentFalls = projected.alignmentIndex < baseline.alignmentIndex - COMPARISON_TOLERANCE;
  if (maturityRises && alignmentFalls) {
    warnings.push(
      maturityUpAlignmentDown(
        { baseline: baseline.customerCentricityIndex, projected: projected.customerCentricityIndex },
        { baseline: baseline.alignmentIndex, projected: projected.alignmentIndex },
        drifting[0],
        grid,
      ),
    );
  }
  for (const link of drifting) warnings.push(linkMisalignmentUp(grid, link));
  return warnings;
};

/**
 * Applies investments to the baseline month by month (docs/reference/simulation.md) and, with trials > 0,
 * adds the spread of CCI and AI at the horizon. The deterministic projection uses the `likely`
 * deltas only, so it never depends on trials or seed.
 */
export const simulateScenario = (input: ScenarioInput): ScenarioResult => {
  const horizonMonths = input.horizonMonths ?? DEFAULT_HORIZON_MONTHS;
  const trials = input.trials ?? 0;
  const seed = input.seed ?? DEFAULT_SIMULATION_SEED;
  validateHorizon(horizonMonths);
  validateTrials(trials);
  validateSeed(seed);
  validateInvestments(input.investments, 'investmentIds', 'investments');

  const grid = compileScoreGrid(input.model, input.organization, input.baselineCells);
  const placed = placeEffects(grid, input.investments, input.organization.formerFunctions);
  const baselineScores = scoreLevels(grid, grid.baselineLevels);
  const projectedLevels = projectLevels(grid, placed.effects, horizonMonths);
  const projectedScores = scoreLevels(grid, projectedLevels);
  const projectedView = describeScores(grid, projectedLevels, projectedScores);
  const applicable = placed.effects.filter((effect) => effect.lagMonths <= horizonMonths);

  return {
    horizonMonths,
    baseline: indicesOf(baselineScores),
    projected: indicesOf(projectedScores),
    trajectory: trajectoryOf(grid, placed.effects, horizonMonths),
    cells: projectedView.cells,
    weakestLinks: projectedView.weakestLinks,
    warnings: [...placed.warnings, ...warningsAtHorizon(grid, baselineScores, projectedScores)],
    distribution:
      trials > 0 ? runMonteCarlo(grid, applicable, trials, seed, baselineScores.alignmentIndex) : null,
  };
};
