import { requireCapability, requireModelVersion, topLevel, type MaturityModel } from '../maturity-model';
import { requireFunctionInPlace, requireOrganization, type Organization } from '../organization';
import {
  conflict,
  type Decider,
  invalidInput,
  notFound,
  optionalText,
  requireInteger,
  requireIsoDate,
  requireAmount,
  requireNumberInRange,
  requireOneOf,
  requireSlug,
  requireText,
  TEXT_FIELDS,
} from '../shared';
import type {
  EffectInput,
  InvestmentCommand,
  InvestmentContext,
  PlanInvestment,
  ReviseInvestment,
} from './investment.commands';
import { INVESTMENT_ERROR_CODES } from './investment.errors';
import {
  INVESTMENT_KINDS,
  type InvestmentEffect,
  type InvestmentEvent,
  type InvestmentPlanFields,
  type InvestmentStatus,
} from './investment.events';
import {
  evolveInvestment,
  initialInvestmentState,
  type InvestmentState,
  type PlannedInvestment,
} from './investment.state';

export const MAX_LAG_MONTHS = 120;

/**
 * Which statuses each lifecycle command may start from: PLANNED -> APPROVED -> DEPLOYED, or
 * CANCELLED. A plan may be revised until it is deployed or cancelled (an approved one drops back
 * to PLANNED, to be approved again as it now stands).
 */
export const INVESTMENT_TRANSITIONS = {
  ReviseInvestment: ['PLANNED', 'APPROVED'],
  ApproveInvestment: ['PLANNED'],
  DeployInvestment: ['APPROVED'],
  CancelInvestment: ['PLANNED', 'APPROVED'],
} as const satisfies Record<
  Exclude<InvestmentCommand['type'], 'PlanInvestment'>,
  readonly InvestmentStatus[]
>;

export function decideInvestment(
  command: InvestmentCommand,
  state: InvestmentState,
  context: InvestmentContext,
): InvestmentEvent[] {
  if (command.type === 'PlanInvestment') return plan(command, state, context);
  if (state.status === 'NONE') {
    throw notFound(
      'investmentId',
      'investmentId: no such investment has been planned',
      INVESTMENT_ERROR_CODES.notFound,
    );
  }
  const allowed: readonly InvestmentStatus[] = INVESTMENT_TRANSITIONS[command.type];
  if (!allowed.includes(state.status)) {
    const why = command.type === 'ReviseInvestment' ? unrevisableBecause(state.status) : '';
    throw conflict(
      `investmentId: investment "${state.id}" is ${state.status}; ${transitionVerb(command.type)} needs it to be ${allowed.join(' or ')}${why}`,
      INVESTMENT_ERROR_CODES.invalidTransition,
      'investmentId',
    );
  }
  const ids = { investmentId: state.id, organizationId: state.organizationId };
  const now = context.now.toISOString();
  switch (command.type) {
    case 'ReviseInvestment':
      return revise(command, state, context);
    case 'ApproveInvestment':
      return [{ type: 'InvestmentApproved', data: { ...ids, approvedAt: now } }];
    case 'DeployInvestment':
      return [
        {
          type: 'InvestmentDeployed',
          data: {
            ...ids,
            deployedAt: requireMeasurableDeployment(
              requirePastDeployment(command.data.deployedAt, context.now),
              context.firstPeriodEnd ?? null,
            ),
          },
        },
      ];
    case 'CancelInvestment': {
      const reason = optionalText('reason', command.data?.reason, TEXT_FIELDS.reason);
      const previousStatus = state.status === 'APPROVED' ? 'APPROVED' : 'PLANNED';
      return [{ type: 'InvestmentCancelled', data: { ...ids, reason, previousStatus, cancelledAt: now } }];
    }
  }
}

/**
 * A deployment is a fact, recorded for good: it cannot be dated after the command's time, or the
 * realisation would fall due for something that has not happened yet.
 */
function requirePastDeployment(value: unknown, now: Date): string {
  const deployedAt = requireIsoDate('deployedAt', value);
  if (Date.parse(deployedAt) > now.getTime()) {
    throw invalidInput(
      'deployedAt',
      `deployedAt: a deployment cannot be dated after today (got ${String(value)}, now is ${now.toISOString()}); record it once the investment has gone live`,
      INVESTMENT_ERROR_CODES.deployedInTheFuture,
    );
  }
  return deployedAt;
}

