export * from './scoring-input';
export { effectiveCells, ratingWeight } from './effective-cells';
export type { EffectiveCellsOptions } from './effective-cells';
export { computeMaturity } from './maturity';
export type {
  FunctionScore,
  LinkScore,
  MaturityCellScore,
  MaturityIndices,
  MaturityScores,
} from './maturity';
