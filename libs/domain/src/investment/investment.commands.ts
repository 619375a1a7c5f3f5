import type { MaturityModel } from '../maturity-model';
import type { OrganizationState } from '../organization';
import type { InvestmentKind } from './investment.events';

export type EffectInput = {
  functionId: string;
  capabilityId: string;
  /** Change in levels, may be negative; low <= likely <= high. */
  low: number;
  likely: number;
  high: number;
};

export type PlanInvestment = {
  type: 'PlanInvestment';
  data: {
    investmentId: string;
    organizationId: string;
    name: string;
    kind: InvestmentKind;
    cost: number;
    lagMonths: number;
    effects: EffectInput[];
  };
};

/** New values for some of a plan's fields; a field left out keeps its value. */
export type ReviseInvestment = {
  type: 'ReviseInvestment';
  data: {
    name?: string | null;
    kind?: InvestmentKind | null;
    cost?: number | null;
    lagMonths?: number | null;
    /** The whole new list of effects, replacing the old one. */
    effects?: EffectInput[] | null;
  };
};

export type ApproveInvestment = {
  type: 'ApproveInvestment';
  data?: Record<string, never>;
};

export type DeployInvestment = {
  type: 'DeployInvestment';
  data: {
    /** ISO-8601: when the investment went live (valid time, chosen by the client). */
    deployedAt: string;
  };
};

export type CancelInvestment = {
  type: 'CancelInvestment';
  data?: {
    reason?: string | null;
  };
};

export type InvestmentCommand =
  PlanInvestment | ReviseInvestment | ApproveInvestment | DeployInvestment | CancelInvestment;

export type InvestmentContext = {
  now: Date;
  /** Needed by PlanInvestment and ReviseInvestment: the organisation the investment is planned for. */
  organization?: OrganizationState;
  /** Needed by PlanInvestment and ReviseInvestment: the organisation's pinned maturity model version. */
  model?: MaturityModel;
  /**
   * Needed by DeployInvestment only: the earliest periodEnd (ISO-8601) among the organisation's
   * assessments as known now, withdrawn ones left out; null while it has none.
   */
  firstPeriodEnd?: string | null;
};