/**
 * A deployment dated before the organisation's first assessment period is one no level was known
 * for: its realisation could never be measured, and a deployment is never corrected. So
 * deployedAt may not be earlier than the first periodEnd (while there is no assessment yet, there
 * is no bound). Approval is no bound: it is recorded when it is entered, and a deployment that
 * went live earlier is entered afterwards.
 */
function requireMeasurableDeployment(deployedAt: string, firstPeriodEnd: string | null): string {
  if (firstPeriodEnd !== null && Date.parse(deployedAt) < Date.parse(firstPeriodEnd)) {
    const firstDay = firstPeriodEnd.slice(0, 10);
    throw invalidInput(
      'deployedAt',
      `deployedAt: a deployment cannot be dated before the organisation's first assessment period (ending ${firstDay}; got ${deployedAt.slice(0, 10)}): no level was known then to measure its realisation against; date it ${firstDay} or later`,
      INVESTMENT_ERROR_CODES.deployedBeforeFirstAssessment,
    );
  }
  return deployedAt;
}

const transitionVerb = (type: keyof typeof INVESTMENT_TRANSITIONS): string =>
  ({
    ReviseInvestment: 'revising',
    ApproveInvestment: 'approving',
    DeployInvestment: 'deploying',
    CancelInvestment: 'cancelling',
  })[type];

/** Why a deployed or cancelled plan stays as it is, and what to do instead. */
function unrevisableBecause(status: InvestmentStatus): string {
  if (status === 'DEPLOYED')
    return ': a deployed investment is a fact, and its realisation is measured against the figures it was deployed with; plan a new investment for further work';
  if (status === 'CANCELLED')
    return ': a cancelled investment stays as it was cancelled; plan a new investment instead';
  return '';
}

const PLAN_FIELDS = ['name', 'kind', 'cost', 'lagMonths', 'effects'] as const;

const given = <Value>(value: Value | null | undefined): value is Value =>
  value !== undefined && value !== null;

/**
 * The revised plan, validated as a new plan is (a field left out keeps its value), with the old
 * values of the fields that change. A revision that changes nothing is refused, as a correction
 * to the same level is: it would stay on the record for good and say nothing.
 */
function revise(
  command: ReviseInvestment,
  state: { status: InvestmentStatus } & PlannedInvestment,
  context: InvestmentContext,
): InvestmentEvent[] {
  const { data } = command;
  const effects = () => {
    const organization = requireOrganization(context.organization, 'organizationId', state.organizationId);
    const model = requireModelVersion(context.model, organization.modelId, organization.modelVersion);
    return validateEffects(data.effects ?? [], organization, model);
  };
  const revised: InvestmentPlanFields = {
    name: given(data.name) ? requireText('name', data.name, TEXT_FIELDS.name) : state.name,
    kind: given(data.kind) ? requireOneOf('kind', data.kind, INVESTMENT_KINDS) : state.kind,
    cost: given(data.cost) ? requireAmount('cost', data.cost) : state.cost,
    lagMonths: given(data.lagMonths)
      ? requireInteger('lagMonths', data.lagMonths, 0, MAX_LAG_MONTHS)
      : state.lagMonths,
    effects: given(data.effects) ? effects() : state.effects,
  };
  const previous: Partial<InvestmentPlanFields> = {};
  for (const field of PLAN_FIELDS) {
    if (!samePlanValue(field, state[field], revised[field]))
      Object.assign(previous, { [field]: state[field] });
  }
  if (Object.keys(previous).length === 0) {
    throw invalidInput(
      'input',
      `input: nothing to revise: the name, kind, cost, lagMonths and effects given are investment "${state.id}"'s own; change at least one`,
      INVESTMENT_ERROR_CODES.nothingToRevise,
    );
  }
  return [
    {
      type: 'InvestmentRevised',
      data: {
        investmentId: state.id,
        organizationId: state.organizationId,
        ...revised,
        previous,
        previousStatus: state.status === 'APPROVED' ? 'APPROVED' : 'PLANNED',
        revisedAt: context.now.toISOString(),
      },
    },
  ];
}

