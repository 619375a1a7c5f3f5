import type { DomainEvent } from '../shared';

export const INVESTMENT_KINDS = ['OPERATIONAL', 'CAPITAL'] as const;
export type InvestmentKind = (typeof INVESTMENT_KINDS)[number];

export const INVESTMENT_STATUSES = ['PLANNED', 'APPROVED', 'DEPLOYED', 'CANCELLED'] as const;
export type InvestmentStatus = (typeof INVESTMENT_STATUSES)[number];

/** The expected change of one cell's level, in levels (triangular: low <= likely <= high). */
export type InvestmentEffect = {
  functionId: string;
  capabilityId: string;
  low: number;
  likely: number;
  high: number;
};

export type InvestmentPlannedData = {
  investmentId: string;
  organizationId: string;
  name: string;
  kind: InvestmentKind;
  /** >= 0, in the organisation's currency. */
  cost: number;
  /** Months after deployment before the effects show, 0..120. */
  lagMonths: number;
  /** At least one, at most one per cell. */
  effects: InvestmentEffect[];
  /** ISO-8601, from the command context. */
  plannedAt: string;
};

/** What a plan says, and what a revision may change. */
export type InvestmentPlanFields = Pick<
  InvestmentPlannedData,
  'name' | 'kind' | 'cost' | 'lagMonths' | 'effects'
>;

/**
 * A plan corrected before deployment: the figures as they now stand, whole, and the earlier values
 * of the fields that changed, so the record reads old -> new. An APPROVED investment drops back
 * to PLANNED: what was approved is not what it now says.
 */
export type InvestmentRevisedData = InvestmentPlanFields & {
  investmentId: string;
  organizationId: string;
  /** The values before this revision, of the changed fields only (at least one). */
  previous: Partial<InvestmentPlanFields>;
  /** The status it was revised from; APPROVED means the approval was withdrawn by this revision. */
  previousStatus: 'PLANNED' | 'APPROVED';
  /** ISO-8601, from the command context. */
  revisedAt: string;
};

export type InvestmentApprovedData = {
  investmentId: string;
  organizationId: string;
  /** ISO-8601, from the command context. */
  approvedAt: string;
};

export type InvestmentDeployedData = {
  investmentId: string;
  organizationId: string;
  /** ISO-8601 (UTC), from the command: when it went live. */
  deployedAt: string;
};

export type InvestmentCancelledData = {
  investmentId: string;
  organizationId: string;
  reason: string | null;
  /** The status it was cancelled from. */
  previousStatus: 'PLANNED' | 'APPROVED';
  /** ISO-8601, from the command context. */
  cancelledAt: string;
};

export type InvestmentPlanned = DomainEvent<'InvestmentPlanned', InvestmentPlannedData>;
export type InvestmentRevised = DomainEvent<'InvestmentRevised', InvestmentRevisedData>;
export type InvestmentApproved = DomainEvent<'InvestmentApproved', InvestmentApprovedData>;
export type InvestmentDeployed = DomainEvent<'InvestmentDeployed', InvestmentDeployedData>;
export type InvestmentCancelled = DomainEvent<'InvestmentCancelled', InvestmentCancelledData>;

export type InvestmentEvent =
  InvestmentPlanned | InvestmentRevised | InvestmentApproved | InvestmentDeployed | InvestmentCancelled;
export type InvestmentEventType = InvestmentEvent['type'];

export const INVESTMENT_EVENT_SCHEMA_VERSIONS: Record<InvestmentEventType, number> = {
  InvestmentPlanned: 1,
  InvestmentRevised: 1,
  InvestmentApproved: 1,
  InvestmentDeployed: 1,
  InvestmentCancelled: 1,
};
