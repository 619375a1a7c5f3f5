// The attack found no throttle on requests with a missing or bad token: anyone could guess tokens
// (or make the api verify forged identity-provider tokens) as fast as the network allowed. Past
// FAILED_AUTHENTICATIONS_PER_MINUTE failures, the client address is refused with HTTP 429 and
// Retry-After, before any credential it sends is looked at.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const LIMIT = 5;

describe('Token guessing (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ config: { failedAuthenticationsPerMinute: LIMIT, trustProxy: 'loopback' } });
  });

  afterAll(async () => {
    await api.close();
  });

  const post = (token: string | null, clientAddress: string): Promise<Response> =>
    fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The api trusts its loopback proxy to name the client (TRUST_PROXY=loopback).
        'x-forwarded-for': clientAddress,
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query: '{ organizations { id } }' }),
    });

  it('should refuse an address with HTTP 429 and Retry-After once it has failed too often, whatever it sends then', async () => {
    const guesser = '203.0.113.7';
    for (let attempt = 0; attempt < 20; attempt += 1)
      expect((await post(api.adminToken, guesser)).status).toBe(200);
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      const response = await post(attempt % 2 === 0 ? `guess.${attempt}` : null, guesser);
      expect(response.status).toBe(401);
    }
    for (const token of ['guess.next', null, api.adminToken]) {
      const refused = await post(token, guesser);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
      expect(body.errors[0]!.message).toMatch(/missing or bad token from this address/);
    }
    // The downloads share the throttle.
    const download = await fetch(`${api.baseUrl}/reports/maturity.csv?organizationId=x`, {
      headers: { authorization: 'Bearer guess.download', 'x-forwarded-for': guesser },
    });
    expect(download.status).toBe(429);
    expect(download.headers.get('retry-after')).not.toBeNull();
  });

  it('should leave every other address alone', async () => {
    const neighbour = '203.0.113.8';
    expect((await post('guess.neighbour', neighbour)).status).toBe(401);
    expect((await post(api.adminToken, neighbour)).status).toBe(200);
  });
});
