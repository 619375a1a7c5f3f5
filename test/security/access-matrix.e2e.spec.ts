// Every operation of the access policy, for every role, on the token's own organisation and on
// another one: allowed exactly when the policy says so (FORBIDDEN for a role it does not name,
// NOT_FOUND for another organisation's ids, as for unknown ones), and UNAUTHENTICATED
// without a token. Driven by the policy table itself, so a new rule is covered once it has a sample.
// Each role signs in both ways, with an API token and as a person of the identity provider: the
// same table rules both.
// RATER is a rater's invitation link (of the inside organisation): its questionnaire only.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { ACCESS_POLICY, type AccessRule, type RootType } from '../../apps/api/src/auth/access-policy';
import { startTestApi, type GraphQLAnswer, type TestApi } from '../support/test-api';
import {
  oidcConfigOf,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../support/test-identity-provider';
import { type OrganizationFixture, SAMPLES, type SampleCall } from './access-samples';

jest.setTimeout(120_000);

const STAFF_ROLES = ['ADMIN', 'ASSESSOR', 'PLANNER', 'AUDITOR'] as const;
type Role = (typeof STAFF_ROLES)[number] | 'RATER';
/** Staff sign in both ways; a rater only with the link of an invitation. */
const SIGN_INS = ['API token', 'identity provider'] as const;
type SignIn = (typeof SIGN_INS)[number] | 'invitation link';
const CALLERS: readonly { role: Role; signIn: SignIn }[] = [
  ...STAFF_ROLES.flatMap((role) => SIGN_INS.map((signIn) => ({ role, signIn }))),
  { role: 'RATER', signIn: 'invitation link' },
];
const ACCESS_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

const rows = (Object.keys(ACCESS_POLICY) as RootType[]).flatMap((rootType) =>
  Object.entries(ACCESS_POLICY[rootType]).map(([field, rule]) => ({ rootType, field, rule })),
);

/** What the policy promises: the role may run it, and (unless global or ADMIN) only on its own organisations. */
function expectedAllowed(rule: AccessRule, role: Role, inside: boolean): boolean {
  if (!rule.roles.includes(role)) return false;
  return role === 'ADMIN' || inside || rule.organizations.length === 0;
}

describe('Access policy (e2e)', () => {
  let api: TestApi;
  let provider: TestIdentityProvider;
  let schemaFields: Record<RootType, Set<string>>;
  const tokens = { 'API token': {}, 'identity provider': {}, 'invitation link': {} } as Record<
    SignIn,
    Record<Role, string>
  >;
  const raterToken = () => tokens['invitation link'].RATER;
  const fixtures = {} as Record<'inside' | 'outside', OrganizationFixture>;
  const raterTokens: Record<string, string> = {};
  let counter = 0;

  async function setUpOrganization(organizationId: string): Promise<OrganizationFixture> {
    const models = await api.mustQuery<{ maturityModels: { id: string; capabilities: { id: string }[] }[] }>(
      '{ maturityModels { id capabilities { id } } }',
    );
    const capabilityId = models.maturityModels[0]!.capabilities[0]!.id;
    const fixture: OrganizationFixture = {
      organizationId,
      functionIds: ['front-desk', 'housekeeping'],
      capabilityId,
      assessmentId: `${organizationId}-q1`,
      investmentId: `${organizationId}-training`,
      spareInvitationId: '',
    };
    await api.mustQuery(
      'mutation($id: ID!) { registerOrganization(input: { id: $id, name: "Hotel" }) { id } }',
      { id: organizationId },
    );
    for (const functionId of fixture.functionIds) {
      await api.mustQuery(
        'mutation($o: ID!, $f: ID!, $n: String!) { addFunction(input: { organizationId: $o, functionId: $f, name: $n, customerFacing: true }) { id } }',
        {
          o: organizationId,
          f: functionId,
          n: functionId,
        },
      );
    }
    await api.mustQuery(SAMPLES.Mutation.openAssessment!(fixture, 'x').query, {
      input: { organizationId, assessmentId: fixture.assessmentId, title: 'Q1', periodEnd: '2024-03-31' },
    });
    const invited = await api.mustQuery<{ inviteRaters: { token: string; invitation: { id: string } }[] }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token invitation { id } } }',
      {
        input: {
          assessmentId: fixture.assessmentId,
          invitations: [
            {
              respondentId: 'matrix-rater',
              source: 'SELF',
              functionIds: [fixture.functionIds[0]],
              capabilityIds: [capabilityId],
            },
            { respondentId: 'spare-rater', source: 'AUDIT', functionIds: [fixture.functionIds[1]] },
          ],
        },
      },
    );
    fixture.spareInvitationId = invited.inviteRaters[1]!.invitation.id;
    raterTokens[organizationId] = invited.inviteRaters[0]!.token;
    const plan = SAMPLES.Mutation.planInvestment!(fixture, 'x');
    const input = (plan.variables as { input: Record<string, unknown> }).input;
    await api.mustQuery(plan.query, { input: { ...input, investmentId: fixture.investmentId } });
    return fixture;
  }

  async function issue(role: Role, organizationIds: string[]): Promise<string> {
    const data = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation($r: Role!, $o: [ID!]!) { issueApiToken(role: $r, organizationIds: $o, label: "matrix") { token } }',
      { r: role, o: organizationIds },
    );
    return data.issueApiToken.token;
  }

  async function call(
    rootType: RootType,
    sample: SampleCall,
    token: string | null,
  ): Promise<GraphQLAnswer<unknown>> {
    if (rootType === 'Subscription') return subscribeOnce(sample, token);
    if (rootType === 'Download') return download(sample, token);
    return api.graphql(sample.query, sample.variables, token);
  }

  /** A refused download answers a JSON body shaped like GraphQL's errors; a served one, the file. */
  async function download(sample: SampleCall, token: string | null): Promise<GraphQLAnswer<unknown>> {
    const response = await fetch(`${api.baseUrl}${sample.query}`, {
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });
    if (response.headers.get('content-type')?.startsWith('application/json'))
      return (await response.json()) as GraphQLAnswer<unknown>;
    await response.arrayBuffer();
    return { data: {} };
  }

  /** The first result or error of a subscription over graphql-ws; no error within a second counts as admitted. */
  async function subscribeOnce(sample: SampleCall, token: string | null): Promise<GraphQLAnswer<unknown>> {
    const client = createClient({
      url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
    });
    try {
      return await new Promise<GraphQLAnswer<unknown>>((resolve) => {
        const timer = setTimeout(() => {
          resolve({ data: null });
        }, 1000);
        client.subscribe(
          { query: sample.query, variables: sample.variables ?? {} },
          {
            next: (result) => {
              clearTimeout(timer);
              resolve(result as GraphQLAnswer<unknown>);
            },
            error: (error) => {
              clearTimeout(timer);
              resolve({
                errors: Array.isArray(error)
                  ? (error as GraphQLAnswer<unknown>['errors'])
                  : [{ message: String(error) }],
              });
            },
            complete: () => undefined,
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startTestApi({ config: { oidc: oidcConfigOf(provider) } });
    fixtures.inside = await setUpOrganization('hotel-inside');
    fixtures.outside = await setUpOrganization('hotel-outside');
    for (const role of STAFF_ROLES) {
      const organizations = role === 'ADMIN' ? [] : [fixtures.inside.organizationId];
      tokens['API token'][role] = await issue(role, organizations);
      tokens['identity provider'][role] = await provider.accessTokenFor(
        { subject: `matrix-${role.toLowerCase()}`, name: role, roles: [role], organizations },
        { expiresIn: 3600 },
      );
    }
    tokens['invitation link'].RATER = raterTokens[fixtures.inside.organizationId]!;
    const introspection = await api.mustQuery<{
      __schema: Record<string, { fields: { name: string }[] } | null>;
    }>(
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }',
    );
    const namesOf = (key: string) =>
      new Set((introspection.__schema[key]?.fields ?? []).map((field) => field.name));
    schemaFields = {
      Query: namesOf('queryType'),
      Mutation: namesOf('mutationType'),
      Subscription: namesOf('subscriptionType'),
      // Routes, not schema fields: the ones the reports controller serves.
      Download: new Set([
        'maturity.csv',
        'maturity.xlsx',
        'history.csv',
        'comparison.xlsx',
        'comparison.csv',
      ]),
    };
  });

  afterAll(async () => {
    await api.close();
    await provider.close();
  });

  it('should have an access rule for every operation of the schema, so none is open by omission', () => {
    for (const rootType of Object.keys(schemaFields) as RootType[]) {
      const missing = [...schemaFields[rootType]].filter((field) => !(field in ACCESS_POLICY[rootType]));
      expect({ rootType, missing }).toEqual({ rootType, missing: [] });
    }
  });

  it('should have a sample call for every rule of the policy', () => {
    const withoutSample = rows
      .filter(({ rootType, field }) => SAMPLES[rootType][field] === undefined)
      .map(({ field }) => field);
    expect(withoutSample).toEqual([]);
  });

  describe.each(rows)('$rootType $field', ({ rootType, field, rule }) => {
    const served = () => schemaFields[rootType].has(field);

    it('should refuse a call without a token as UNAUTHENTICATED', async () => {
      if (!served()) return;
      const answer = await call(
        rootType,
        SAMPLES[rootType][field]!(fixtures.inside, `anonymous-${(counter += 1)}`),
        null,
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('should refuse a revoked-looking or unknown token as UNAUTHENTICATED', async () => {
      if (!served()) return;
      const answer = await call(
        rootType,
        SAMPLES[rootType][field]!(fixtures.inside, `forged-${(counter += 1)}`),
        'token-0000.not-a-secret',
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each(
      CALLERS.flatMap(({ role, signIn }) => [
        { role, signIn, where: 'inside' as const },
        { role, signIn, where: 'outside' as const },
      ]),
    )(
      'should answer $role ($signIn) $where its organisations as the policy says',
      async ({ role, signIn, where }) => {
        if (!served()) return;
        const sample = SAMPLES[rootType][field]!(
          fixtures[where],
          `${role.toLowerCase()}-${where}-${(counter += 1)}`,
        );
        const answer = await call(rootType, sample, tokens[signIn][role]);
        const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
        if (expectedAllowed(rule, role, where === 'inside')) {
          expect(codes.filter((code) => code !== undefined && ACCESS_CODES.has(code))).toEqual([]);
          expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
        } else {
          // Another organisation's ids read as unknown ones (see ownership-oracle.e2e.spec.ts); a role
          // the rule does not name is FORBIDDEN, wherever it asks.
          expect(codes[0]).toBe(rule.roles.includes(role) ? 'NOT_FOUND' : 'FORBIDDEN');
          expect((answer.data as Record<string, unknown> | null | undefined)?.[field] ?? null).toBeNull();
        }
      },
    );
  });

  it.each(SIGN_INS)('should list only the organisations a scoped caller reaches (%s)', async (signIn) => {
    const data = await api.mustQuery<{ organizations: { id: string }[] }>(
      '{ organizations { id } }',
      {},
      tokens[signIn].AUDITOR,
    );
    expect(data.organizations.map((organization) => organization.id)).toEqual([
      fixtures.inside.organizationId,
    ]);
    const all = await api.mustQuery<{ organizations: { id: string }[] }>(
      '{ organizations { id } }',
      {},
      tokens[signIn].ADMIN,
    );
    expect(all.organizations.map((organization) => organization.id)).toEqual(
      expect.arrayContaining([fixtures.inside.organizationId, fixtures.outside.organizationId]),
    );
  });

  it('should refuse a forged rater link as UNAUTHENTICATED, and RATER as a role for API tokens', async () => {
    const forged = await api.graphql(
      '{ questionnaire { invitationId } }',
      {},
      'invitation-0000.not-a-secret',
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrongSecret = `${raterToken().slice(0, raterToken().indexOf('.'))}.not-the-secret`;
    const guessed = await api.graphql('{ questionnaire { invitationId } }', {}, wrongSecret);
    expect(guessed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const issued = await api.graphql(
      'mutation($o: [ID!]!) { issueApiToken(role: RATER, organizationIds: $o) { tokenId } }',
      { o: [fixtures.inside.organizationId] },
    );
    expect(issued.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
  });

  it.each(SIGN_INS)(
    'should refuse a simulation mixing the caller’s organisation with another’s investment (%s)',
    async (signIn) => {
      const answer = await api.graphql(
        'query($o: ID!, $i: [ID!]!) { simulateInvestments(organizationId: $o, investmentIds: $i, trials: 10) { warnings { code } } }',
        {
          o: fixtures.inside.organizationId,
          i: [fixtures.inside.investmentId, fixtures.outside.investmentId],
        },
        tokens[signIn].PLANNER,
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'investmentIds[1]' });
    },
  );

  it('should refuse an unknown investment with the same words whether ADMIN or PLANNER asks', async () => {
    const refusalFor = async (token: string): Promise<unknown> => {
      const answer = await api.graphql(
        'query($o: ID!, $i: [ID!]!) { simulateInvestments(organizationId: $o, investmentIds: $i, trials: 10) { warnings { code } } }',
        { o: fixtures.inside.organizationId, i: [fixtures.inside.investmentId, 'no-such-investment'] },
        token,
      );
      const error = answer.errors?.[0];
      return { message: error?.message, code: error?.extensions?.code, field: error?.extensions?.field };
    };
    const asPlanner = await refusalFor(tokens['API token'].PLANNER);
    expect(asPlanner).toEqual({
      message: 'investmentIds[1]: no investment with this id is known to you',
      code: 'NOT_FOUND',
      field: 'investmentIds[1]',
    });
    expect(await refusalFor(tokens['API token'].ADMIN)).toEqual(asPlanner);
  });
});
