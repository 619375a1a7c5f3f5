// Signing in with the organisation's identity provider: the api accepts OpenID Connect access
// tokens from a real provider on loopback (discovery, key set, RS256), over HTTP and graphql-ws,
// beside API tokens. Every bad token is UNAUTHENTICATED (FORBIDDEN without a role), never a server
// error; a provider that is down is SERVICE_UNAVAILABLE while API tokens keep working.
import { createPublicKey } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { type JWK, SignJWT } from 'jose';
import { startTestApi, type GraphQLAnswer, type TestApi } from '../support/test-api';
import {
  oidcConfigOf,
  startTestIdentityProvider,
  type TestIdentityProvider,
  type TestUser,
} from '../support/test-identity-provider';

jest.setTimeout(120_000);

const ada: TestUser = {
  subject: 'ada-4f1c',
  name: 'Ada Planner',
  roles: ['PLANNER'],
  organizations: ['hotel'],
};
const grace: TestUser = {
  subject: 'grace-77d0',
  name: 'Grace Both',
  roles: 'planner auditor',
  organizations: 'hotel',
};
const meQuery =
  '{ me { signedInWith subject name tokenId role roles allOrganizations organizationIds expiresAt allowedOperations } }';
const planQuery = `mutation($id: ID!) { planInvestment(input: { organizationId: "hotel", investmentId: $id, name: "Training",
  kind: OPERATIONAL, cost: 1000, lagMonths: 3, effects: [{ functionId: "front-desk", capabilityId: "CAPABILITY", low: 0.1, likely: 0.3, high: 0.5 }] }) { id } }`;

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const codesOf = (answer: GraphQLAnswer<unknown>): (string | undefined)[] =>
  (answer.errors ?? []).map((error) => error.extensions?.code);

