import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { invalidInput } from '../shared';
import { IncrementalScorer } from '../scoring/incremental-scorer';
import type { ScoreGrid } from '../scoring/score-grid';
import { percentilesOf, PERCENTILE_METHOD } from './percentiles';
import type { Percentiles } from './percentiles';
import type { GridEffect } from './scenario-effects';
import { COMPARISON_TOLERANCE } from './simulation-warnings';
import { sampleTriangular } from './triangular';

export const DEFAULT_SIMULATION_SEED = 42;
export const MAXIMUM_TRIALS = 100_000;

// A small integer seed leaves xoroshiro128+'s first outputs poorly mixed; skip past them.
const GENERATOR_WARM_UP = 64;

export interface SimulationDistribution {
  trials: number;
  seed: number;
  /** How the percentiles are computed. */
  method: string;
  /** null when the index is null (nothing rated, or no linked capability rated at both ends). */
  customerCentricityIndex: Percentiles | null;
  alignmentIndex: Percentiles | null;
  /** Share of trials whose AI at the horizon ends below the baseline AI (0 when AI is null). */
  probabilityAlignmentDrops: number;
}

export const validateTrials = (trials: number): void => {
  if (!Number.isInteger(trials) || trials < 0 || trials > MAXIMUM_TRIALS) {
    throw invalidInput('trials', `trials must be a whole number from 0 to ${MAXIMUM_TRIALS}, got ${trials}`);
  }
};

export const validateSeed = (seed: number): void => {
  if (!Number.isInteger(seed) || seed < -0x8000_0000 || seed > 0x7fff_ffff) {
    throw invalidInput('seed', `seed must be a 32-bit whole number, got ${seed}`);
  }
};

/**
 * Draws every effect applicable at the horizon from triangular(low, likely, high), one uniform
 * per effect per trial in investment then effect order, and scores CCI and AI at the horizon.
 * Only touched cells and their links are re-scored, and nothing is allocated per trial.
 */
export const runMonteCarlo = (
  grid: ScoreGrid,
  applicableEffects: readonly GridEffect[],
  trials: number,
  seed: number,
  baselineAlignmentIndex: number,
): SimulationDistribution => {
  const slotByCell = new Map<number, number>();
  for (const effect of applicableEffects)
    if (!slotByCell.has(effect.cell)) slotByCell.set(effect.cell, slotByCell.size);
  const touchedCells = Int32Array.from(slotByCell.keys());
  const effectSlots = Int32Array.from(applicableEffects, (effect) => slotByCell.get(effect.cell) ?? 0);
  const lows = Float64Array.from(applicableEffects, (effect) => effect.low);
  const likelies = Float64Array.from(applicableEffects, (effect) => effect.likely);
  const highs = Float64Array.from(applicableEffects, (effect) => effect.high);
  const slotDeltas = new Float64Array(touchedCells.length);

  const scorer = new IncrementalScorer(grid, touchedCells);
  const levels = scorer.levels;
  const customerCentricity = new Float64Array(trials);
  const alignment = new Float64Array(trials);
  const generator = xoroshiro128plus(seed);
  for (let skipped = 0; skipped < GENERATOR_WARM_UP; skipped += 1) generator.next();

  const levelCount = grid.levelCount;
  let alignmentDrops = 0;
  for (let trial = 0; trial < trials; trial += 1) {
    slotDeltas.fill(0);
    for (let effect = 0; effect < effectSlots.length; effect += 1) {
      const slot = effectSlots[effect] ?? 0;
      slotDeltas[slot] =
        (slotDeltas[slot] ?? 0) +
        sampleTriangular(
          lows[effect] ?? 0,
          likelies[effect] ?? 0,
          highs[effect] ?? 0,
          uniformFloat64(generator),
        );
    }
    for (let slot = 0; slot < touchedCells.length; slot += 1) {
      const cell = touchedCells[slot] ?? 0;
      levels[cell] = Math.min(
        levelCount,
        Math.max(1, (grid.baselineLevels[cell] ?? 0) + (slotDeltas[slot] ?? 0)),
      );
    }
    scorer.score();
    customerCentricity[trial] = scorer.customerCentricityIndex;
    alignment[trial] = scorer.alignmentIndex;
    if (scorer.alignmentIndex < baselineAlignmentIndex - COMPARISON_TOLERANCE) alignmentDrops += 1;
  }

  return {
    trials,
    seed,
    method: `${trials} trials, each effect drawn from triangular(low, likely, high) by xoroshiro128+ (pure-rand) seeded with ${seed}; percentiles by ${PERCENTILE_METHOD}`,
    customerCentricityIndex:
      grid.customerCentricityDenominator > 0 ? percentilesOf(customerCentricity) : null,
    alignmentIndex: grid.alignmentDenominator > 0 ? percentilesOf(alignment) : null,
    probabilityAlignmentDrops: trials > 0 ? alignmentDrops / trials : 0,
  };
};
