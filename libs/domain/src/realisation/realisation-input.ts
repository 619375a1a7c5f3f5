import type { AssessmentRatings, ScoringModel, ScoringOrganization } from '../scoring';
import type { ScenarioInvestmentStatus } from '../simulation';

export interface RealisationEffect {
  functionId: string;
  capabilityId: string;
  likely: number;
}

export interface RealisationInvestment {
  id: string;
  status: ScenarioInvestmentStatus;
  /** ISO-8601; required once DEPLOYED. */
  deployedAt: string | null;
  lagMonths: number;
  effects: readonly RealisationEffect[];
}

export interface RealisationInput {
  model: ScoringModel;
  organization: ScoringOrganization;
  investment: RealisationInvestment;
  /**
   * Every assessment of the organisation with its effective ratings (knownAt already applied,
   * no asOf filter): levels at deployment and afterwards are both read from them.
   */
  assessments: readonly AssessmentRatings[];
}
