import type { PlannedInvestmentState } from '@app/application';
import type { Investment } from './investment.model';
import { InvestmentKind, InvestmentStatus } from '../graphql/enums/enums';

export const toInvestment = (state: PlannedInvestmentState): Investment => ({
  id: state.id,
  organizationId: state.organizationId,
  name: state.name,
  kind: InvestmentKind[state.kind],
  cost: state.cost,
  lagMonths: state.lagMonths,
  status: InvestmentStatus[state.status],
  deployedAt: state.deployedAt,
  revisedAt: state.revisedAt,
  effects: state.effects,
  cancelledAt: state.cancelledAt,
  cancellationReason: state.cancellationReason,
});
