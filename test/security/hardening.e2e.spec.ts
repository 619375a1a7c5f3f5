// Query limits (graphql-armor), per-token rate limits, public routes and production errors.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

describe('GraphQL hardening (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ config: { production: true } });
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
  });

  afterAll(async () => {
    await api.close();
  });

  it('should refuse hundreds of aliased maturity calls before running them, as BAD_USER_INPUT', async () => {
    const aliases = Array.from(
      { length: 300 },
      (_, index) => `m${index}: maturity(organizationId: "hotel") { coverage cells { level } }`,
    );
    const started = Date.now();
    const answer = await api.graphql(`{ ${aliases.join(' ')} }`);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('should refuse a query that is too costly even without aliases', async () => {
    const indices = 'customerCentricityIndex alignmentIndex targetAttainment';
    const band = 'p10 p50 p90';
    const fields = `baseline { ${indices} } projected { ${indices} } trajectory { month ${indices} } cells { functionId capabilityId level target gap perceptionGap ratingCount } weakestLinks { from to misalignment } warnings { code message from to } distribution { trials customerCentricityIndex { ${band} } alignmentIndex { ${band} } probabilityAlignmentDrops }`;
    const fragments = Array.from(
      { length: 10 },
      (_, index) =>
        `s${index}: simulateInvestments(organizationId: "hotel", investmentIds: []) { ${fields} }`,
    );
    const answer = await api.graphql(`{ ${fragments.join(' ')} }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse a query nested too deep', async () => {
    let selection = 'id';
    for (let depth = 0; depth < 12; depth += 1) selection = `... on Query { organizations { ${selection} } }`;
    const answer = await api.graphql(`{ ${selection} }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should answer a full maturity view of the dashboard within the limits', async () => {
    const answer = await api.graphql(
      '{ maturity(organizationId: "hotel") { organizationId asOf knownAt coverage customerCentricityIndex alignmentIndex targetAttainment cells { functionId capabilityId level target gap perceptionGap ratingCount } functionScores { functionId customerCentricityIndex } weakestLinks { from to misalignment } } }',
    );
    expect(answer.errors).toBeUndefined();
  });

  it("should refuse a body over 8 MB with an error shaped like GraphQL's that says what to do", async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({
        query: '{ organizations { id } }',
        variables: { padding: 'x'.repeat(8_500_000) },
      }),
    });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(answer.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'REQUEST_TOO_LARGE' });
    expect(answer.errors[0]?.message).toMatch(/larger than the 8 MB the api reads: send less/);
  });

  it('should refuse a body that is not JSON as BAD_USER_INPUT', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: '{"query": "{ organizations { id } }"',
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(answer.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_JSON' });
  });

  it('should answer errors without stack traces or internals in production', async () => {
    const answers = [
      await api.graphql('{ organizations { id } }', {}, null),
      await api.graphql('{ nonsense }'),
      await api.graphql(
        'mutation { recordRating(input: { assessmentId: "nowhere", functionId: "f", capabilityId: "c", level: 3, source: SELF }) { id } }',
      ),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(text).not.toMatch(/stacktrace|at Object\.|\.ts:\d+|node_modules/);
      expect(answer.errors?.[0]?.extensions?.code).toBeDefined();
    }
    // Production hides schema hints ("Did you mean …").
    expect(answers[1]!.errors?.[0]?.message).not.toContain('Did you mean');
  });

  it('should keep /health public, and the dashboard page when it is built', async () => {
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
    const page = await fetch(`${api.baseUrl}/`);
    expect([200, 404]).toContain(page.status);
    if (page.status === 200) expect(await page.text()).toContain('<html');
    // The data behind the page is not public.
    const data = await api.graphql('{ organizations { id } }', {}, null);
    expect(data.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('Rate limits per token (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ config: { rateLimitPerMinute: 5 } });
  });

  afterAll(async () => {
    await api.close();
  });

  it('should answer TOO_MANY_REQUESTS past RATE_LIMIT_PER_MINUTE, for that token only', async () => {
    const codes: (string | undefined)[] = [];
    for (let request = 0; request < 7; request += 1) {
      codes.push((await api.graphql('{ maturityModels { id } }')).errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes.slice(5)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });
});
