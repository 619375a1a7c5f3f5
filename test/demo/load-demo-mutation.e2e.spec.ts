// `loadDemo`: the page's "Load the demo" button. An admin loads Interlodge over GraphQL as a
// recorded history; a second call records nothing; other roles, and stores that already hold
// other organisations, are refused.
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(120_000);

interface Summary {
  organizationId: string;
  assessments: number;
  investments: number;
  recordedEvents: number;
  recording: string;
  recordedFrom: string | null;
  recordedUntil: string | null;
}

const loadDemo =
  'mutation { loadDemo { organizationId assessments investments recordedEvents recording recordedFrom recordedUntil } }';

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
    expect(first.loadDemo).toMatchObject({
      organizationId: 'interlodge',
      assessments: 8,
      investments: 6,
      recording: 'HISTORY',
      recordedFrom: '2024-01-08T09:00:00.000Z',
      recordedUntil: '2026-01-23T10:00:00.000Z',
    });
    expect(first.loadDemo.recordedEvents).toBeGreaterThan(100);

    const { organizations } = await api.mustQuery<{ organizations: { id: string; functions: unknown[] }[] }>(
      '{ organizations { id functions { id } } }',
    );
    expect(organizations.map((organization) => organization.id)).toEqual(['interlodge']);

    const second = await api.mustQuery<{ loadDemo: Summary }>(loadDemo);
    expect(second.loadDemo).toMatchObject({ recordedEvents: 0, recording: 'ALREADY_LOADED' });
  });

  it('should refuse, writing nothing, a store that already holds another organisation', async () => {
    const other = await startTestApi();
    try {
      await other.mustQuery('mutation { registerOrganization(input: { id: "acme", name: "Acme" }) { id } }');
      const head = () => other.app.get<EventStore>(EVENT_STORE).headPosition();
      const before = await head();

      const answer = await other.graphql(loadDemo);

      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'DEMO.STORE_HAS_ORGANIZATIONS',
      });
      expect(answer.errors?.[0]?.message).toMatch(/its own data directory/);
      expect(await head()).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('should refuse a planner token', async () => {
    const { issueApiToken } = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: PLANNER, organizationIds: ["interlodge"]) { token } }',
    );
    const answer = await api.graphql(loadDemo, {}, issueApiToken.token);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
