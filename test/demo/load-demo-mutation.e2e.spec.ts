// `loadDemo`: the page's "Load the demo" button. An admin loads Interlodge over GraphQL; a second
// call records nothing; other roles are refused.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(120_000);

interface Summary {
  organizationId: string;
  assessments: number;
  investments: number;
  recordedEvents: number;
}

const loadDemo = 'mutation { loadDemo { organizationId assessments investments recordedEvents } }';

describe('loadDemo (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('should load the demo organisation once and record nothing the second time', async () => {
    const first = await api.mustQuery<{ loadDemo: Summary }>(loadDemo);
    expect(first.loadDemo).toMatchObject({ organizationId: 'interlodge', assessments: 8, investments: 6 });
    expect(first.loadDemo.recordedEvents).toBeGreaterThan(100);

    const { organizations } = await api.mustQuery<{ organizations: { id: string; functions: unknown[] }[] }>(
      '{ organizations { id functions { id } } }',
    );
    expect(organizations.map((organization) => organization.id)).toEqual(['interlodge']);

    const second = await api.mustQuery<{ loadDemo: Summary }>(loadDemo);
    expect(second.loadDemo.recordedEvents).toBe(0);
  });

  it('should refuse a planner token', async () => {
    const { issueApiToken } = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: PLANNER, organizationIds: ["interlodge"]) { token } }',
    );
    const answer = await api.graphql(loadDemo, {}, issueApiToken.token);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
