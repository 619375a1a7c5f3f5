// Plain inputs of the scoring maths. They are deliberately independent of the aggregates' state
// types: the application layer maps a maturity model, an organisation and assessments onto them.

export type RatingSource = 'SELF' | 'PEER' | 'CUSTOMER' | 'AUDIT';

export interface ScoringCapability {
  id: string;
  /** w_c > 0. */
  weight: number;
  /** Used in warnings a planner reads; the id is shown when absent. */
  name?: string;
}

export interface ScoringModel {
  /** L: levels run 1..L, L >= 2. */
  levelCount: number;
  capabilities: readonly ScoringCapability[];
}

export interface ScoringFunction {
  id: string;
  customerFacing: boolean;
  name?: string;
}

export interface ScoringInteraction {
  from: string;
  to: string;
  /** w_e > 0. */
  weight: number;
}

export interface ScoringTarget {
  capabilityId: string;
  /** null: the capability target for every function; otherwise that function's override. */
  functionId: string | null;
  level: number;
}

export interface ScoringOrganization {
  functions: readonly ScoringFunction[];
  /** Undirected; when empty every pair of functions is linked with weight 1. */
  interactions: readonly ScoringInteraction[];
  targets: readonly ScoringTarget[];
}

export interface AssessmentRating {
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId: string | null;
  evidence?: string | null;
  /** The evidence was erased: it reads null. */
  evidenceErased?: boolean;
}

/** One assessment's effective ratings (latest per source, rater and cell), after asOf/knownAt filters. */
export interface AssessmentRatings {
  assessmentId: string;
  /** ISO-8601 valid time the ratings describe. */
  periodEnd: string;
  /** Recording order among assessments (e.g. store position of the first event); breaks periodEnd ties. */
  sequence: number;
  ratings: readonly AssessmentRating[];
}

/** The level of one cell (function x capability); the minimum the scores need. */
export interface CellLevel {
  functionId: string;
  capabilityId: string;
  level: number;
}

export interface ContributingRating {
  source: RatingSource;
  level: number;
  raterFunctionId: string | null;
  evidence: string | null;
  /** The evidence was erased: it reads null. */
  evidenceErased: boolean;
  /** Weight this rating had in the effective level. */
  weight: number;
}

/** A rated cell as the most recent assessment that rates it describes it. */
export interface EffectiveCell extends CellLevel {
  perceptionGap: number | null;
  ratingCount: number;
  assessmentId: string;
  periodEnd: string;
  ratings: ContributingRating[];
}

/** What computeMaturity accepts per rated cell: a level, and the rating details when known. */
export type ScoredCellInput = CellLevel &
  Partial<Pick<EffectiveCell, 'perceptionGap' | 'ratingCount' | 'ratings'>>;
