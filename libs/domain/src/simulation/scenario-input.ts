import type { ScoredCellInput, ScoringModel, ScoringOrganization } from '../scoring';

export type ScenarioInvestmentStatus = 'PLANNED' | 'APPROVED' | 'DEPLOYED' | 'CANCELLED';

/** A change in levels on one cell, as a three-point estimate (may be negative). */
export interface ScenarioEffect {
  functionId: string;
  capabilityId: string;
  low: number;
  likely: number;
  high: number;
}

export interface ScenarioInvestment {
  id: string;
  /** Used in warnings a planner reads; the id is shown when absent. */
  name?: string;
  status: ScenarioInvestmentStatus;
  /** Months from deployment until its effects show. */
  lagMonths: number;
  effects: readonly ScenarioEffect[];
}

export interface ScenarioInput {
  model: ScoringModel;
  organization: ScoringOrganization;
  /** Effective levels of the rated cells at the baseline (now, or asOf); EffectiveCells keep their rating details in `cells`. */
  baselineCells: readonly ScoredCellInput[];
  investments: readonly ScenarioInvestment[];
  /** H, 0..120; default 12. */
  horizonMonths?: number;
  /** Monte Carlo trials, 0..100000; default 0 (no distribution). */
  trials?: number;
  /** 32-bit integer seed of the trials; default DEFAULT_SIMULATION_SEED. */
  seed?: number;
}
