import type { ErrorCodeOf } from '../shared/domain-error';

export const SCENARIO_ERROR_CODES = {
  notFound: 'SCENARIO.NOT_FOUND',
  noInvestments: 'SCENARIO.NO_INVESTMENTS',
  duplicateInvestment: 'SCENARIO.DUPLICATE_INVESTMENT',
  unknownInvestment: 'SCENARIO.UNKNOWN_INVESTMENT',
  tooMany: 'SCENARIO.TOO_MANY',
} as const;

export type ScenarioErrorCode = ErrorCodeOf<typeof SCENARIO_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    scenario: ScenarioErrorCode;
  }
}
