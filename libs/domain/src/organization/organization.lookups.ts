import { conflict, notFound, requireSlug } from '../shared';
import { ORGANIZATION_ERROR_CODES } from './organization.errors';
import {
  linksSamePair,
  type FunctionLink,
  type Organization,
  type OrganizationFunction,
  type OrganizationState,
  type RegisteredOrganizationState,
} from './organization.state';

export const isRegisteredOrganization = (state: OrganizationState): state is RegisteredOrganizationState =>
  state.status === 'REGISTERED';

export const findFunction = (
  organization: Organization,
  functionId: string,
): OrganizationFunction | undefined =>
  organization.functions.find((candidate) => candidate.id === functionId);

export const findInteraction = (
  organization: Organization,
  first: string,
  second: string,
): FunctionLink | undefined => organization.interactions.find((link) => linksSamePair(link, first, second));

/** T(f, c): the function's override, else the capability's target, else null (no target). */
export function targetLevel(
  organization: Organization,
  capabilityId: string,
  functionId: string,
): number | null {
  const override = organization.targets.find(
    (target) => target.capabilityId === capabilityId && target.functionId === functionId,
  );
  const general = organization.targets.find(
    (target) => target.capabilityId === capabilityId && target.functionId === null,
  );
  return (override ?? general)?.level ?? null;
}

/** The organisation, or NOT_FOUND on `field` when it is not registered (or is another one). */
export function requireOrganization(
  state: OrganizationState | undefined,
  field: string,
  organizationId?: string,
): RegisteredOrganizationState {
  if (
    state === undefined ||
    !isRegisteredOrganization(state) ||
    (organizationId !== undefined && state.id !== organizationId)
  ) {
    throw notFound(
      field,
      `${field}: no organisation ${organizationId === undefined ? 'is registered' : `"${organizationId}" is registered`}`,
      ORGANIZATION_ERROR_CODES.notFound,
    );
  }
  return state;
}

/** A function of the organisation, or NOT_FOUND on `field`. */
export function requireFunction(
  organization: Organization,
  field: string,
  functionId: unknown,
): OrganizationFunction {
  const id = requireSlug(field, functionId);
  const found = findFunction(organization, id);
  if (!found) {
    throw notFound(
      field,
      `${field}: organisation "${organization.id}" has no function "${id}"`,
      ORGANIZATION_ERROR_CODES.functionNotFound,
    );
  }
  return found;
}

/**
 * Whether the function is retired as of `asOf` (ISO-8601): its retirement is dated on or before
 * it, as organizationAsOf reads it. Absent `asOf`: any recorded retirement (none is in the future).
 */
export const isRetiredAsOf = (business: OrganizationFunction, asOf?: string): boolean =>
  business.retirement !== undefined &&
  (asOf === undefined || Date.parse(business.retirement.effectiveFrom) <= Date.parse(asOf));

/** The ids of the functions retired as of `asOf` (see isRetiredAsOf). */
export const retiredFunctionIds = (organization: Organization, asOf?: string): ReadonlySet<string> =>
  new Set(organization.functions.filter((business) => isRetiredAsOf(business, asOf)).map(({ id }) => id));

/**
 * A function of the organisation not retired (as of `asOf`, when given), or NOT_FOUND /
 * FUNCTION_RETIRED on `field`: what new targets, links, effects and retirements may name, and new
 * ratings and invitations of an assessment whose period ends at `asOf`.
 */
export function requireFunctionInPlace(
  organization: Organization,
  field: string,
  functionId: unknown,
  asOf?: string,
): OrganizationFunction {
  const found = requireFunction(organization, field, functionId);
  if (found.retirement !== undefined && isRetiredAsOf(found, asOf)) {
    const period =
      asOf === undefined ? '' : `, on or before the end of the period rated (${asOf.slice(0, 10)})`;
    throw conflict(
      `${field}: function "${found.id}" was retired from ${found.retirement.effectiveFrom}${period}`,
      ORGANIZATION_ERROR_CODES.functionRetired,
      field,
    );
  }
  return found;
}
