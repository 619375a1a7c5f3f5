import type { IncludedOpenAssessment, MaturityIndices, MaturityScores } from '@app/domain';

export interface MaturityQuery {
  /** Valid time: only assessments with periodEnd <= asOf count. Absent: every assessment. */
  asOf?: string | null;
  /** Transaction time: every event recorded after knownAt is ignored. Absent: all that is known. */
  knownAt?: string | null;
  /** false: assessments still open (as known at knownAt) count nowhere. Absent: they count, provisionally. */
  includeOpenAssessments?: boolean | null;
}

/** The scores of one organisation at (asOf, knownAt), as the API serves them. */
export interface MaturityView extends MaturityScores {
  organizationId: string;
  /** Normalised to UTC ISO-8601; null when not asked. */
  asOf: string | null;
  knownAt: string | null;
  /** Open assessments (as known at knownAt) whose ratings these scores include: they are provisional. */
  openAssessments: IncludedOpenAssessment[];
}

/** The indices as of one assessment's periodEnd. */
export interface MaturityPoint extends MaturityIndices {
  at: string;
  coverage: number;
  /** An assessment ending at `at` was still open (as known at the timeline's knownAt). */
  provisional: boolean;
}
