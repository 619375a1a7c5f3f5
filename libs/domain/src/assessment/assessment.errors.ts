import type { ErrorCodeOf } from '../shared/domain-error';

export const ASSESSMENT_ERROR_CODES = {
  notFound: 'ASSESSMENT.NOT_FOUND',
  alreadyOpened: 'ASSESSMENT.ALREADY_OPENED',
  closed: 'ASSESSMENT.CLOSED',
  alreadyClosed: 'ASSESSMENT.ALREADY_CLOSED',
  raterRequired: 'ASSESSMENT.RATER_REQUIRED',
  raterNotAllowed: 'ASSESSMENT.RATER_NOT_ALLOWED',
  selfPeerRating: 'ASSESSMENT.SELF_PEER_RATING',
  respondentNotFound: 'ASSESSMENT.RESPONDENT_NOT_FOUND',
  nothingToCorrect: 'ASSESSMENT.NOTHING_TO_CORRECT',
  withdrawn: 'ASSESSMENT.WITHDRAWN',
  alreadyWithdrawn: 'ASSESSMENT.ALREADY_WITHDRAWN',
  closedWithRatings: 'ASSESSMENT.CLOSED_WITH_RATINGS',
  noRatings: 'ASSESSMENT.NO_RATINGS',
  tooManyRatings: 'ASSESSMENT.TOO_MANY_RATINGS',
  ratingsFileHeader: 'ASSESSMENT.RATINGS_FILE_HEADER',
  ratingsFileEmpty: 'ASSESSMENT.RATINGS_FILE_EMPTY',
} as const;

export type AssessmentErrorCode = ErrorCodeOf<typeof ASSESSMENT_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    assessment: AssessmentErrorCode;
  }
}
