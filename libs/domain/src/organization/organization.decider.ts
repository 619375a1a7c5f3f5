import { MATURITY_MODEL_ERROR_CODES, requireModelVersion } from '../maturity-model';
import {
  conflict,
  type Decider,
  invalidInput,
  notFound,
  optionalFlag,
  optionalText,
  requireIsoDate,
  requireWeight,
  requireSlug,
  requireText,
  TEXT_FIELDS,
} from '../shared';
import type {
  OrganizationCommand,
  OrganizationContext,
  RegisterOrganization,
  RetireFunction,
} from './organization.commands';
import { ORGANIZATION_ERROR_CODES } from './organization.errors';
import type { OrganizationEvent } from './organization.events';
import {
  findFunction,
  findInteraction,
  requireFunction,
  requireFunctionInPlace,
  requireOrganization,
} from './organization.lookups';
import { decideSetTargets, targetChange, validTarget } from './set-targets';
import {
  evolveOrganization,
  initialOrganizationState,
  type Organization,
  type OrganizationState,
} from './organization.state';

export function decideOrganization(
  command: OrganizationCommand,
  state: OrganizationState,
  context: OrganizationContext,
): OrganizationEvent[] {
  if (command.type === 'RegisterOrganization') return register(command, state, context);
  const organization = requireOrganization(state, 'organizationId');
  switch (command.type) {
    case 'AddFunction': {
      const functionId = requireSlug('functionId', command.data.functionId);
      if (findFunction(organization, functionId)) {
        throw conflict(
          `functionId: organisation "${organization.id}" already has a function "${functionId}"`,
          ORGANIZATION_ERROR_CODES.functionAlreadyExists,
          'functionId',
        );
      }
      return [
        {
          type: 'FunctionAdded',
          data: {
            organizationId: organization.id,
            functionId,
            name: requireText('name', command.data.name, TEXT_FIELDS.name),
            customerFacing: optionalFlag('customerFacing', command.data.customerFacing),
            partner: optionalFlag('partner', command.data.partner),
          },
        },
      ];
    }
    case 'UpdateFunction': {
      const current = requireFunction(organization, 'functionId', command.data.functionId);
      const { customerFacing, partner } = command.data;
      const updated = {
        organizationId: organization.id,
        functionId: current.id,
        name: requireText('name', command.data.name, TEXT_FIELDS.name),
        customerFacing:
          customerFacing === undefined || customerFacing === null
            ? current.customerFacing
            : optionalFlag('customerFacing', customerFacing),
        partner:
          partner === undefined || partner === null ? current.partner : optionalFlag('partner', partner),
      };
      const unchanged =
        updated.name === current.name &&
        updated.customerFacing === current.customerFacing &&
        updated.partner === current.partner;
      return unchanged ? [] : [{ type: 'FunctionUpdated', data: updated }];
    }
    case 'RetireFunction':
      return retire(command, organization, context);
    case 'UnlinkFunctions': {
      const from = requireFunction(organization, 'from', command.data.from).id;
      const to = requireFunction(organization, 'to', command.data.to).id;
      if (!findInteraction(organization, from, to)) {
        throw notFound(
          'to',
          `to: functions "${from}" and "${to}" are not linked`,
          ORGANIZATION_ERROR_CODES.linkNotFound,
        );
      }
      return [{ type: 'FunctionsUnlinked', data: { organizationId: organization.id, from, to } }];
    }
    case 'ClearTarget': {
      const capabilityId = requireSlug('capabilityId', command.data.capabilityId);
      const { functionId: requestedFunction } = command.data;
      const functionId =
        requestedFunction === undefined || requestedFunction === null
          ? null
          : requireFunction(organization, 'functionId', requestedFunction).id;
      const exists = organization.targets.some(
        (target) => target.capabilityId === capabilityId && target.functionId === functionId,
      );
      if (!exists) {
        throw notFound(
          functionId === null ? 'capabilityId' : 'functionId',
          functionId === null
            ? `capabilityId: "${capabilityId}" has no target for every function`
            : `functionId: "${functionId}" has no own target on "${capabilityId}"`,
          ORGANIZATION_ERROR_CODES.targetNotFound,
        );
      }
      return [{ type: 'TargetCleared', data: { organizationId: organization.id, capabilityId, functionId } }];
    }
    case 'LinkFunctions': {
      // A new link names functions still in place; unlinking (above) may tidy up a retired one.
      const from = requireFunctionInPlace(organization, 'from', command.data.from).id;
      const to = requireFunctionInPlace(organization, 'to', command.data.to).id;
      if (from === to) {
        throw invalidInput(
          'to',
          `to: a function cannot be linked to itself ("${from}" is both from and to); choose another function to link it to`,
          ORGANIZATION_ERROR_CODES.selfLink,
        );
      }
      const { weight: requested } = command.data;
      const weight = requested === undefined || requested === null ? 1 : requireWeight('weight', requested);
      // Relinking a pair with its current weight changes nothing, so nothing is recorded.
      if (findInteraction(organization, from, to)?.weight === weight) return [];
      return [{ type: 'FunctionsLinked', data: { organizationId: organization.id, from, to, weight } }];
    }
    case 'SetTarget': {
      const model = requireModelVersion(context.model, organization.modelId, organization.modelVersion);
      return targetChange(organization, validTarget(organization, model, command.data));
    }
    case 'SetTargets': {
      const model = requireModelVersion(context.model, organization.modelId, organization.modelVersion);
      return decideSetTargets(command, organization, model);
    }
  }
}

