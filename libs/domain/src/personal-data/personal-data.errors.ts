import type { ErrorCodeOf } from '../shared/domain-error';

export const PERSONAL_DATA_ERROR_CODES = {
  recordedBeforeSealing: 'PERSONAL_DATA.RECORDED_BEFORE_SEALING',
  ratingNotFound: 'PERSONAL_DATA.RATING_NOT_FOUND',
  nothingToRedact: 'PERSONAL_DATA.NOTHING_TO_REDACT',
  alreadyErased: 'PERSONAL_DATA.ALREADY_ERASED',
  respondentForgotten: 'PERSONAL_DATA.RESPONDENT_FORGOTTEN',
  respondentNotFound: 'PERSONAL_DATA.RESPONDENT_NOT_FOUND',
} as const;

export type PersonalDataErrorCode = ErrorCodeOf<typeof PERSONAL_DATA_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    personalData: PersonalDataErrorCode;
  }
}
