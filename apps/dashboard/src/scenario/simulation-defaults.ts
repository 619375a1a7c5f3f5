// How the page simulates a scenario unless the planner changes it: the same scenario gives the
// same spread everywhere it is shown (scenario view, comparison, board report).

/** A fixed seed: the same scenario gives the same spread every time it is run. */
export const SIMULATION_SEED = 42;
/** Monte Carlo trials for the p10–p90 band. */
export const DEFAULT_TRIALS = 1000;
