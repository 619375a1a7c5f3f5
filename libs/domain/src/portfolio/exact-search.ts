import { COMPARISON_TOLERANCE } from '../simulation/simulation-warnings';
import type { ParetoFrontier } from './pareto-frontier';
import type { PortfolioState } from './portfolio-state';

/** Subset sums of the costs of `positions`, one per mask over them, each summed in one fixed order. */
const subsetCosts = (costs: readonly number[], positions: readonly number[]): Float64Array => {
  const sums = new Float64Array(1 << positions.length);
  for (let mask = 1; mask < sums.length; mask += 1) {
    const lowest = 31 - Math.clz32(mask & -mask);
    sums[mask] = (sums[mask & (mask - 1)] ?? 0) + (costs[positions[lowest] ?? 0] ?? 0);
  }
  return sums;
};

/**
 * Every subset of `positions` once, in Gray-code order: consecutive subsets differ by one
 * candidate, so each step is one incremental toggle. The state starts and ends with none of
 * `positions` selected (others stay as they are). Every subset within budget is offered to the
 * frontier; returns the best one (the cheaper of equals), as candidate positions.
 */
export const searchExactly = (
  state: PortfolioState,
  costs: readonly number[],
  positions: readonly number[],
  budget: number,
  frontier: ParetoFrontier<number[]>,
): { positions: number[]; objective: number } => {
  const count = positions.length;
  const lowBits = Math.min(count, 10);
  const lowMask = (1 << lowBits) - 1;
  const lowCosts = subsetCosts(costs, positions.slice(0, lowBits));
  const highCosts = subsetCosts(costs, positions.slice(lowBits));
  const baseCost = state.selected.reduce(
    (total, selected, position) => (selected === 1 ? total + (costs[position] ?? 0) : total),
    0,
  );
  const selectionOf = (mask: number): number[] => {
    const chosen = new Set(positions.filter((_, bit) => (mask >>> bit) & 1));
    const all: number[] = [];
    state.selected.forEach((selected, position) => {
      if (selected === 1 || chosen.has(position)) all.push(position);
    });
    return all;
  };
  let mask = 0;
  let bestMask = 0;
  let bestObjective = state.objective();
  let bestCost = baseCost;
  if (baseCost <= budget + COMPARISON_TOLERANCE)
    frontier.offer(baseCost, bestObjective, () => selectionOf(0));
  const subsetCount = 2 ** count;
  for (let step = 1; step < subsetCount; step += 1) {
    const flipped = 31 - Math.clz32(step & -step);
    state.toggle(positions[flipped] ?? 0);
    mask ^= 1 << flipped;
    const cost = baseCost + (lowCosts[mask & lowMask] ?? 0) + (highCosts[mask >>> lowBits] ?? 0);
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
      frontier.offer(cost, objective, () => selectionOf(current));
    }
  }
  // Gray code ends on the highest bit alone: clear it so the state is as it was.
  if (count > 0) state.toggle(positions[count - 1] ?? 0);
  return { positions: selectionOf(bestMask), objective: bestObjective };
};
