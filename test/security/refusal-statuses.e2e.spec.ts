// The attack found refusals answered HTTP 200 (unauthenticated, rate-limited, without Retry-After)
// and a query over the token limit answered HTTP 500. Nest's Apollo driver set every answer
// holding `data` back to 200 after our plugins ran (its preserve-status plugin), and graphql-armor
// counted tokens outside Apollo's parse error handling.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

async function post(api: TestApi, query: string, token: string | null): Promise<Response> {
  return fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query }),
  });
}

const codeOf = async (response: Response): Promise<string | undefined> =>
  ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions
    ?.code;

describe('Refusal statuses (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ config: { production: true, rateLimitPerMinute: 3 } });
  });

  afterAll(async () => {
    await api.close();
  });

  it('should answer a request without a token or with a bad one HTTP 401 with WWW-Authenticate', async () => {
    for (const token of [null, 'not-a-token']) {
      const response = await post(api, '{ organizations { id } }', token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await codeOf(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('should answer a query over the token limit HTTP 400 BAD_USER_INPUT naming the limit, never 500', async () => {
    const fields = Array.from({ length: 3_000 }, (_, index) => `f${index}: __typename`).join(' ');
    const response = await post(api, `{ ${fields} }`, api.adminToken);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toMatch(/5000 tokens/);
  });

  it('should answer a missing variable HTTP 400 BAD_USER_INPUT naming it, never 500', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({ query: 'query($id: ID!) { organization(id: $id) { id } }', variables: {} }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; field?: string } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('should keep HTTP 200 for an answer with data beside a field error', async () => {
    const response = await post(
      api,
      '{ maturityModels { id } organization(id: "nowhere") { id } }',
      api.adminToken,
    );
    expect(response.status).toBe(200);
  });

  it('should answer a rate-limited request HTTP 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let request = 0; request < 5; request += 1) {
      last = await post(api, '{ maturityModels { id } }', api.adminToken);
      statuses.push(last.status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await codeOf(last!)).toBe('TOO_MANY_REQUESTS');
  });
});
