// The attack found an ownership oracle: for a token scoped to one organisation, another
// organisation's id answered FORBIDDEN "you do not reach organisation X" while an unknown id
// answered null or NOT_FOUND, so a caller could tell which ids exist elsewhere (and read their
// organisation's name in the message). Every single-organisation operation, and every download,
// must answer another organisation's ids exactly as it answers ids that exist nowhere.
import { ACCESS_POLICY, type RootType } from '../../apps/api/src/auth/access-policy';
import { startTestApi, type TestApi } from '../support/test-api';
import { type OrganizationFixture, SAMPLES, type SampleCall } from './access-samples';

jest.setTimeout(120_000);

const SCOPED_ROLES = ['ASSESSOR', 'PLANNER', 'AUDITOR'] as const;
type ScopedRole = (typeof SCOPED_ROLES)[number];

/** Every operation that names an organisation (directly, or through an assessment, investment or invitation), with a role that may run it. */
const cases = (['Query', 'Mutation', 'Download'] as RootType[]).flatMap((rootType) =>
  Object.entries(ACCESS_POLICY[rootType]).flatMap(([field, rule]) => {
    const role = SCOPED_ROLES.find((candidate) => rule.roles.includes(candidate));
    return rule.organizations.length === 0 || role === undefined ? [] : [{ rootType, field, role }];
  }),
);

describe('Ownership oracle (e2e)', () => {
  let api: TestApi;
  let capabilityId: string;
  const tokens = {} as Record<ScopedRole, string>;
  /** A real invitation of each organisation set up; an invitation id that exists nowhere otherwise. */
  const invitationIds = new Map<string, string>();
  const fixtureOf = (organizationId: string): OrganizationFixture => ({
    organizationId,
    functionIds: ['front-desk', 'housekeeping'],
    capabilityId,
    assessmentId: `${organizationId}-q1`,
    investmentId: `${organizationId}-training`,
    spareInvitationId: invitationIds.get(organizationId) ?? 'invitation-0000000000000000',
  });

  beforeAll(async () => {
    api = await startTestApi();
    const models = await api.mustQuery<{ maturityModels: { capabilities: { id: string }[] }[] }>(
      '{ maturityModels { capabilities { id } } }',
    );
    capabilityId = models.maturityModels[0]!.capabilities[0]!.id;
    for (const organizationId of ['alpha', 'secret-rival']) {
      const fixture = fixtureOf(organizationId);
      await api.mustQuery(
        'mutation($id: ID!, $name: String!) { registerOrganization(input: { id: $id, name: $name }) { id } }',
        { id: organizationId, name: organizationId },
      );
      for (const functionId of fixture.functionIds) {
        await api.mustQuery(
          'mutation($o: ID!, $f: ID!, $n: String!) { addFunction(input: { organizationId: $o, functionId: $f, name: $n }) { id } }',
          { o: organizationId, f: functionId, n: functionId },
        );
      }
      await api.mustQuery(SAMPLES.Mutation.openAssessment!(fixture, 'x').query, {
        input: { organizationId, assessmentId: fixture.assessmentId, title: 'Q1', periodEnd: '2024-03-31' },
      });
      const invite = SAMPLES.Mutation.inviteRaters!(fixture, organizationId);
      const invited = await api.mustQuery<{ inviteRaters: { invitation: { id: string } }[] }>(
        invite.query.replace('{ token }', '{ invitation { id } }'),
        invite.variables,
      );
      invitationIds.set(organizationId, invited.inviteRaters[0]!.invitation.id);
      const plan = SAMPLES.Mutation.planInvestment!(fixture, 'x');
      const input = (plan.variables as { input: Record<string, unknown> }).input;
      await api.mustQuery(plan.query, { input: { ...input, investmentId: fixture.investmentId } });
    }
    for (const role of SCOPED_ROLES) {
      const issued = await api.mustQuery<{ issueApiToken: { token: string } }>(
        'mutation($r: Role!) { issueApiToken(role: $r, organizationIds: ["alpha"]) { token } }',
        { r: role },
      );
      tokens[role] = issued.issueApiToken.token;
    }
  });

  afterAll(async () => {
    await api.close();
  });

  /** The whole answer a client sees: HTTP status and body. */
  async function answerOf(rootType: RootType, sample: SampleCall, token: string): Promise<unknown> {
    const response =
      rootType === 'Download'
        ? await fetch(`${api.baseUrl}${sample.query}`, { headers: { authorization: `Bearer ${token}` } })
        : await fetch(`${api.baseUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: sample.query, variables: sample.variables ?? {} }),
          });
    return { status: response.status, body: await response.text() };
  }

  it('should cover every single-organisation operation and download', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.map(({ field }) => field)).toEqual(
      expect.arrayContaining(['maturity', 'assessment', 'recordRating', 'approveInvestment', 'history.csv']),
    );
  });

  it.each(cases)(
    "should answer $rootType $field ($role) for another organisation's ids exactly as for unknown ids",
    async ({ rootType, field, role }) => {
      const sample = SAMPLES[rootType][field]!;
      const elsewhere = await answerOf(rootType, sample(fixtureOf('secret-rival'), 'same'), tokens[role]);
      const nowhere = await answerOf(rootType, sample(fixtureOf('no-such-org'), 'same'), tokens[role]);
      expect(JSON.stringify(elsewhere)).not.toContain('secret-rival');
      expect(JSON.stringify(nowhere)).not.toContain('no-such-org');
      expect(elsewhere).toEqual(nowhere);
      expect(JSON.stringify(elsewhere)).toContain('NOT_FOUND');
    },
  );
});
