import type { CampaignCommand } from '../campaign/campaign.commands';
import type { MaturityModel, RatingSource } from '../maturity-model';
import type { OrganizationState } from '../organization';

export type OpenAssessment = {
  type: 'OpenAssessment';
  data: {
    assessmentId: string;
    organizationId: string;
    title: string;
    /** ISO-8601: the date the ratings describe (valid time). */
    periodEnd: string;
  };
};

export type RecordRating = {
  type: 'RecordRating';
  data: {
    functionId: string;
    capabilityId: string;
    level: number;
    source: RatingSource;
    /** Required for PEER, refused for the other sources. */
    raterFunctionId?: string | null;
    evidence?: string | null;
    /** The person rating, a pseudonymous slug; absent: the rater group speaks as one. */
    respondentId?: string | null;
  };
};

/** Many ratings at once (a paper-form import), recorded in one append: all or none. */
export type RecordRatings = {
  type: 'RecordRatings';
  data: { ratings: readonly RecordRating['data'][] };
};

export type CloseAssessment = {
  type: 'CloseAssessment';
  data?: Record<string, never>;
};

/** Replaces the rating of one (function, capability, source, rater, respondent), in an OPEN or CLOSED assessment. */
export type CorrectRating = {
  type: 'CorrectRating';
  data: {
    functionId: string;
    capabilityId: string;
    level: number;
    source: RatingSource;
    raterFunctionId?: string | null;
    reason: string;
    /** Must have rated the cell with this source and rater in this assessment. */
    respondentId?: string | null;
  };
};

/**
 * Takes an assessment opened by mistake out of every view, for good: allowed while OPEN, and when
 * CLOSED only if it has no rating in force (real ratings are corrected, not withdrawn).
 */
export type WithdrawAssessment = {
  type: 'WithdrawAssessment';
  data: {
    /** Why it is withdrawn; required, it stays on the record. */
    reason: string;
  };
};

export type AssessmentCommand =
  | OpenAssessment
  | RecordRating
  | RecordRatings
  | CloseAssessment
  | CorrectRating
  | WithdrawAssessment
  | CampaignCommand;

export type AssessmentContext = {
  now: Date;
  /** The assessment's organisation as it stands now (its functions are the ones that can be rated). */
  organization: OrganizationState;
  /** The organisation's pinned maturity model version. */
  model: MaturityModel;
  /**
   * The organisation's forgotten respondents, with when each was forgotten: nobody is invited
   * under their id again. Read for invitations only; absent, nobody counts as forgotten.
   */
  forgottenRespondents?: Readonly<Record<string, string>>;
};
