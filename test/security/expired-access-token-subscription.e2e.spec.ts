// A person of the identity provider subscribed with an access token that expires: the attack
// review found the subscription (and its socket) living on past the token's expiry, so a person
// removed at the provider kept receiving the organisation's views. It ends at `exp`, close code 4401.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  oidcConfigOf,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../support/test-identity-provider';
import { TOKEN_EXPIRED_CLOSE_CODE } from '../../apps/api/src/subscriptions/subscription-registry';

jest.setTimeout(60_000);

describe('A subscription outliving its access token (e2e)', () => {
  let provider: TestIdentityProvider;
  let api: TestApi;

  beforeAll(async () => {
    provider = await startTestIdentityProvider();
    api = await startTestApi({ config: { oidc: oidcConfigOf(provider) } });
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
  });

  afterAll(async () => {
    await api.close();
    await provider.close();
  });

  it("should end the subscription and close its socket when the person's access token expires", async () => {
    const expiresInSeconds = 3;
    const token = await provider.accessTokenFor(
      { subject: 'ada', name: 'Ada', roles: ['AUDITOR'], organizations: ['hotel'] },
      { expiresIn: expiresInSeconds },
    );
    const issuedAt = Date.now();
    let views = 0;
    const closed = new Promise<number | undefined>((resolve) => {
      const client = createClient({
        url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        on: {
          closed: (event) => {
            resolve((event as { code?: number }).code);
          },
        },
      });
      client.subscribe(
        { query: 'subscription { maturityChanged(organizationId: "hotel") { organizationId } }' },
        {
          next: () => {
            views += 1;
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    });
    const outcome = await Promise.race([
      closed,
      new Promise<string>((resolve) =>
        setTimeout(
          () => {
            resolve('still open');
          },
          (expiresInSeconds + 5) * 1000,
        ),
      ),
    ]);
    expect(views).toBeGreaterThanOrEqual(1);
    expect(outcome).toBe(TOKEN_EXPIRED_CLOSE_CODE);
    // Never before the token's own `exp` (whole seconds, so up to a second before issuedAt + 3 s),
    // and soon after it.
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
    };
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(Date.now() - issuedAt).toBeLessThan((expiresInSeconds + 2) * 1000);
  });
});
