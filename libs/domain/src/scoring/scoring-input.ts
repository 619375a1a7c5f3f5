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
  /** ISO-8601: views as of this instant or later leave the function out; absent or null: in place. */
  retiredFrom?: string | null;
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
  /** The functions that have cells, in organisation order (see `organizationAsOf`). */
  functions: readonly ScoringFunction[];
  /**
   * Functions retired as of the view's date: no cells of their own, but the ratings they gave
   * others as PEER raters keep the weight of their customer-facing flag.
   */
  formerFunctions?: readonly ScoringFunction[];
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
  /** The person who rated, within the rater group (source, rater); absent or null: the group speaks as one. */
  respondentId?: string | null;
  evidence?: string | null;
  /** The evidence was erased: it reads null. */
  evidenceErased?: boolean;
}

/** One assessment's effective ratings (latest per cell, source, rater and respondent), after asOf/knownAt filters. */
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
  respondentId: string | null;
  evidence: string | null;
  /** The evidence was erased: it reads null. */
  evidenceErased: boolean;
  /** Weight this rating had in the effective level: its group's weight shared by the group's respondents. */
  weight: number;
}

/** The ratings of one (source, rater) in a cell: its respondents speak for it together. */
export interface RaterGroupScore {
  source: RatingSource;
  raterFunctionId: string | null;
  /** How many respondents' ratings count (ratings without a respondent count as one). */
  respondents: number;
  /** The plain mean of its respondents' levels. */
  level: number;
  /** Sample variance of its respondents' levels; null with fewer than two. */
  variance: number | null;
  /** r_wg; null with fewer than two respondents. */
  agreement: number | null;
}

/** A rated cell as the most recent assessment that rates it describes it. */
export interface EffectiveCell extends CellLevel {
  perceptionGap: number | null;
  ratingCount: number;
  assessmentId: string;
  periodEnd: string;
  ratings: ContributingRating[];
  /** Its rater groups, by source (SELF, PEER, CUSTOMER, AUDIT) then rater. */
  groups: RaterGroupScore[];
  /** The smallest r_wg of its groups; null when no group has two respondents. */
  agreement: number | null;
}

/** What computeMaturity accepts per rated cell: a level, and the rating details when known. */
export type ScoredCellInput = CellLevel &
  Partial<Pick<EffectiveCell, 'perceptionGap' | 'ratingCount' | 'ratings' | 'groups' | 'agreement'>>;

/** An assessment still open: its ratings count in the scores, but may still change. */
export interface StillOpenAssessment {
  assessmentId: string;
  title: string;
  /** ISO-8601 valid time its ratings describe. */
  periodEnd: string;
}

/** An open assessment some scores include, and how many of their cells it decides. */
export interface IncludedOpenAssessment extends StillOpenAssessment {
  /** The cells whose level comes from this assessment (the latest that rates them). */
  decidedCells: number;
}
