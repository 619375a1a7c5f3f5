// Subscriptions skipped the query limits: graphql-ws parses, validates and runs them outside
// Apollo, so a maturityChanged of thousands of fields or aliases was accepted and executed after
// every change. They now meet the same limits as queries, refused as BAD_USER_INPUT when subscribing.
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { QUERY_LIMITS } from '../../apps/api/src/graphql/query-limits';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(120_000);

interface Refusal {
  message: string;
  extensions?: { code?: string };
}

const subscription = (selection: string): string =>
  `subscription($o: ID!) { maturityChanged(organizationId: $o) { ${selection} } }`;

describe('Subscriptions meet the query limits (e2e)', () => {
  let api: TestApi;
  let client: Client;

  /** The refusal of a subscription, or null when it was accepted (it then receives the next view). */
  const refusalOf = (query: string): Promise<Refusal | null> =>
    new Promise((resolve, reject) => {
      const accepted = setTimeout(() => {
        stop();
        resolve(null);
      }, 3_000);
      const stop = client.subscribe<unknown>(
        { query, variables: { o: 'hotel' } },
        {
          next: (result) => {
            clearTimeout(accepted);
            stop();
            resolve(result.errors?.length ? (result.errors[0] as Refusal) : null);
          },
          error: (error) => {
            clearTimeout(accepted);
            if (Array.isArray(error)) resolve(error[0] as Refusal);
            else reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
          },
          complete: () => undefined,
        },
      );
    });

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    client = createClient({
      url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${api.adminToken}` },
      retryAttempts: 0,
    });
  });

  afterAll(async () => {
    await client.dispose();
    await api.close();
  });

  it('should refuse more aliases than a query may hold', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 5 }, (_, index) => `a${index}: coverage`);
    const refusal = await refusalOf(subscription(aliases.join(' ')));
    expect(refusal?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refusal?.message).toMatch(/aliases/i);
  });

  it('should refuse a text of more tokens than a query may hold, before parsing it whole', async () => {
    const refusal = await refusalOf(subscription('coverage '.repeat(QUERY_LIMITS.maxTokens)));
    expect(refusal?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refusal?.message).toMatch(/token/i);
  });

  it('should answer a field the view does not have as bad input, not as an internal error', async () => {
    const refusal = await refusalOf(subscription('coverage noSuchField'));
    expect(refusal?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refusal?.message).toMatch(/noSuchField/);
  });

  it('should still accept a subscription within the limits', async () => {
    const watched = refusalOf(subscription('organizationId coverage'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.mustQuery(
      'mutation { addFunction(input: { organizationId: "hotel", functionId: "desk", name: "Desk" }) { id } }',
    );
    await expect(watched).resolves.toBeNull();
  });
});
