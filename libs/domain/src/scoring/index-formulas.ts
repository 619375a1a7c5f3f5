// The index formulas, written once. Full scorings (scoreLevels), incremental re-scorings
// (IncrementalScorer) and the maturity view all go through these; NaN stands for null.

/** Round-off can step a hair outside an index's range (e.g. 100 * (1 - 1.0000000000000002)). */
export const percent = (value: number): number => Math.min(100, Math.max(0, value));

export const nullWhenNaN = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** One cell's term of the customer-centricity index: w_c (m - 1) / (L - 1). */
export const customerCentricityTerm = (capabilityWeight: number, level: number, levelSteps: number): number =>
  (capabilityWeight * (level - 1)) / levelSteps;

/** CCI = 100 * sum w_c (m - 1) / (L - 1) / sum w_c, from its two sums; NaN when nothing is rated. */
export const customerCentricityIndexOf = (termSum: number, capabilityWeightSum: number): number =>
  capabilityWeightSum > 0 ? percent((100 * termSum) / capabilityWeightSum) : NaN;

/**
 * AI = 100 * (1 - sum w_e w_c d / ((L - 1) sum w_e w_c)), from its two sums; NaN when no linked
 * capability is rated at both ends.
 */
export const alignmentIndexOf = (
  weightedDistanceSum: number,
  pairWeightSum: number,
  levelSteps: number,
): number =>
  pairWeightSum > 0 ? percent(100 * (1 - weightedDistanceSum / (levelSteps * pairWeightSum))) : NaN;

/** Attainment = 100 * (1 - sum w_c gap / sum w_c (T - 1)); NaN when no rated cell has a target above 1. */
export const targetAttainmentOf = (weightedGapSum: number, weightedRoom: number): number =>
  weightedRoom > 0 ? percent(100 * (1 - weightedGapSum / weightedRoom)) : NaN;
