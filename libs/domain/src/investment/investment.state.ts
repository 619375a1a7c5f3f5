import type {
  InvestmentEffect,
  InvestmentEvent,
  InvestmentKind,
  InvestmentStatus,
} from './investment.events';

export type PlannedInvestment = {
  id: string;
  organizationId: string;
  name: string;
  kind: InvestmentKind;
  cost: number;
  lagMonths: number;
  effects: InvestmentEffect[];
  plannedAt: string;
  /** When the plan was last revised; null while it is as first planned. */
  revisedAt: string | null;
  approvedAt: string | null;
  deployedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
};

export type InvestmentState = { status: 'NONE' } | ({ status: InvestmentStatus } & PlannedInvestment);

export const initialInvestmentState = (): InvestmentState => ({ status: 'NONE' });

export function evolveInvestment(state: InvestmentState, event: InvestmentEvent): InvestmentState {
  if (event.type === 'InvestmentPlanned') {
    const { investmentId, organizationId, name, kind, cost, lagMonths, effects, plannedAt } = event.data;
    return {
      status: 'PLANNED',
      id: investmentId,
      organizationId,
      name,
      kind,
      cost,
      lagMonths,
      effects,
      plannedAt,
      revisedAt: null,
      approvedAt: null,
      deployedAt: null,
      cancelledAt: null,
      cancellationReason: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'InvestmentRevised': {
      const { name, kind, cost, lagMonths, effects, revisedAt } = event.data;
      // A revised plan is approved afresh: the approval was of the figures it replaced.
      return {
        ...state,
        name,
        kind,
        cost,
        lagMonths,
        effects,
        revisedAt,
        status: 'PLANNED',
        approvedAt: null,
      };
    }
    case 'InvestmentApproved':
      return { ...state, status: 'APPROVED', approvedAt: event.data.approvedAt };
    case 'InvestmentDeployed':
      return { ...state, status: 'DEPLOYED', deployedAt: event.data.deployedAt };
    case 'InvestmentCancelled':
      return {
        ...state,
        status: 'CANCELLED',
        cancelledAt: event.data.cancelledAt,
        cancellationReason: event.data.reason,
      };
  }
}
