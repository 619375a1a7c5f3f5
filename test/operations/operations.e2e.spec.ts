// What an operator's tools read from a running api: liveness and readiness, Prometheus metrics
// per operation, error code and append, and a request id on every request.
import { startTestApi, type TestApi } from '../support/test-api';

describe('Operator endpoints', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  async function metricsText(): Promise<string> {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  }

  /** The value of the first sample whose name and labels contain every given fragment. */
  function sample(text: string, name: string, ...fragments: string[]): number | null {
    const line = text
      .split('\n')
      .find(
        (candidate) =>
          candidate.startsWith(`${name}{`) && fragments.every((fragment) => candidate.includes(fragment)),
      );
    return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1));
  }

  it('should answer /health/live at once and /health/ready once the read models follow the store', async () => {
    expect((await fetch(`${api.baseUrl}/health/live`)).status).toBe(200);
    const deadline = Date.now() + 10_000;
    let body: Record<string, unknown> = {};
    for (;;) {
      const response = await fetch(`${api.baseUrl}/health/ready`);
      body = (await response.json()) as Record<string, unknown>;
      if (response.status === 200 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(body).toMatchObject({ status: 'ready', projections: 'live' });
    expect(body.head).toBe(body.checkpoint);
  });

  it('should count and time GraphQL operations by name, errors by code, and appends by outcome', async () => {
    const before = await metricsText();
    await api.mustQuery(
      'mutation RegisterHotel { registerOrganization(input: { id: "metrics-hotel", name: "Hotel" }) { id } }',
    );
    await api.graphql('query MissingHotel { maturity(organizationId: "no-such-hotel") { coverage } }');
    const after = await metricsText();
    const increase = (name: string, ...fragments: string[]): number =>
      (sample(after, name, ...fragments) ?? 0) - (sample(before, name, ...fragments) ?? 0);

    expect(
      increase('graphql_operation_duration_seconds_count', 'operation="RegisterHotel"', 'type="mutation"'),
    ).toBe(1);
    expect(
      increase('graphql_operation_duration_seconds_count', 'operation="MissingHotel"', 'type="query"'),
    ).toBe(1);
    expect(increase('graphql_errors_total', 'code="NOT_FOUND"', 'operation="MissingHotel"')).toBe(1);
    expect(increase('event_store_append_duration_seconds_count', 'outcome="written"')).toBeGreaterThanOrEqual(
      1,
    );
    expect(increase('http_request_duration_seconds_count', 'route="/graphql"', 'status="200"')).toBe(2);
    expect(sample(after, 'projection_lag_events')).not.toBeNull();
    expect(sample(after, 'projection_runner_state', 'state="live"', 'reason=""')).toBe(1);
    expect(after).toMatch(/replica="[^"]+"/);
  });

  it('should echo a given request id and make one up otherwise', async () => {
    const given = await fetch(`${api.baseUrl}/health`, { headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
    const made = await fetch(`${api.baseUrl}/health`, { headers: { 'x-request-id': 'not a\tplain token' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
