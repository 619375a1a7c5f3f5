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

const positionsOfMask = (mask: number, candidateCount: number): number[] => {
  const positions: number[] = [];
  for (let position = 0; position < candidateCount; position += 1)
    if ((mask >>> position) & 1) positions.push(position);
  return positions;
};

/** Subset sums of `costs` for every mask of `bits` bits starting at `offset`, each summed in one fixed order. */
const subsetCosts = (costs: readonly number[], offset: number, bits: number): Float64Array => {
  const sums = new Float64Array(1 << bits);
  for (let mask = 1; mask < sums.length; mask += 1) {
    const lowest = 31 - Math.clz32(mask & -mask);
    sums[mask] = (sums[mask & (mask - 1)] ?? 0) + (costs[offset + lowest] ?? 0);
  }
  return sums;
};

/**
 * Every subset once, in Gray-code order: consecutive subsets differ by one candidate, so each
 * step is one incremental toggle. Returns the best feasible mask.
 */
const enumerateExactly = (
  state: PortfolioState,
  costs: readonly number[],
  budget: number,
  frontier: ParetoFrontier<number[]>,
): number[] => {
  const candidateCount = costs.length;
  const lowBits = Math.min(candidateCount, 10);
  const lowMask = (1 << lowBits) - 1;
  const lowCosts = subsetCosts(costs, 0, lowBits);
  const highCosts = subsetCosts(costs, lowBits, candidateCount - lowBits);
  let mask = 0;
  let bestMask = 0;
  let bestObjective = 0;
  let bestCost = 0;
  frontier.offer(0, 0, () => []);
  const subsetCount = 2 ** candidateCount;
  for (let step = 1; step < subsetCount; step += 1) {
    const flipped = 31 - Math.clz32(step & -step);
    state.toggle(flipped);
    mask ^= 1 << flipped;
    const cost = (lowCosts[mask & lowMask] ?? 0) + (highCosts[mask >>> lowBits] ?? 0);
    if (cost > budget + COMPARISON_TOLERANCE) continue;
    const objective = state.objective();
    if (
      objective > bestObjective + COMPARISON_TOLERANCE ||
      (objective >= bestObjective - COMPARISON_TOLERANCE && cost < bestCost)
    ) {
      bestMask = mask;
      bestObjective = objective;
      bestCost = cost;
    }
    if (!frontier.dominates(cost, objective)) {
      const current = mask;
      frontier.offer(cost, objective, () => positionsOfMask(current, candidateCount));
    }
  }
  return positionsOfMask(bestMask, candidateCount);
};

const MAXIMUM_LOCAL_SEARCH_ROUNDS = 1000;

/**
 * Beyond the exact limit: greedy by marginal objective per unit cost (free candidates first),
 * then local search (add, drop or swap one candidate) to a local optimum. Every subset visited
 * within budget feeds the frontier.
 */
const searchHeuristically = (
  state: PortfolioState,
  costs: readonly number[],
  budget: number,
  frontier: ParetoFrontier<number[]>,
): number[] => {
  const candidateCount = costs.length;
  const selection = (): number[] => {
    const positions: number[] = [];
    for (let position = 0; position < candidateCount; position += 1) {
      if (state.selected[position] === 1) positions.push(position);
    }
    return positions;
  };
  let currentCost = 0;
  const evaluate = (toggled: readonly number[], cost: number): number => {
    for (const candidate of toggled) state.toggle(candidate);
    const objective = state.objective();
    if (cost <= budget + COMPARISON_TOLERANCE) frontier.offer(cost, objective, selection);
    for (const candidate of toggled) state.toggle(candidate);
    return objective;
  };
  frontier.offer(0, 0, () => []);

  for (;;) {
    const current = state.objective();
    let chosen = -1;
    let chosenRatio = -Infinity;
    let chosenGain = 0;
    for (let candidate = 0; candidate < candidateCount; candidate += 1) {
      const cost = costs[candidate] ?? 0;
      if (state.selected[candidate] === 1 || currentCost + cost > budget + COMPARISON_TOLERANCE) continue;
      const gain = evaluate([candidate], currentCost + cost) - current;
      if (gain <= COMPARISON_TOLERANCE) continue;
      const ratio = cost > 0 ? gain / cost : Infinity;
      if (ratio > chosenRatio || (ratio === chosenRatio && gain > chosenGain)) {
        chosen = candidate;
        chosenRatio = ratio;
        chosenGain = gain;
      }
    }
    if (chosen < 0) break;
    state.toggle(chosen);
    currentCost += costs[chosen] ?? 0;
  }

  for (let round = 0; round < MAXIMUM_LOCAL_SEARCH_ROUNDS; round += 1) {
    const current = state.objective();
    let bestMove: number[] = [];
    let bestMoveCost = currentCost;
    let bestObjective = current + COMPARISON_TOLERANCE;
    const consider = (move: number[], cost: number): void => {
      if (cost > budget + COMPARISON_TOLERANCE) return;
      const objective = evaluate(move, cost);
      if (objective > bestObjective) {
        bestMove = move;
        bestMoveCost = cost;
        bestObjective = objective;
      }
    };
    for (let first = 0; first < candidateCount; first += 1) {
      const firstCost = costs[first] ?? 0;
      const firstSelected = state.selected[first] === 1;
      consider([first], firstSelected ? currentCost - firstCost : currentCost + firstCost);
      if (!firstSelected) continue;
      for (let second = 0; second < candidateCount; second += 1) {
        if (state.selected[second] === 1) continue;
        consider([first, second], currentCost - firstCost + (costs[second] ?? 0));
      }
    }
    if (bestMove.length === 0) break;
    for (const candidate of bestMove) state.toggle(candidate);
    currentCost = bestMoveCost;
  }
  return selection();
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
  const placed = placeEffects(grid, candidates);
  const applicable = placed.effects.filter((effect) => effect.lagMonths <= horizonMonths);
  const state = new PortfolioState(grid, candidates.length, applicable, alpha);
  const frontier = new ParetoFrontier<number[]>(COMPARISON_TOLERANCE);
  const exact = candidates.length <= EXACT_CANDIDATE_LIMIT;
  const selected = exact
    ? enumerateExactly(state, costs, input.budget, frontier)
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
      : `heuristic (${candidates.length} candidates, more than ${EXACT_CANDIDATE_LIMIT}): greedy by marginal objective per unit cost, then local search adding, dropping or swapping one candidate until nothing improves; the frontier lists the subsets visited`,
    frontier: frontier.points().map((point) => ({
      cost: costOf(point.payload),
      objective: objectiveOf(scoreSelection(grid, applicable, point.payload, horizonMonths)),
      investmentIds: idsOf(point.payload),
    })),
    baseline: indicesOf(baselineScores),
    projected: indicesOf(selectedScores),
    warnings: placed.warnings,
  };
};
