import type { ErrorCodeOf } from '../shared/domain-error';

export const MATURITY_MODEL_ERROR_CODES = {
  notFound: 'MATURITY_MODEL.NOT_FOUND',
  capabilityNotFound: 'MATURITY_MODEL.CAPABILITY_NOT_FOUND',
  levelsNotConsecutive: 'MATURITY_MODEL.LEVELS_NOT_CONSECUTIVE',
  tooFewLevels: 'MATURITY_MODEL.TOO_FEW_LEVELS',
  tooManyLevels: 'MATURITY_MODEL.TOO_MANY_LEVELS',
  noCapabilities: 'MATURITY_MODEL.NO_CAPABILITIES',
  tooManyCapabilities: 'MATURITY_MODEL.TOO_MANY_CAPABILITIES',
  duplicateCapability: 'MATURITY_MODEL.DUPLICATE_CAPABILITY',
  descriptorCount: 'MATURITY_MODEL.DESCRIPTOR_COUNT',
} as const;

export type MaturityModelErrorCode = ErrorCodeOf<typeof MATURITY_MODEL_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    maturityModel: MaturityModelErrorCode;
  }
}
