import type { ErrorCodeOf } from '../shared/domain-error';

export const ORGANIZATION_ERROR_CODES = {
  notFound: 'ORGANIZATION.NOT_FOUND',
  alreadyRegistered: 'ORGANIZATION.ALREADY_REGISTERED',
  functionNotFound: 'ORGANIZATION.FUNCTION_NOT_FOUND',
  functionAlreadyExists: 'ORGANIZATION.FUNCTION_ALREADY_EXISTS',
  /** The function was retired: no new ratings, invitations, own targets, links, effects or second retirement (docs/reference/domain.md). */
  functionRetired: 'ORGANIZATION.FUNCTION_RETIRED',
  mergedIntoItself: 'ORGANIZATION.MERGED_INTO_ITSELF',
  /** A retirement dated before the organisation was registered, or in the future. */
  retirementDateOutOfRange: 'ORGANIZATION.RETIREMENT_DATE_OUT_OF_RANGE',
  selfLink: 'ORGANIZATION.SELF_LINK',
  linkNotFound: 'ORGANIZATION.LINK_NOT_FOUND',
  targetNotFound: 'ORGANIZATION.TARGET_NOT_FOUND',
  noTargets: 'ORGANIZATION.NO_TARGETS',
  targetRepeated: 'ORGANIZATION.TARGET_REPEATED',
} as const;

export type OrganizationErrorCode = ErrorCodeOf<typeof ORGANIZATION_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    organization: OrganizationErrorCode;
  }
}