/**
 * A function leaves the structure from a date (docs/adr/0015-retiring-functions.md): not before
 * the day the organisation was registered (FunctionAdded carries no date, so that is the earliest
 * the record says it existed), not in the future (a current view would then change with no event),
 * and once only. The function it merged into must be another function still in place.
 */
function retire(
  command: RetireFunction,
  organization: Organization,
  context: OrganizationContext,
): OrganizationEvent[] {
  const functionId = requireFunctionInPlace(organization, 'functionId', command.data.functionId).id;
  const effectiveFrom = requireIsoDate('effectiveFrom', command.data.effectiveFrom);
  // By day: a date picked on the page is midnight UTC, and the day of registration is allowed.
  const registrationDay = organization.registeredAt.slice(0, 10);
  if (Date.parse(effectiveFrom) < Date.parse(registrationDay)) {
    throw invalidInput(
      'effectiveFrom',
      `effectiveFrom must not be before the day the organisation was registered (${registrationDay})`,
      ORGANIZATION_ERROR_CODES.retirementDateOutOfRange,
    );
  }
  if (Date.parse(effectiveFrom) > context.now.getTime()) {
    throw invalidInput(
      'effectiveFrom',
      `effectiveFrom must not be in the future (now is ${context.now.toISOString()}): retire the function once it has gone`,
      ORGANIZATION_ERROR_CODES.retirementDateOutOfRange,
    );
  }
  const reason = requireText('reason', command.data.reason, TEXT_FIELDS.reason);
  const { mergedIntoFunctionId: requested } = command.data;
  const mergedIntoFunctionId =
    requested === undefined || requested === null || requested === ''
      ? null
      : requireFunctionInPlace(organization, 'mergedIntoFunctionId', requested).id;
  if (mergedIntoFunctionId === functionId) {
    throw invalidInput(
      'mergedIntoFunctionId',
      `mergedIntoFunctionId must name a function other than the one retired ("${functionId}")`,
      ORGANIZATION_ERROR_CODES.mergedIntoItself,
    );
  }
  return [
    {
      type: 'FunctionRetired',
      data: { organizationId: organization.id, functionId, effectiveFrom, reason, mergedIntoFunctionId },
    },
  ];
}

function register(
  command: RegisterOrganization,
  state: OrganizationState,
  context: OrganizationContext,
): OrganizationEvent[] {
  const { data } = command;
  const organizationId = requireSlug('id', data.id);
  if (state.status !== 'NONE') {
    throw conflict(
      `id: organisation "${organizationId}" is already registered`,
      ORGANIZATION_ERROR_CODES.alreadyRegistered,
      'id',
    );
  }
  const name = requireText('name', data.name, TEXT_FIELDS.name);
  const purpose = optionalText('purpose', data.purpose, TEXT_FIELDS.statement);
  const valueProposition = optionalText('valueProposition', data.valueProposition, TEXT_FIELDS.statement);
  const modelId = requireSlug('modelId', data.modelId);
  const { model } = context;
  if (model?.id !== modelId) {
    throw notFound(
      'modelId',
      `modelId: no maturity model "${modelId}" is published`,
      MATURITY_MODEL_ERROR_CODES.notFound,
    );
  }
  if (data.modelVersion !== undefined && data.modelVersion !== null && data.modelVersion !== model.version) {
    throw notFound(
      'modelVersion',
      `modelVersion: maturity model "${modelId}" has no version ${data.modelVersion}`,
      MATURITY_MODEL_ERROR_CODES.notFound,
    );
  }
  return [
    {
      type: 'OrganizationRegistered',
      data: {
        organizationId,
        name,
        purpose,
        valueProposition,
        modelId,
        modelVersion: model.version,
        registeredAt: context.now.toISOString(),
      },
    },
  ];
}

export const organizationDecider: Decider<
  OrganizationCommand,
  OrganizationEvent,
  OrganizationState,
  OrganizationContext
> = {
  initialState: initialOrganizationState,
  decide: decideOrganization,
  evolve: evolveOrganization,
};