/** Effects are a set of cells: the same effects in another order are the same plan. */
function samePlanValue<Field extends keyof InvestmentPlanFields>(
  field: Field,
  before: InvestmentPlanFields[Field],
  after: InvestmentPlanFields[Field],
): boolean {
  if (field !== 'effects') return before === after;
  const key = (effects: InvestmentEffect[]) =>
    effects
      .map(({ functionId, capabilityId, low, likely, high }) =>
        JSON.stringify([functionId, capabilityId, low, likely, high]),
      )
      .sort()
      .join('\n');
  return key(before as InvestmentEffect[]) === key(after as InvestmentEffect[]);
}

function plan(
  command: PlanInvestment,
  state: InvestmentState,
  context: InvestmentContext,
): InvestmentEvent[] {
  const { data } = command;
  const investmentId = requireSlug('investmentId', data.investmentId);
  if (state.status !== 'NONE') {
    throw conflict(
      `investmentId: investment "${investmentId}" is already planned`,
      INVESTMENT_ERROR_CODES.alreadyPlanned,
      'investmentId',
    );
  }
  const organizationId = requireSlug('organizationId', data.organizationId);
  const organization = requireOrganization(context.organization, 'organizationId', organizationId);
  const model = requireModelVersion(context.model, organization.modelId, organization.modelVersion);
  return [
    {
      type: 'InvestmentPlanned',
      data: {
        investmentId,
        organizationId,
        name: requireText('name', data.name, TEXT_FIELDS.name),
        kind: requireOneOf('kind', data.kind, INVESTMENT_KINDS),
        cost: requireAmount('cost', data.cost),
        lagMonths: requireInteger('lagMonths', data.lagMonths, 0, MAX_LAG_MONTHS),
        effects: validateEffects(data.effects, organization, model),
        plannedAt: context.now.toISOString(),
      },
    },
  ];
}

function validateEffects(
  effects: EffectInput[],
  organization: Organization,
  model: MaturityModel,
): InvestmentEffect[] {
  if (!Array.isArray(effects) || effects.length === 0) {
    throw invalidInput(
      'effects',
      'effects must hold at least one effect: which cell the investment moves, and by how much',
      INVESTMENT_ERROR_CODES.noEffects,
    );
  }
  // A change beyond L - 1 levels cannot happen on a 1..L scale.
  const maxChange = topLevel(model) - 1;
  const cells = new Set<string>();
  return effects.map((effect, index) => {
    const field = `effects[${index}]`;
    // A retired function is in no view from its retirement on, so an effect on it would never be scored.
    const functionId = requireFunctionInPlace(organization, `${field}.functionId`, effect.functionId).id;
    const capabilityId = requireCapability(model, `${field}.capabilityId`, effect.capabilityId).id;
    const [low, likely, high] = (['low', 'likely', 'high'] as const).map((bound) =>
      requireNumberInRange(`${field}.${bound}`, effect[bound], -maxChange, maxChange),
    ) as [number, number, number];
    if (low > likely) {
      throw invalidInput(
        `${field}.low`,
        `${field}.low (${low}) must not exceed likely (${likely})`,
        INVESTMENT_ERROR_CODES.effectOrder,
      );
    }
    if (likely > high) {
      throw invalidInput(
        `${field}.likely`,
        `${field}.likely (${likely}) must not exceed high (${high})`,
        INVESTMENT_ERROR_CODES.effectOrder,
      );
    }
    const cell = `${functionId}/${capabilityId}`;
    if (cells.has(cell)) {
      throw invalidInput(
        field,
        `${field} repeats the cell (${functionId}, ${capabilityId}); give one effect per cell`,
        INVESTMENT_ERROR_CODES.duplicateEffect,
      );
    }
    cells.add(cell);
    return { functionId, capabilityId, low, likely, high };
  });
}

export const investmentDecider: Decider<
  InvestmentCommand,
  InvestmentEvent,
  InvestmentState,
  InvestmentContext
> = {
  initialState: initialInvestmentState,
  decide: decideInvestment,
  evolve: evolveInvestment,
};
