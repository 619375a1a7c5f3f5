// The history filtered by type, stream, actor and recording time, with the count of matches: what
// the audit screen pages through.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

interface Page {
  totalCount: number;
  edges: { node: { type: string; stream: string; actor: string; recordedAt: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const historyQuery = `query($after: String, $first: Int, $filter: HistoryFilterInput) {
  history(organizationId: "bank", after: $after, first: $first, filter: $filter) {
    totalCount edges { node { type stream actor recordedAt } } pageInfo { hasNextPage endCursor } } }`;

describe('history filter (e2e)', () => {
  let api: TestApi;
  let assessorToken: string;

  const history = async (variables: Record<string, unknown>) =>
    (await api.mustQuery<{ history: Page }>(historyQuery, variables)).history;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery('mutation { registerOrganization(input: { id: "bank", name: "Bank" }) { id } }');
    for (const id of ['branches', 'lending'])
      await api.mustQuery(
        `mutation { addFunction(input: { organizationId: "bank", functionId: "${id}", name: "${id}" }) { id } }`,
      );
    const { issueApiToken } = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: ASSESSOR, organizationIds: ["bank"], label: "Night Shift") { token } }',
    );
    assessorToken = issueApiToken.token;
    await api.mustQuery(
      'mutation { openAssessment(input: { organizationId: "bank", assessmentId: "q1", title: "Q1", periodEnd: "2026-03-31" }) { id } }',
      {},
      assessorToken,
    );
    for (const id of ['branches', 'lending'])
      await api.mustQuery(
        `mutation { recordRating(input: { assessmentId: "q1", functionId: "${id}", capabilityId: "service-recovery", level: 3, source: SELF }) { id } }`,
        {},
        assessorToken,
      );
  });

  afterAll(async () => {
    await api.close();
  });

  it('should count every event without a filter', async () => {
    const page = await history({});
    expect(page.totalCount).toBe(6);
    expect(page.edges).toHaveLength(6);
  });

  it('should keep only the given types, and page through them with the count of all matches', async () => {
    const first = await history({ first: 1, filter: { types: ['RatingRecorded'] } });
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((edge) => edge.node.type)).toEqual(['RatingRecorded']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await history({
      first: 1,
      after: first.pageInfo.endCursor,
      filter: { types: ['RatingRecorded'] },
    });
    expect(second.edges.map((edge) => edge.node.type)).toEqual(['RatingRecorded']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('should match part of the stream and part of the actor, ignoring case', async () => {
    const streams = await history({ filter: { stream: 'assessment-' } });
    expect(streams.totalCount).toBe(3);
    expect(streams.edges.every((edge) => edge.node.stream.startsWith('assessment-'))).toBe(true);
    const actors = await history({ filter: { actor: 'night shift' } });
    expect(actors.totalCount).toBe(3);
    expect(actors.edges.every((edge) => edge.node.actor.startsWith('Night Shift'))).toBe(true);
  });

  it('should keep the events recorded between two instants', async () => {
    const all = await history({});
    const third = all.edges[2]!.node.recordedAt;
    const later = await history({ filter: { recordedFrom: third } });
    expect(later.edges[0]?.node.recordedAt).toBe(third);
    expect(later.totalCount).toBeLessThanOrEqual(4);
    const none = await history({ filter: { recordedTo: '2000-01-01' } });
    expect(none.totalCount).toBe(0);
  });

  it('should refuse a type name that is no event type, naming the field and listing the known ones', async () => {
    const answer = await api.graphql<{ history: Page }>(historyQuery, {
      filter: { types: ['RatingRecorded', 'RatingsRecorded'] },
    });
    expect(answer.data?.history).toBeUndefined();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.types' });
    const message = answer.errors?.[0]?.message ?? '';
    expect(message).toContain('"RatingsRecorded" is not an event type');
    for (const known of ['AssessmentOpened', 'RatingCorrected', 'RatingRecorded', 'TargetSet'])
      expect(message).toContain(known);
  });

  it('should refuse a start after the end, naming the field', async () => {
    const answer = await api.graphql(historyQuery, {
      filter: { recordedFrom: '2026-02-01', recordedTo: '2026-01-01' },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.recordedFrom',
    });
  });
});
