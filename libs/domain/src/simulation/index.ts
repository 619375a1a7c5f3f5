export * from './scenario-input';
export * from './simulation-warnings';
export * from './percentiles';
export * from './triangular';
export { DEFAULT_SIMULATION_SEED, MAXIMUM_TRIALS } from './monte-carlo';
export type { SimulationDistribution } from './monte-carlo';
export { DEFAULT_HORIZON_MONTHS, MAXIMUM_HORIZON_MONTHS } from './scenario-effects';
export * from './simulate-scenario';
