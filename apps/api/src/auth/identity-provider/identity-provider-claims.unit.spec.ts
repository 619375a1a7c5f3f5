import { DomainError } from '@app/domain';
import { claimAt, principalFromClaims } from './identity-provider-claims';

const names = { rolesClaim: 'roles', organizationsClaim: 'organizations' };
const expiresAt = 1_900_000_000;

function refusal(run: () => unknown): { kind: string; code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(principalFromClaims.name, () => {
  it('should read roles and organisations from lists, and name the person', () => {
    expect(
      principalFromClaims(
        { sub: 'u-1', name: 'Ada Lovelace', roles: ['PLANNER'], organizations: ['interlodge', 'seaview'] },
        names,
        expiresAt,
      ),
    ).toEqual({
      kind: 'identity-provider',
      subject: 'u-1',
      name: 'Ada Lovelace',
      roles: ['PLANNER'],
      organizationIds: ['interlodge', 'seaview'],
      allOrganizations: false,
      expiresAt,
    });
  });

  it('should read space-separated strings as lists', () => {
    const principal = principalFromClaims(
      { sub: 'u-2', roles: 'auditor  PLANNER', organizations: 'interlodge seaview' },
      names,
      expiresAt,
    );
    expect(principal.roles).toEqual(['PLANNER', 'AUDITOR']);
    expect(principal.organizationIds).toEqual(['interlodge', 'seaview']);
  });

  it('should keep every known role of a user with several, ignore the provider’s other groups, and let ADMIN reach every organisation', () => {
    const principal = principalFromClaims(
      { sub: 'u-3', roles: ['Domain Users', 'assessor', 'admin', 'ASSESSOR'] },
      names,
      expiresAt,
    );
    expect(principal.roles).toEqual(['ADMIN', 'ASSESSOR']);
    expect(principal.allOrganizations).toBe(true);
    expect(principal.organizationIds).toEqual([]);
  });

  it('should read configured claim names, nested paths and namespaced claims', () => {
    const keycloak = principalFromClaims(
      { sub: 'u-4', realm_access: { roles: ['planner'] }, 'https://example.com/orgs': ['interlodge'] },
      { rolesClaim: 'realm_access.roles', organizationsClaim: 'https://example.com/orgs' },
      expiresAt,
    );
    expect(keycloak.roles).toEqual(['PLANNER']);
    expect(keycloak.organizationIds).toEqual(['interlodge']);
    expect(claimAt({ a: { b: 'deep' } }, 'a.b')).toBe('deep');
    expect(claimAt({ a: ['x'] }, 'a.length')).toBeUndefined();
  });

  it('should name the person by name, else preferred_username, else email', () => {
    expect(principalFromClaims({ sub: 's', roles: 'ADMIN', preferred_username: 'ada' }, names, 0).name).toBe(
      'ada',
    );
    expect(principalFromClaims({ sub: 's', roles: 'ADMIN', email: 'ada@example.com' }, names, 0).name).toBe(
      'ada@example.com',
    );
    expect(principalFromClaims({ sub: 's', roles: 'ADMIN' }, names, 0).name).toBeNull();
  });

  it('should refuse a token without a roles claim as UNAUTHENTICATED, naming the claim', () => {
    expect(refusal(() => principalFromClaims({ sub: 'u-5' }, names, expiresAt))).toMatchObject({
      kind: 'unauthenticated',
      code: 'AUTH.NO_ROLES_CLAIM',
      message: expect.stringContaining('"roles"'),
    });
  });

  it('should refuse a user whose roles claim names none of ours as FORBIDDEN', () => {
    for (const roles of [[], '', ['Domain Users']])
      expect(refusal(() => principalFromClaims({ sub: 'u-6', roles }, names, expiresAt))).toMatchObject({
        kind: 'forbidden',
        code: 'ACCESS.NO_ROLE',
      });
  });

  it('should refuse a malformed claim or a token without a subject as UNAUTHENTICATED', () => {
    expect(
      refusal(() => principalFromClaims({ sub: 'u-7', roles: { admin: true } }, names, 0)),
    ).toMatchObject({
      kind: 'unauthenticated',
      code: 'AUTH.MALFORMED_CLAIM',
    });
    expect(
      refusal(() => principalFromClaims({ sub: 'u-7', roles: 'ADMIN', organizations: [1, 2] }, names, 0)),
    ).toMatchObject({ kind: 'unauthenticated', code: 'AUTH.MALFORMED_CLAIM' });
    expect(refusal(() => principalFromClaims({ roles: 'ADMIN' }, names, 0))).toMatchObject({
      kind: 'unauthenticated',
      code: 'AUTH.NO_SUBJECT',
    });
  });
});