describe('Signing in with an identity provider (e2e)', () => {
  let provider: TestIdentityProvider;
  let api: TestApi;
  let capabilityId: string;

  const plan = (token: string, id: string) =>
    api.graphql(planQuery.replace('CAPABILITY', capabilityId), { id }, token);

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startTestApi({ config: { oidc: oidcConfigOf(provider) } });
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    await api.mustQuery(
      'mutation { addFunction(input: { organizationId: "hotel", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    );
    await api.mustQuery('mutation { registerOrganization(input: { id: "other", name: "Other" }) { id } }');
    const models = await api.mustQuery<{ maturityModels: { capabilities: { id: string }[] }[] }>(
      '{ maturityModels { capabilities { id } } }',
    );
    capabilityId = models.maturityModels[0]!.capabilities[0]!.id;
  });

  afterAll(async () => {
    await api.close();
    await provider.close();
  });

  it('should tell a signed-in person who they are: subject, name, roles, organisations, expiry', async () => {
    const token = await provider.accessTokenFor(ada, { expiresIn: 600 });
    const { me } = await api.mustQuery<{ me: Record<string, unknown> }>(meQuery, {}, token);
    expect(me).toMatchObject({
      signedInWith: 'IDENTITY_PROVIDER',
      subject: 'ada-4f1c',
      name: 'Ada Planner',
      tokenId: null,
      role: 'PLANNER',
      roles: ['PLANNER'],
      allOrganizations: false,
      organizationIds: ['hotel'],
    });
    const expiresAt = Date.parse(me.expiresAt as string);
    expect(Math.abs(expiresAt - (Date.now() + 600_000))).toBeLessThan(5000);
    expect(me.allowedOperations).toContain('planInvestment');
    expect(me.allowedOperations).not.toContain('history');
  });

  it('should record the person’s subject as the actor of what they do, so history shows who did it', async () => {
    const token = await provider.accessTokenFor(ada);
    expect(codesOf(await plan(token, 'ada-training'))).toEqual([]);
    const { history } = await api.mustQuery<{
      history: { edges: { node: { type: string; actor: string } }[] };
    }>('{ history(organizationId: "hotel", first: 20) { edges { node { type actor } } } }');
    expect(
      history.edges.map((edge) => edge.node).filter((node) => node.type === 'InvestmentPlanned'),
    ).toEqual([{ type: 'InvestmentPlanned', actor: 'ada-4f1c' }]);
  });

  it('should let a person with several roles do what each allows, and no more', async () => {
    const token = await provider.accessTokenFor(grace);
    expect(codesOf(await plan(token, 'grace-training'))).toEqual([]);
    const history = await api.graphql(
      '{ history(organizationId: "hotel", first: 1) { edges { cursor } } }',
      {},
      token,
    );
    expect(codesOf(history)).toEqual([]);
    const register = await api.graphql(
      'mutation { registerOrganization(input: { id: "graces", name: "Grace" }) { id } }',
      {},
      token,
    );
    expect(codesOf(register)).toEqual(['FORBIDDEN']);
    // Another organisation reads as an unknown one (see ownership-oracle.e2e.spec.ts).
    const elsewhere = await api.graphql(
      '{ history(organizationId: "other", first: 1) { edges { cursor } } }',
      {},
      token,
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });

  it('should give a provider’s ADMIN every organisation', async () => {
    const token = await provider.accessTokenFor({ subject: 'root-1', name: 'Root', roles: ['ADMIN'] });
    const { organizations } = await api.mustQuery<{ organizations: { id: string }[] }>(
      '{ organizations { id } }',
      {},
      token,
    );
    expect(organizations.map((organization) => organization.id).sort()).toEqual(['hotel', 'other']);
  });

  it('should accept a token a few seconds past its expiry (clock skew) and refuse one well past it', async () => {
    const justExpired = await provider.accessTokenFor(ada, { expiresIn: -5 });
    expect(codesOf(await api.graphql(meQuery, {}, justExpired))).toEqual([]);
    const expired = await provider.accessTokenFor(ada, { expiresIn: -120 });
    const answer = await api.graphql(meQuery, {}, expired);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(answer.errors?.[0]?.message).toMatch(/expired/);
  });

  describe('bad tokens', () => {
    const INVALID = 'AUTH.INVALID_ACCESS_TOKEN';
    const claims = { sub: 'mallory', roles: ['ADMIN'] };

    async function hmacSignedWithThePublicKey(): Promise<string> {
      const { keys } = (await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: JWK[] };
      const published = keys[0]!;
      const pem = createPublicKey({ key: published as import('node:crypto').JsonWebKey, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: published.kid! })
        .setIssuer(provider.issuer)
        .setAudience(provider.audience)
        .setExpirationTime(now + 300)
        .sign(new TextEncoder().encode(pem));
    }

    // The reason shows the token went through verification (not refused for its shape).
    const cases: [string, () => Promise<string>, string][] = [
      ['expired', () => provider.accessToken({ claims, expiresIn: -3600 }), INVALID],
      ['not yet valid', () => provider.accessToken({ claims, notBefore: 600 }), INVALID],
      ['for another audience', () => provider.accessToken({ claims, audience: 'urn:someone-else' }), INVALID],
      [
        'from another issuer',
        () => provider.accessToken({ claims, issuer: 'https://evil.example.com' }),
        INVALID,
      ],
      [
        'signed with a key the provider does not publish',
        () => provider.accessToken({ claims, unpublishedKey: true }),
        INVALID,
      ],
      [
        'unsigned (alg none)',
        () => {
          const now = Math.floor(Date.now() / 1000);
          const payload = { ...claims, iss: provider.issuer, aud: provider.audience, exp: now + 300 };
          return Promise.resolve(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`);
        },
        INVALID,
      ],
      ['signed with an HMAC of the public key', hmacSignedWithThePublicKey, INVALID],
      [
        'without a roles claim',
        () => provider.accessToken({ claims: { sub: 'mallory' } }),
        'AUTH.NO_ROLES_CLAIM',
      ],
      [
        'with a forged signature',
        async () => {
          const [header, , signature] = (
            await provider.accessToken({ claims: { sub: 'x', roles: 'AUDITOR' } })
          ).split('.');
          return `${header}.${base64url({ ...claims, iss: provider.issuer, aud: provider.audience, exp: 2e9 })}.${signature}`;
        },
        INVALID,
      ],
      ['garbage in three parts', () => Promise.resolve('abc.def.ghi'), INVALID],
    ];

    it.each(cases)('should refuse a token %s as UNAUTHENTICATED over HTTP', async (_name, make, reason) => {
      const answer = await api.graphql(meQuery, {}, await make());
      expect(answer.errors?.map((error) => error.extensions)).toEqual([{ code: 'UNAUTHENTICATED', reason }]);
      expect(answer.data ?? null).toBeNull();
    });

    it.each(cases)(
      'should refuse a token %s as UNAUTHENTICATED over graphql-ws',
      async (_name, make, reason) => {
        const answer = await subscribeOnce(await make());
        expect(answer.errors?.map((error) => error.extensions)).toEqual([
          { code: 'UNAUTHENTICATED', reason },
        ]);
      },
    );

    it('should refuse a valid token whose roles claim names none of our roles as FORBIDDEN, saying why', async () => {
      const token = await provider.accessTokenFor({ subject: 'eve', name: 'Eve', roles: ['Domain Users'] });
      const answer = await api.graphql(meQuery, {}, token);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCESS.NO_ROLE' });
      expect(answer.errors?.[0]?.message).toMatch(/none of the roles/);
    });
  });

  async function subscribeOnce(
    token: string,
  ): Promise<GraphQLAnswer<{ maturityChanged: { organizationId: string } }>> {
    const client = createClient({
      url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
    });
    try {
      return await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error('no answer within 10 s'));
        }, 10_000);
        client.subscribe(
          { query: 'subscription { maturityChanged(organizationId: "hotel") { organizationId } }' },
          {
            next: (result) => {
              clearTimeout(timer);
              resolve(result as GraphQLAnswer<{ maturityChanged: { organizationId: string } }>);
            },
            error: (error) => {
              clearTimeout(timer);
              resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] });
            },
            complete: () => undefined,
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it('should serve a subscription over graphql-ws to a person of the identity provider', async () => {
    const answer = await subscribeOnce(await provider.accessTokenFor(ada));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.maturityChanged.organizationId).toBe('hotel');
  });

  it('should serve a download to a person of the identity provider under the same rules, and refuse a bad token with 401', async () => {
    const download = (token: string) =>
      fetch(`${api.baseUrl}/reports/history.csv?organizationId=hotel`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const served = await download(await provider.accessTokenFor(grace));
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('OrganizationRegistered');
    const forbidden = await download(await provider.accessTokenFor(ada));
    expect(forbidden.status).toBe(403);
    const refused = await download(await provider.accessTokenFor(ada, { audience: 'urn:someone-else' }));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'AUTH.INVALID_ACCESS_TOKEN' } }],
    });
  });

  it('should pick up a rotated signing key, and refuse the withdrawn one once it is gone', async () => {
    const before = await provider.accessTokenFor(ada);
    expect(codesOf(await api.graphql(meQuery, {}, before))).toEqual([]);
    await provider.rotateKeys();
    // The key set is fetched again for an unknown key id at most every 5 s.
    await new Promise((resolve) => setTimeout(resolve, 5200));
    const after = await provider.accessTokenFor(ada);
    expect(codesOf(await api.graphql(meQuery, {}, after))).toEqual([]);
    expect(codesOf(await api.graphql(meQuery, {}, before))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('An identity provider that is down (e2e)', () => {
  let provider: TestIdentityProvider;
  let api: TestApi;
  const user: TestUser = { subject: 'sam', name: 'Sam', roles: ['AUDITOR'], organizations: [] };

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startTestApi({ config: { oidc: oidcConfigOf(provider) } });
  });

  afterAll(async () => {
    await api.close();
    await provider.close();
  });

  it('should answer SERVICE_UNAVAILABLE (503 for a download) while the key set cannot be fetched, keep API tokens working, and recover', async () => {
    provider.setAvailable(false, ['keys']);
    const token = await provider.accessTokenFor(user);
    const answer = await api.graphql('{ me { subject } }', {}, token);
    expect(codesOf(answer)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(answer.errors?.[0]?.message).toMatch(
      /signing keys .*\/jwks.* could not be fetched.*API tokens still work/,
    );
    expect(codesOf(await api.graphql('{ me { subject } }'))).toEqual([]);

    const download = await fetch(`${api.baseUrl}/reports/history.csv?organizationId=anything`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(503);
    expect(await download.json()).toMatchObject({
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });

    provider.setAvailable(true, ['keys']);
    const { me } = await api.mustQuery<{ me: { subject: string } }>('{ me { subject } }', {}, token);
    expect(me.subject).toBe('sam');
  });

  it('should answer SERVICE_UNAVAILABLE when discovery fails at first use, then recover', async () => {
    const other = await startTestIdentityProvider();
    const otherApi = await startTestApi({ config: { oidc: oidcConfigOf(other) } });
    try {
      other.setAvailable(false);
      const token = await other.accessTokenFor(user);
      const answer = await otherApi.graphql('{ me { subject } }', {}, token);
      expect(answer.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.errors?.[0]?.message).toMatch(/discovery document/);
      expect(codesOf(await otherApi.graphql('{ me { subject } }'))).toEqual([]);

      other.setAvailable(true);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(codesOf(await otherApi.graphql('{ me { subject } }', {}, token))).toEqual([]);
    } finally {
      await otherApi.close();
      await other.close();
    }
  });

  it('should refuse an identity provider token as UNAUTHENTICATED when the api has no provider configured', async () => {
    const plain = await startTestApi();
    try {
      const answer = await plain.graphql('{ me { subject } }', {}, await provider.accessTokenFor(user));
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'AUTH.OIDC_NOT_CONFIGURED',
      });
    } finally {
      await plain.close();
    }
  });
});
