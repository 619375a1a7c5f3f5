import { registerEnumType } from '@nestjs/graphql';

export enum RatingSource {
  SELF = 'SELF',
  PEER = 'PEER',
  CUSTOMER = 'CUSTOMER',
  AUDIT = 'AUDIT',
}
export enum InvestmentKind {
  OPERATIONAL = 'OPERATIONAL',
  CAPITAL = 'CAPITAL',
}
export enum InvestmentStatus {
  PLANNED = 'PLANNED',
  APPROVED = 'APPROVED',
  DEPLOYED = 'DEPLOYED',
  CANCELLED = 'CANCELLED',
}
export enum Role {
  ADMIN = 'ADMIN',
  ASSESSOR = 'ASSESSOR',
  PLANNER = 'PLANNER',
  AUDITOR = 'AUDITOR',
  RATER = 'RATER',
}

registerEnumType(RatingSource, { name: 'RatingSource' });
registerEnumType(InvestmentKind, { name: 'InvestmentKind' });
registerEnumType(InvestmentStatus, { name: 'InvestmentStatus' });
registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    RATER: {
      description:
        'A rater’s invitation link (never an API token): its own questionnaire and answers, nothing else.',
    },
  },
});
