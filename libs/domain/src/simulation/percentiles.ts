export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

/** The stated method, for answers that explain themselves. */
export const PERCENTILE_METHOD = 'linear interpolation between closest ranks (Hyndman-Fan type 7)';

/**
 * p-th quantile of ascending `sorted` by Hyndman-Fan type 7 (the default of R, NumPy and
 * spreadsheets' PERCENTILE.INC): rank h = (n - 1) p, interpolated between its neighbours.
 */
export const quantileOfSorted = (sorted: Float64Array, probability: number): number => {
  if (sorted.length === 0) return NaN;
  const rank = (sorted.length - 1) * probability;
  const below = Math.floor(rank);
  const above = Math.min(sorted.length - 1, below + 1);
  const lower = sorted[below] ?? NaN;
  return lower + (rank - below) * ((sorted[above] ?? NaN) - lower);
};

/** p10, p50, p90 of `values` (sorted in place). */
export const percentilesOf = (values: Float64Array): Percentiles => {
  values.sort();
  return {
    p10: quantileOfSorted(values, 0.1),
    p50: quantileOfSorted(values, 0.5),
    p90: quantileOfSorted(values, 0.9),
  };
};
