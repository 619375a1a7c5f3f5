import { COMPARISON_TOLERANCE } from '../simulation/simulation-warnings';
import { searchExactly } from './exact-search';
import type { ParetoFrontier } from './pareto-frontier';
import type { PortfolioState } from './portfolio-state';

/** The exact seed searches every subset of this many of the most promising candidates. */
export const SEED_EXACT_CANDIDATES = 14;
const MAXIMUM_LOCAL_SEARCH_ROUNDS = 1000;

interface Selection {
  positions: number[];
  objective: number;
}

/**
 * Beyond the exact limit. Three starting selections:
 * - greedy by marginal objective per unit cost (free candidates first);
 * - greedy by marginal objective;
 * - the exact optimum over the SEED_EXACT_CANDIDATES most promising candidates (ranked by the
 *   best objective each reaches alone or paired with one other, so pairs that only pay together
 *   are found);
 * each improved by local search (add, drop or swap one or two candidates; when nothing improves,
 * also one for two and two for one) to a local optimum. The best local optimum is never worse
 * than any starting selection, so never worse than greedy, nor than the exact answer over the
 * candidates the exact seed scored. Every subset visited within budget feeds the frontier.
 */
export const searchHeuristically = (
  state: PortfolioState,
  costs: readonly number[],
  budget: number,
  frontier: ParetoFrontier<number[]>,
): number[] => {
  const search = new LocalSearch(state, costs, budget, frontier);
  frontier.offer(0, 0, () => []);
  const seeds = [
    search.greedy((gain, cost) => (cost > 0 ? gain / cost : Infinity)),
    search.greedy((gain) => gain),
    search.exactOverPromising(SEED_EXACT_CANDIDATES),
  ];
  let best: Selection = { positions: [], objective: 0 };
  const tried = new Set<string>();
  for (const seed of seeds) {
    const key = seed.join();
    if (tried.has(key)) continue;
    tried.add(key);
    const improved = search.improve(seed);
    if (
      improved.objective > best.objective + COMPARISON_TOLERANCE ||
      (improved.objective >= best.objective - COMPARISON_TOLERANCE &&
        search.costOf(improved.positions) < search.costOf(best.positions))
    ) {
      best = improved;
    }
  }
  return best.positions;
};

/** Moves over one PortfolioState; every public method leaves the state with nothing selected. */
class LocalSearch {
  private readonly candidateCount: number;

  constructor(
    private readonly state: PortfolioState,
    private readonly costs: readonly number[],
    private readonly budget: number,
    private readonly frontier: ParetoFrontier<number[]>,
  ) {
    this.candidateCount = costs.length;
  }

  costOf(positions: readonly number[]): number {
    return positions.reduce((total, position) => total + (this.costs[position] ?? 0), 0);
  }

  /** Adds, one at a time, the candidate that best improves `rank(gain, cost)`, while any improves. */
  greedy(rank: (gain: number, cost: number) => number): number[] {
    let currentCost = 0;
    for (;;) {
      const current = this.state.objective();
      let chosen = -1;
      let chosenRank = -Infinity;
      let chosenGain = 0;
      for (let candidate = 0; candidate < this.candidateCount; candidate += 1) {
        const cost = this.costs[candidate] ?? 0;
        if (this.state.selected[candidate] === 1 || !this.fits(currentCost + cost)) continue;
        const gain = this.evaluate([candidate], currentCost + cost) - current;
        if (gain <= COMPARISON_TOLERANCE) continue;
        const candidateRank = rank(gain, cost);
        if (candidateRank > chosenRank || (candidateRank === chosenRank && gain > chosenGain)) {
          chosen = candidate;
          chosenRank = candidateRank;
          chosenGain = gain;
        }
      }
      if (chosen < 0) break;
      this.state.toggle(chosen);
      currentCost += this.costs[chosen] ?? 0;
    }
    return this.takeSelection();
  }

