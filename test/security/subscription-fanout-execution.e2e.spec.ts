// The fan-out attack on maturityChanged, after the shared view: one write to an organisation with
// 1,000 subscribers stalled the api for about two seconds, because every subscriber's selection was
// still executed over the shared view (and serialised) on its own. Subscribers asking the same now
// share one execution per change; another shape, another organisation or other variables do not.
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApi, type TestApi } from '../support/test-api';
import { countViewComputations } from '../support/view-computations';

jest.setTimeout(120_000);

const SAME_QUERY =
  'subscription($o: ID!) { maturityChanged(organizationId: $o) { organizationId cells { functionId capabilityId level } } }';
const OTHER_SHAPE =
  'subscription($o: ID!) { maturityChanged(organizationId: $o) { functionScores { functionId } cells { level } } }';

type Result = { data?: { maturityChanged?: Record<string, unknown> } | null; errors?: unknown };
type Results = AsyncIterableIterator<Result>;

/** The `outcome` counts of graphql_subscription_results_total on /metrics. */
async function subscriptionResults(api: TestApi): Promise<{ executed: number; shared: number }> {
  const text = await (await fetch(`${api.baseUrl}/metrics`)).text();
  const count = (outcome: string): number =>
    Number(
      new RegExp(`^graphql_subscription_results_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'm').exec(
        text,
      )?.[1] ?? 0,
    );
  return { executed: count('executed'), shared: count('shared') };
}

const viewOf = (result: IteratorResult<Result>): Record<string, unknown> => {
  const value = result.value as Result;
  expect(value.errors).toBeUndefined();
  const view = value.data?.maturityChanged;
  if (view === undefined) throw new Error(`no view in ${JSON.stringify(value)}`);
  return view;
};

const levelAt = (view: Record<string, unknown>, functionId: string): unknown =>
  (view.cells as { functionId: string; capabilityId: string; level: unknown }[]).find(
    (cell) => cell.functionId === functionId && cell.capabilityId === 'customer-insight',
  )?.level;

describe('maturityChanged fan-out executes a selection once per change (e2e)', () => {
  let api: TestApi;
  const clients: Client[] = [];

  const clientOf = (token: string): Client => {
    const client = createClient({
      url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };

  const subscribe = (client: Client, query: string, organizationId: string, count: number): Results[] =>
    Array.from(
      { length: count },
      () => client.iterate({ query, variables: { o: organizationId } }) as unknown as Results,
    );

  const tokenFor = async (role: string, organizationId: string): Promise<string> =>
    (
      await api.mustQuery<{ issueApiToken: { token: string } }>(
        'mutation($r: Role!, $o: ID!) { issueApiToken(role: $r, organizationIds: [$o]) { token } }',
        { r: role, o: organizationId },
      )
    ).issueApiToken.token;

  const rate = (assessmentId: string, functionId: string, level: number) =>
    api.mustQuery(
      'mutation($a: ID!, $f: ID!, $l: Int!) { recordRating(input: { assessmentId: $a, functionId: $f, capabilityId: "customer-insight", level: $l, source: SELF }) { id } }',
      { a: assessmentId, f: functionId, l: level },
    );

  beforeAll(async () => {
    api = await startTestApi();
    for (const [organizationId, functionId, assessmentId] of [
      ['hotel', 'desk', 'hotel-q1'],
      ['spa', 'pool', 'spa-q1'],
    ] as const) {
      await api.mustQuery(
        'mutation($o: ID!, $n: String!) { registerOrganization(input: { id: $o, name: $n }) { id } }',
        { o: organizationId, n: organizationId },
      );
      await api.mustQuery(
        'mutation($o: ID!, $f: ID!, $n: String!) { addFunction(input: { organizationId: $o, functionId: $f, name: $n }) { id } }',
        { o: organizationId, f: functionId, n: functionId },
      );
      await api.mustQuery(
        'mutation($o: ID!, $a: ID!) { openAssessment(input: { organizationId: $o, assessmentId: $a, title: "Q1", periodEnd: "2024-03-31" }) { id } }',
        { o: organizationId, a: assessmentId },
      );
    }
    await rate('hotel-q1', 'desk', 2);
    await rate('spa-q1', 'pool', 3);
  });

  afterAll(async () => {
    await Promise.all(
      clients.map(async (client) => {
        await client.dispose();
      }),
    );
    await api.close();
  });

  it('should execute each query shape once per change for many subscribers with different tokens, and give each its own organisation’s view in its own shape', async () => {
    const auditor = clientOf(await tokenFor('AUDITOR', 'hotel'));
    const planner = clientOf(await tokenFor('PLANNER', 'hotel'));
    const spaAuditor = clientOf(await tokenFor('AUDITOR', 'spa'));
    // One subscriber of each organisation first, so the others find its current view ready and no
    // computation of those first views is still running when the change is counted.
    const [hotelPilot, spaPilot] = [
      ...subscribe(auditor, SAME_QUERY, 'hotel', 1),
      ...subscribe(spaAuditor, SAME_QUERY, 'spa', 1),
    ] as [Results, Results];
    await Promise.all([hotelPilot.next(), spaPilot.next()]);
    const sameQuery = [
      hotelPilot,
      ...subscribe(auditor, SAME_QUERY, 'hotel', 14),
      ...subscribe(planner, SAME_QUERY, 'hotel', 15),
    ];
    const otherShape = subscribe(auditor, OTHER_SHAPE, 'hotel', 5);
    const spa = [spaPilot, ...subscribe(spaAuditor, SAME_QUERY, 'spa', 4)];
    const hotel = [...sameQuery, ...otherShape];
    await Promise.all(
      [...hotel, ...spa]
        .filter((results) => results !== hotelPilot && results !== spaPilot)
        .map((results) => results.next()),
    );

    const computations = countViewComputations(api);
    try {
      const before = await subscriptionResults(api);
      await rate('hotel-q1', 'desk', 4);
      const sameQueryViews = (await Promise.all(sameQuery.map((results) => results.next()))).map(viewOf);
      const otherShapeViews = (await Promise.all(otherShape.map((results) => results.next()))).map(viewOf);
      const after = await subscriptionResults(api);

      // Two shapes, each executed once per view computed (a change split over two batches makes two).
      const executed = after.executed - before.executed;
      expect(computations.count()).toBeGreaterThanOrEqual(1);
      expect(executed).toBeGreaterThanOrEqual(2);
      expect(executed).toBeLessThanOrEqual(2 * computations.count());
      expect(after.shared - before.shared).toBeGreaterThanOrEqual(hotel.length - executed);

      for (const view of sameQueryViews) {
        expect(view.organizationId).toBe('hotel');
        expect(levelAt(view, 'desk')).toBe(4);
        expect(Object.keys((view.cells as object[])[0] ?? {}).sort()).toEqual([
          'capabilityId',
          'functionId',
          'level',
        ]);
      }
      for (const view of otherShapeViews) {
        expect(Object.keys(view).sort()).toEqual(['cells', 'functionScores']);
        expect(view.functionScores).toEqual([{ functionId: 'desk' }]);
        expect(Object.keys((view.cells as object[])[0] ?? {})).toEqual(['level']);
        expect((view.cells as { level: unknown }[]).map((cell) => cell.level)).toContain(4);
      }
    } finally {
      computations.stop();
    }

    // The same text with another organisation's variables is that organisation's view, never hotel's.
    await rate('spa-q1', 'pool', 1);
    const spaViews = (await Promise.all(spa.map((results) => results.next()))).map(viewOf);
    for (const view of spaViews) {
      expect(view.organizationId).toBe('spa');
      expect(levelAt(view, 'pool')).toBe(1);
      expect((view.cells as { functionId: string }[]).map((cell) => cell.functionId)).not.toContain('desk');
    }
    await Promise.all(
      [...hotel, ...spa].map(async (results) => {
        await results.return?.();
      }),
    );
  });
});
