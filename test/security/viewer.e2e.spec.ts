// `me`: the page asks who is signed in and what that token may run, so it shows only that.
import { ACCESS_POLICY } from '../../apps/api/src/auth/access-policy';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

interface Viewer {
  role: string;
  label: string | null;
  allOrganizations: boolean;
  organizationIds: string[];
  allowedOperations: string[];
}

const viewerQuery = '{ me { tokenId label role allOrganizations organizationIds allowedOperations } }';

describe('me (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
  });

  afterAll(async () => {
    await api.close();
  });

  it('should tell the admin token it reaches every organisation and may run every operation', async () => {
    const { me } = await api.mustQuery<{ me: Viewer }>(viewerQuery);
    expect(me).toMatchObject({ role: 'ADMIN', allOrganizations: true, organizationIds: [] });
    expect(me.allowedOperations).toEqual(
      expect.arrayContaining(['registerOrganization', 'planInvestment', 'issueApiToken', 'history']),
    );
  });

  it('should tell a planner token its organisations and exactly the operations the policy gives planners', async () => {
    const { issueApiToken } = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: PLANNER, organizationIds: ["hotel"], label: "planning desk") { token } }',
    );
    const { me } = await api.mustQuery<{ me: Viewer }>(viewerQuery, {}, issueApiToken.token);

    const planners = Object.entries({
      ...ACCESS_POLICY.Query,
      ...ACCESS_POLICY.Mutation,
      ...ACCESS_POLICY.Download,
    })
      .filter(([, rule]) => rule.roles.includes('PLANNER'))
      .map(([name]) => name)
      .sort();
    expect(me).toMatchObject({
      role: 'PLANNER',
      label: 'planning desk',
      allOrganizations: false,
      organizationIds: ['hotel'],
    });
    expect(me.allowedOperations).toEqual(planners);
    expect(me.allowedOperations).toContain('planInvestment');
    expect(me.allowedOperations).not.toContain('registerOrganization');
    expect(me.allowedOperations).not.toContain('history');
    expect(me.allowedOperations).toContain('maturity.xlsx');
    expect(me.allowedOperations).not.toContain('history.csv');
  });
});
