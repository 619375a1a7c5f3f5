// Who an identity provider's access token speaks for: its subject, name, roles and organisations,
// read from configurable claims. Pure: the signature, issuer, audience and times were checked before.
import {
  ACCESS_ERROR_CODES,
  AUTH_ERROR_CODES,
  type IdentityProviderPrincipal,
  reachesAllOrganizations,
  type RoleName,
  ROLES,
  type Roles,
} from '@app/application';
import { forbidden, unauthenticated } from '../access-errors';

export interface ClaimNames {
  rolesClaim: string;
  organizationsClaim: string;
}

export type Claims = Readonly<Record<string, unknown>>;

/**
 * A claim by name; a name that is not a claim itself but has dots is a path into nested claims
 * (Keycloak's `realm_access.roles`), while a namespaced claim such as `https://example.com/roles`
 * is found under its own name first.
 */
export function claimAt(claims: Claims, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const key of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A list claim: a JSON array of strings, or one space-separated string (as OAuth's `scope`). */
function valuesOf(claims: Claims, name: string): string[] | undefined {
  const value = claimAt(claims, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.split(/\s+/).filter((item) => item !== '');
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string'))
    return value.map((item) => item.trim()).filter((item) => item !== '');
  throw unauthenticated(
    `The access token's "${name}" claim must be a list of strings or a space-separated string`,
    AUTH_ERROR_CODES.malformedClaim,
  );
}

const ROLE_BY_NAME = new Map<string, RoleName>(ROLES.map((role) => [role.toLowerCase(), role]));

/** The platform's roles named in the claim (any case), in the policy's order; other values are ignored. */
function rolesIn(values: readonly string[]): RoleName[] {
  const named = new Set(values.map((value) => ROLE_BY_NAME.get(value.toLowerCase())));
  return ROLES.filter((role) => named.has(role));
}

function text(claims: Claims, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The principal of a verified token. No `sub` or no roles claim: UNAUTHENTICATED (it is not a
 * token made for this api); a roles claim naming none of our roles: FORBIDDEN (a real user the
 * provider has given no role here).
 */
export function principalFromClaims(
  claims: Claims,
  names: ClaimNames,
  expiresAt: number,
): IdentityProviderPrincipal {
  const subject = text(claims, 'sub');
  if (subject === null)
    throw unauthenticated('The access token has no subject ("sub" claim)', AUTH_ERROR_CODES.noSubject);
  const roleValues = valuesOf(claims, names.rolesClaim);
  if (roleValues === undefined) {
    throw unauthenticated(
      `The access token has no "${names.rolesClaim}" claim: ask your administrator to map your roles into it`,
      AUTH_ERROR_CODES.noRolesClaim,
    );
  }
  const [firstRole, ...otherRoles] = rolesIn(roleValues);
  if (firstRole === undefined) {
    throw forbidden(
      `Signed in as ${subject}, but the identity provider gives you none of the roles ${ROLES.join(', ')} ` +
        `(claim "${names.rolesClaim}"): ask your administrator for one`,
      ACCESS_ERROR_CODES.noRole,
    );
  }
  const roles: Roles = [firstRole, ...otherRoles];
  return {
    kind: 'identity-provider',
    subject,
    name: text(claims, 'name') ?? text(claims, 'preferred_username') ?? text(claims, 'email'),
    roles,
    organizationIds: [...new Set(valuesOf(claims, names.organizationsClaim) ?? [])],
    allOrganizations: reachesAllOrganizations(roles),
    expiresAt,
  };
}
