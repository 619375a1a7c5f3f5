// Rater agreement: the within-group agreement index r_wg (James, Demaree & Wolf 1984) of one item,
// and r_wg(J) over J items (James, Demaree & Wolf 1984; Lindell's later discussion), both against
// the uniform null distribution of an L-point scale. The values match R's multilevel::rwg and rwg.j.

/** Below this the raters of a group disagree, and the page says so. */
export const AGREEMENT_THRESHOLD = 0.7;

/** s2_EU = (L^2 - 1) / 12: the variance of answers spread uniformly over levels 1..L. */
export const uniformNullVariance = (levelCount: number): number => (levelCount * levelCount - 1) / 12;

/** The sample variance (divisor n - 1) of two or more levels; null for fewer. */
export const sampleVariance = (levels: readonly number[]): number | null => {
  const count = levels.length;
  if (count < 2) return null;
  let sum = 0;
  for (const level of levels) sum += level;
  const mean = sum / count;
  let squares = 0;
  for (const level of levels) squares += (level - mean) * (level - mean);
  return squares / (count - 1);
};

/** r_wg = 1 - s2 / s2_EU, and 0 when s2 exceeds s2_EU. */
export const agreementOfVariance = (variance: number, levelCount: number): number =>
  Math.max(0, 1 - variance / uniformNullVariance(levelCount));

/** r_wg of one group's levels on one item; null with fewer than two respondents. */
export const withinGroupAgreement = (levels: readonly number[], levelCount: number): number | null => {
  const variance = sampleVariance(levels);
  return variance === null ? null : agreementOfVariance(variance, levelCount);
};

/**
 * r_wg(J) of one group over J >= 1 items from each item's sample variance, with S their mean:
 * J (1 - S/s2_EU) / (J (1 - S/s2_EU) + S/s2_EU), and 0 when S reaches s2_EU; null for no items.
 */
export const withinGroupAgreementOverItems = (
  variances: readonly number[],
  levelCount: number,
): number | null => {
  const items = variances.length;
  if (items === 0) return null;
  let sum = 0;
  for (const variance of variances) sum += variance;
  const varianceRatio = sum / items / uniformNullVariance(levelCount);
  if (varianceRatio >= 1) return 0;
  const agreement = items * (1 - varianceRatio);
  return agreement / (agreement + varianceRatio);
};
