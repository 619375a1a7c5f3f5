import type { RatingSource } from '../maturity-model';

export type ForgetRespondent = {
  type: 'ForgetRespondent';
  data: { respondentId: string; reason: string };
};

export type RedactEvidence = {
  type: 'RedactEvidence';
  data: {
    assessmentId: string;
    functionId: string;
    capabilityId: string;
    source: RatingSource;
    raterFunctionId?: string | null;
    respondentId?: string | null;
    reason: string;
  };
};

export type PersonalDataCommand = ForgetRespondent | RedactEvidence;

/** What the handler found in the stored events for the command. */
export type PersonalDataContext = {
  now: Date;
  /**
   * Recordings of the subject's evidence (the respondent's, or the one rating's) that are sealed,
   * and those stored in the clear before sealing existed.
   */
  evidence: { sealed: number; plain: number };
  /**
   * ForgetRespondent: the organisation knows the respondent (invited them, or recorded a rating of
   * theirs). An id it never saw is most likely mistyped, and forgetting it would erase nothing.
   */
  respondentRecorded?: boolean;
  /**
   * RedactEvidence: of the sealed recordings, those already erased (their secret destroyed by an
   * earlier redaction, or their respondent forgotten), and when the last of them was.
   */
  erased?: { recordings: number; lastErasedAt: string | null };
  /** RedactEvidence: the assessment belongs to the organisation. */
  assessmentOrganizationId?: string | null;
};
