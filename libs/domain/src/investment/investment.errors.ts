import type { ErrorCodeOf } from '../shared/domain-error';

export const INVESTMENT_ERROR_CODES = {
  notFound: 'INVESTMENT.NOT_FOUND',
  alreadyPlanned: 'INVESTMENT.ALREADY_PLANNED',
  invalidTransition: 'INVESTMENT.INVALID_TRANSITION',
  nothingToRevise: 'INVESTMENT.NOTHING_TO_REVISE',
  noEffects: 'INVESTMENT.NO_EFFECTS',
  duplicateEffect: 'INVESTMENT.DUPLICATE_EFFECT',
  effectOrder: 'INVESTMENT.EFFECT_ORDER',
  cancelled: 'INVESTMENT.CANCELLED',
  notDeployed: 'INVESTMENT.NOT_DEPLOYED',
  deployedInTheFuture: 'INVESTMENT.DEPLOYED_IN_THE_FUTURE',
  deployedBeforeFirstAssessment: 'INVESTMENT.DEPLOYED_BEFORE_FIRST_ASSESSMENT',
} as const;

export type InvestmentErrorCode = ErrorCodeOf<typeof INVESTMENT_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    investment: InvestmentErrorCode;
  }
}
