import { invalidInput, requireAmount } from '../shared';
import type { MaturityIndices } from '../scoring/maturity';
import { nullWhenNaN } from '../scoring/index-formulas';
import { compileScoreGrid } from '../scoring/score-grid';
import type { ScoreGrid } from '../scoring/score-grid';
import { scoreLevels } from '../scoring/score-levels';
import type { LevelScores } from '../scoring/score-levels';
import {
  DEFAULT_HORIZON_MONTHS,
  placeEffects,
  projectLevels,
  validateHorizon,
  validateInvestments,
} from '../simulation/scenario-effects';
import type { GridEffect } from '../simulation/scenario-effects';
import { COMPARISON_TOLERANCE } from '../simulation/simulation-warnings';
import type { SimulationWarning } from '../simulation/simulation-warnings';
import { ParetoFrontier } from './pareto-frontier';
import type { PortfolioCandidate, PortfolioInput } from './portfolio-input';
import { PortfolioState } from './portfolio-state';
import { searchExactly } from './exact-search';
import { SEED_EXACT_CANDIDATES, searchHeuristically } from './heuristic-search';

/** Up to this many candidates every subset is scored; beyond, a heuristic searches. */
export const EXACT_CANDIDATE_LIMIT = 20;
export const DEFAULT_ALPHA = 0.5;

export interface FrontierPoint {
  cost: number;
  objective: number;
  investmentIds: string[];
}

export interface PortfolioResult {
  /** In candidate order. */
  selectedIds: string[];
  totalCost: number;
  /** alpha dCCI + (1 - alpha) dAI at the horizon; 0 for the empty selection. */
  objective: number;
  /** True when the selection is proven best (every subset scored). */
  exact: boolean;
  /** What was done, in words. */
  method: string;
  /** Subsets within budget that none cheaper (or as cheap) matches, cheapest first. */
  frontier: FrontierPoint[];
  baseline: MaturityIndices;
  /** Of the selection, at the horizon. */
  projected: MaturityIndices;
  /** UNRATED_CELL_IGNORED for effects on cells unrated at baseline. */
  warnings: SimulationWarning[];
  /** The weight of dCCI used (the default when none was asked), so an answer says how it was weighed. */
  alpha: number;
  /** The horizon used, in months. */
  horizonMonths: number;
}

const validatePortfolio = (input: PortfolioInput, alpha: number, horizonMonths: number): void => {
  if (!Number.isFinite(alpha) || alpha < 0 || alpha > 1) {
    throw invalidInput('alpha', `alpha must be between 0 and 1, got ${alpha}`);
  }
  requireAmount('budget', input.budget);
  validateHorizon(horizonMonths);
  validateInvestments(input.candidates, 'candidateIds', 'candidates');
  input.candidates.forEach((candidate, position) => {
    if (!Number.isFinite(candidate.cost) || candidate.cost < 0) {
      throw invalidInput(
        `candidates[${position}].cost`,
        `candidate ${candidate.id} needs a cost of 0 or more`,
      );
    }
  });
};

const indicesOf = (scores: LevelScores): MaturityIndices => ({
  customerCentricityIndex: nullWhenNaN(scores.customerCentricityIndex),
  alignmentIndex: nullWhenNaN(scores.alignmentIndex),
  targetAttainment: nullWhenNaN(scores.targetAttainment),
});

/** Scores a selection from scratch, so reported numbers never carry enumeration round-off. */
const scoreSelection = (
  grid: ScoreGrid,
  effects: readonly GridEffect[],
  positions: readonly number[],
  horizonMonths: number,
): LevelScores => {
  const chosen = new Set(positions);
  return scoreLevels(
    grid,
    projectLevels(
      grid,
      effects.filter((effect) => chosen.has(effect.investmentPosition)),
      horizonMonths,
    ),
  );
};

const deltaOf = (projected: number, baseline: number): number =>
  Number.isNaN(projected) || Number.isNaN(baseline) ? 0 : projected - baseline;

/**
 * The subset of candidates within budget maximising alpha dCCI + (1 - alpha) dAI at the horizon
 * (docs/reference/simulation.md), exactly up to EXACT_CANDIDATE_LIMIT candidates, heuristically beyond.
 */
export const optimizePortfolio = (input: PortfolioInput): PortfolioResult => {
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  const horizonMonths = input.horizonMonths ?? DEFAULT_HORIZON_MONTHS;
  validatePortfolio(input, alpha, horizonMonths);

  const candidates: readonly PortfolioCandidate[] = input.candidates;
  const costs = candidates.map((candidate) => candidate.cost);
  const grid = compileScoreGrid(input.model, input.organization, input.baselineCells);
  const placed = placeEffects(grid, candidates, input.organization.formerFunctions);
  const applicable = placed.effects.filter((effect) => effect.lagMonths <= horizonMonths);
  const state = new PortfolioState(grid, candidates.length, applicable, alpha);
  const frontier = new ParetoFrontier<number[]>(COMPARISON_TOLERANCE);
  const exact = candidates.length <= EXACT_CANDIDATE_LIMIT;
  const selected = exact
    ? searchExactly(
        state,
        costs,
        candidates.map((_, position) => position),
        input.budget,
        frontier,
      ).positions
    : searchHeuristically(state, costs, input.budget, frontier);

  const baselineScores = scoreLevels(grid, grid.baselineLevels);
  const objectiveOf = (scores: LevelScores): number =>
    alpha * deltaOf(scores.customerCentricityIndex, baselineScores.customerCentricityIndex) +
    (1 - alpha) * deltaOf(scores.alignmentIndex, baselineScores.alignmentIndex);
  const costOf = (positions: readonly number[]): number =>
    positions.reduce((total, position) => total + (costs[position] ?? 0), 0);
  const idsOf = (positions: readonly number[]): string[] =>
    positions.map((position) => candidates[position]?.id ?? '');
  const selectedScores = scoreSelection(grid, applicable, selected, horizonMonths);

  return {
    selectedIds: idsOf(selected),
    totalCost: costOf(selected),
    objective: objectiveOf(selectedScores),
    exact,
    method: exact
      ? `exact: all ${2 ** candidates.length} subsets of ${candidates.length} candidates scored in Gray-code order, one incremental toggle per subset`
      : `heuristic (${candidates.length} candidates, more than ${EXACT_CANDIDATE_LIMIT}): three starts (greedy by objective per unit cost, greedy by objective, every subset of the ${Math.min(SEED_EXACT_CANDIDATES, candidates.length)} most promising candidates), each improved by local search (adding, dropping or swapping one or two candidates) until nothing improves; never worse than greedy; the frontier lists the subsets visited`,
    frontier: frontier.points().map((point) => ({
      cost: costOf(point.payload),
      objective: objectiveOf(scoreSelection(grid, applicable, point.payload, horizonMonths)),
      investmentIds: idsOf(point.payload),
    })),
    baseline: indicesOf(baselineScores),
    projected: indicesOf(selectedScores),
    warnings: placed.warnings,
    alpha,
    horizonMonths,
  };
};
