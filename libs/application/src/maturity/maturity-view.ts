import type {
  AssessmentRatings,
  EffectiveCell,
  MaturityIndices,
  MaturityScores,
  ScoringModel,
  ScoringOrganization,
} from '@app/domain';

export interface MaturityQuery {
  /** Valid time: only assessments with periodEnd <= asOf count. Absent: every assessment. */
  asOf?: string | null;
  /** Transaction time: every event recorded after knownAt is ignored. Absent: all that is known. */
  knownAt?: string | null;
}

/** The MaturityView of the API: the scores of one organisation at (asOf, knownAt). */
export interface MaturityView extends MaturityScores {
  organizationId: string;
  /** Normalised to UTC ISO-8601; null when not asked. */
  asOf: string | null;
  knownAt: string | null;
}

/** The MaturityPoint of the API: the indices as of one assessment's periodEnd. */
export interface MaturityPoint extends MaturityIndices {
  at: string;
  coverage: number;
}

/** What the scoring maths needs of an organisation, as known at some instant. */
export interface ScoringInputs {
  model: ScoringModel;
  organization: ScoringOrganization;
  /** Every assessment with its effective ratings (no asOf filter). */
  assessments: AssessmentRatings[];
}

/** The baseline of a scenario (docs/reference/simulation.md): `simulateScenario`'s input without its investments. */
export interface MaturityBaseline {
  model: ScoringModel;
  organization: ScoringOrganization;
  /** The effective level of each rated cell, with its rating details. */
  baselineCells: EffectiveCell[];
}
