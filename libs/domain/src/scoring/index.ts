export * from './scoring-input';
export { effectiveCells, effectiveCellsByDate, organizationAsOf, ratingWeight } from './effective-cells';
export type { EffectiveCellsOptions } from './effective-cells';
export { computeMaturity } from './maturity';
export { countedAssessments, includedOpenAssessments } from './provisional';
export * from './rated-cycles';
export {
  AGREEMENT_THRESHOLD,
  uniformNullVariance,
  sampleVariance,
  withinGroupAgreement,
  withinGroupAgreementOverItems,
} from './agreement';
export type {
  FunctionScore,
  LinkScore,
  MaturityCellScore,
  MaturityIndices,
  MaturityScores,
} from './maturity';
