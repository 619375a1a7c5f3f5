/**
 * Inverse CDF of the triangular distribution with minimum `low`, mode `likely` and maximum `high`
 * at `uniform` in [0, 1). A degenerate estimate (low = high) returns `likely` exactly: no spread.
 */
export const sampleTriangular = (low: number, likely: number, high: number, uniform: number): number => {
  const width = high - low;
  if (width <= 0) return likely;
  const modeShare = (likely - low) / width;
  return uniform < modeShare
    ? low + Math.sqrt(uniform * width * (likely - low))
    : high - Math.sqrt((1 - uniform) * width * (high - likely));
};
