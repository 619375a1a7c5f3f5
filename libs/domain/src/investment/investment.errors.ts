export const INVESTMENT_ERROR_CODES = {
  notFound: 'INVESTMENT.NOT_FOUND',
  alreadyPlanned: 'INVESTMENT.ALREADY_PLANNED',
  invalidTransition: 'INVESTMENT.INVALID_TRANSITION',
  noEffects: 'INVESTMENT.NO_EFFECTS',
  duplicateEffect: 'INVESTMENT.DUPLICATE_EFFECT',
  effectOrder: 'INVESTMENT.EFFECT_ORDER',
} as const;
