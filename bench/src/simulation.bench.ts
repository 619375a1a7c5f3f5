// Investment-modelling benchmarks on a synthetic organisation of 50 functions x 11 capabilities:
// a 20-investment scenario, the same scenario with 10,000 Monte Carlo trials, and an exact
// portfolio over 20 candidates. Each figure is the median of several runs after one warm-up.
import { optimizePortfolio, simulateScenario } from '@app/domain';
import type { CellLevel, PortfolioCandidate, ScoringModel, ScoringOrganization } from '@app/domain';
import { median } from './statistics';

export interface SimulationBenchResult {
  scenario_20: { ms: number };
  monte_carlo_10000: { ms: number; trials: number };
  portfolio_20: { ms: number; exact: boolean };
}

const FUNCTION_COUNT = 50;
const CAPABILITY_COUNT = 11;
const INVESTMENT_COUNT = 20;
const TRIALS = 10_000;

/** A fixed linear congruential sequence: the synthetic organisation is the same on every run. */
const sequence = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};

export const syntheticOrganisation = () => {
  const next = sequence(2024);
  const model: ScoringModel = {
    levelCount: 5,
    capabilities: Array.from({ length: CAPABILITY_COUNT }, (_, position) => ({
      id: `capability-${position}`,
      weight: 1 + (position % 3),
    })),
  };
  const functionIds = Array.from({ length: FUNCTION_COUNT }, (_, position) => `function-${position}`);
  // A ring plus chords: about four partners per function, as co-delivery networks tend to be.
  const interactions = functionIds.flatMap((from, position) => [
    { from, to: functionIds[(position + 1) % FUNCTION_COUNT] ?? from, weight: 1 + Math.floor(next() * 3) },
    { from, to: functionIds[(position + 7) % FUNCTION_COUNT] ?? from, weight: 1 },
  ]);
  const organization: ScoringOrganization = {
    functions: functionIds.map((id, position) => ({ id, customerFacing: position % 3 === 0 })),
    interactions,
    targets: model.capabilities.map((capability) => ({
      capabilityId: capability.id,
      functionId: null,
      level: 4,
    })),
  };
  const baselineCells: CellLevel[] = functionIds.flatMap((functionId) =>
    model.capabilities.map((capability) => ({
      functionId,
      capabilityId: capability.id,
      level: 1 + next() * 3,
    })),
  );
  const candidates: PortfolioCandidate[] = Array.from({ length: INVESTMENT_COUNT }, (_, position) => ({
    id: `investment-${position}`,
    status: 'PLANNED',
    cost: 10 + Math.floor(next() * 90),
    lagMonths: Math.floor(next() * 10),
    effects: Array.from({ length: 4 }, () => {
      const likely = next() * 1.5 - 0.25;
      return {
        functionId: functionIds[Math.floor(next() * FUNCTION_COUNT)] ?? 'function-0',
        capabilityId: `capability-${Math.floor(next() * CAPABILITY_COUNT)}`,
        low: likely - 0.5,
        likely,
        high: likely + 0.75,
      };
    }),
  }));
  return { model, organization, baselineCells, candidates };
};

/** Median milliseconds of `runs` calls after one warm-up; yields between runs so the process stays responsive. */
const measure = async <Result>(runs: number, work: () => Result): Promise<{ ms: number; last: Result }> => {
  let last = work();
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    last = work();
    durations.push(performance.now() - started);
  }
  return { ms: Math.round(median(durations) * 100) / 100, last };
};

export async function benchSimulation(options: { quick: boolean }): Promise<SimulationBenchResult> {
  const { model, organization, baselineCells, candidates } = syntheticOrganisation();
  const runs = options.quick ? 3 : 9;
  const scenario = { model, organization, baselineCells, investments: candidates, horizonMonths: 12 };

  const scenarioRun = await measure(runs, () => simulateScenario(scenario));
  const monteCarloRun = await measure(options.quick ? 1 : 5, () =>
    simulateScenario({ ...scenario, trials: TRIALS, seed: 7 }),
  );
  const totalCost = candidates.reduce((total, candidate) => total + candidate.cost, 0);
  const portfolioRun = await measure(options.quick ? 1 : 5, () =>
    optimizePortfolio({
      model,
      organization,
      baselineCells,
      candidates,
      budget: totalCost / 2,
      horizonMonths: 12,
    }),
  );

  return {
    scenario_20: { ms: scenarioRun.ms },
    monte_carlo_10000: { ms: monteCarloRun.ms, trials: monteCarloRun.last.distribution?.trials ?? 0 },
    portfolio_20: { ms: portfolioRun.ms, exact: portfolioRun.last.exact },
  };
}
