import type { ScoredCellInput, ScoringModel, ScoringOrganization } from '../scoring';
import type { ScenarioInvestment } from '../simulation';

export interface PortfolioCandidate extends ScenarioInvestment {
  /** >= 0, in the organisation's currency. */
  cost: number;
}

export interface PortfolioInput {
  model: ScoringModel;
  organization: ScoringOrganization;
  baselineCells: readonly ScoredCellInput[];
  candidates: readonly PortfolioCandidate[];
  /** >= 0. */
  budget: number;
  /** Weight of dCCI against dAI, 0..1; default 0.5. */
  alpha?: number;
  /** 0..120; default 12. */
  horizonMonths?: number;
}