  /** The exact optimum over the `count` candidates that reach the best objective alone or in a pair. */
  exactOverPromising(count: number): number[] {
    const promise = new Float64Array(this.candidateCount).fill(-Infinity);
    for (let first = 0; first < this.candidateCount; first += 1) {
      const firstCost = this.costs[first] ?? 0;
      if (!this.fits(firstCost)) continue;
      promise[first] = Math.max(promise[first] ?? -Infinity, this.evaluate([first], firstCost));
      for (let second = first + 1; second < this.candidateCount; second += 1) {
        const pairCost = firstCost + (this.costs[second] ?? 0);
        if (!this.fits(pairCost)) continue;
        const objective = this.evaluate([first, second], pairCost);
        promise[first] = Math.max(promise[first] ?? -Infinity, objective);
        promise[second] = Math.max(promise[second] ?? -Infinity, objective);
      }
    }
    const promising = Array.from({ length: this.candidateCount }, (_, position) => position)
      .filter((position) => Number.isFinite(promise[position]))
      .sort((left, right) => (promise[right] ?? 0) - (promise[left] ?? 0) || left - right)
      .slice(0, count)
      .sort((left, right) => left - right);
    return searchExactly(this.state, this.costs, promising, this.budget, this.frontier).positions;
  }

  /** From `start`, the best improving move while one exists; answers the local optimum. */
  improve(start: readonly number[]): Selection {
    for (const position of start) this.state.toggle(position);
    let currentCost = this.costOf(start);
    for (let round = 0; round < MAXIMUM_LOCAL_SEARCH_ROUNDS; round += 1) {
      const move = this.bestMove(currentCost, false) ?? this.bestMove(currentCost, true);
      if (move === null) break;
      for (const candidate of move.toggled) this.state.toggle(candidate);
      currentCost = move.cost;
    }
    const objective = this.state.objective();
    return { positions: this.takeSelection(), objective };
  }

  /**
   * The move that most improves the objective within budget, or null. Small moves toggle one or
   * two candidates (add, drop, swap, add two, drop two); large ones swap one for two or two for one.
   */
  private bestMove(currentCost: number, large: boolean): { toggled: number[]; cost: number } | null {
    const selected = this.state.selected;
    let bestObjective = this.state.objective() + COMPARISON_TOLERANCE;
    let best: { toggled: number[]; cost: number } | null = null;
    const consider = (toggled: number[]): void => {
      let cost = currentCost;
      for (const candidate of toggled)
        cost += selected[candidate] === 1 ? -(this.costs[candidate] ?? 0) : (this.costs[candidate] ?? 0);
      if (!this.fits(cost)) return;
      const objective = this.evaluate(toggled, cost);
      if (objective > bestObjective) {
        bestObjective = objective;
        best = { toggled, cost };
      }
    };
    const count = this.candidateCount;
    for (let first = 0; first < count; first += 1) {
      if (!large) consider([first]);
      for (let second = first + 1; second < count; second += 1) {
        if (!large) {
          consider([first, second]);
          continue;
        }
        // One for two, or two for one: the third toggle goes the other way round of the pair's.
        const pairSelected = (selected[first] ?? 0) + (selected[second] ?? 0);
        if (pairSelected === 1) continue;
        for (let third = 0; third < count; third += 1) {
          if (third === first || third === second) continue;
          if ((selected[third] === 1) === (pairSelected === 2)) continue;
          consider([first, second, third]);
        }
      }
    }
    return best;
  }

  /** Toggles, scores, offers a subset within budget to the frontier, and toggles back. */
  private evaluate(toggled: readonly number[], cost: number): number {
    for (const candidate of toggled) this.state.toggle(candidate);
    const objective = this.state.objective();
    if (this.fits(cost)) this.frontier.offer(cost, objective, () => this.selection());
    for (const candidate of toggled) this.state.toggle(candidate);
    return objective;
  }

  private fits(cost: number): boolean {
    return cost <= this.budget + COMPARISON_TOLERANCE;
  }

  private selection(): number[] {
    const positions: number[] = [];
    for (let position = 0; position < this.candidateCount; position += 1)
      if (this.state.selected[position] === 1) positions.push(position);
    return positions;
  }

  /** The current selection, clearing the state. */
  private takeSelection(): number[] {
    const positions = this.selection();
    for (const position of positions) this.state.toggle(position);
    return positions;
  }
}
