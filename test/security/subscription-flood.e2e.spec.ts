// Attacks on maturityChanged: hundreds of subscribers of one organisation (an AUDITOR token
// suffices) made every change recompute the whole view once per subscriber; nothing capped how
// many a token or the process could open; a revoked token kept its open sockets.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { type Client, createClient } from 'graphql-ws';
import { buildCli, runCli } from '../audit/cli-runner';
import { startTestApi, type TestApi } from '../support/test-api';
import { countViewComputations } from '../support/view-computations';

jest.setTimeout(120_000);

const SUBSCRIBE =
  'subscription($o: ID!) { maturityChanged(organizationId: $o) { coverage cells { level } } }';

interface Watch {
  client: Client;
  views: number;
  /** Resolves with the first error, or the socket's close code. */
  ended: Promise<{ error?: unknown; closeCode?: number }>;
  /** Resolves once `count` views arrived. */
  viewsReached(count: number): Promise<void>;
}

function watch(api: TestApi, token: string, organizationId = 'hotel'): Watch {
  let endedWith: (outcome: { error?: unknown; closeCode?: number }) => void = () => undefined;
  const ended = new Promise<{ error?: unknown; closeCode?: number }>((resolve) => {
    endedWith = resolve;
  });
  const waiters: { count: number; resolve: () => void }[] = [];
  const client = createClient({
    url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: {
      closed: (event) => {
        endedWith({ closeCode: (event as { code?: number }).code });
      },
    },
  });
  const state: Watch = {
    client,
    views: 0,
    ended,
    viewsReached: (count) =>
      state.views >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
  };
  client.subscribe(
    { query: SUBSCRIBE, variables: { o: organizationId } },
    {
      next: (result) => {
        if (result.errors) {
          endedWith({ error: result.errors });
          return;
        }
        state.views += 1;
        for (const waiter of waiters.filter((candidate) => candidate.count <= state.views)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      },
      error: (error) => {
        endedWith({ error });
      },
      complete: () => {
        endedWith({});
      },
    },
  );
  return state;
}

function disposeAll(clients: readonly Client[]): void {
  for (const client of clients) void client.dispose();
}

const codeOf = (outcome: { error?: unknown }): string | undefined =>
  (outcome.error as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code;

describe('maturityChanged under attack (e2e)', () => {
  let api: TestApi;
  let dataDir: string;
  let auditor: string;
  const clients: Client[] = [];

  async function issue(role: string, label: string): Promise<{ token: string; tokenId: string }> {
    const data = await api.mustQuery<{ issueApiToken: { token: string; tokenId: string } }>(
      'mutation($r: Role!, $l: String) { issueApiToken(role: $r, organizationIds: ["hotel"], label: $l) { token tokenId } }',
      { r: role, l: label },
    );
    return data.issueApiToken;
  }

  const rate = (level: number) =>
    api.mustQuery(
      'mutation($l: Int!) { recordRating(input: { assessmentId: "q1", functionId: "desk", capabilityId: "customer-insight", level: $l, source: SELF }) { id } }',
      { l: level },
    );

  beforeAll(async () => {
    buildCli();
    dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-subscriptions-'));
    api = await startTestApi({
      dataDir,
      config: { subscriptionsPerToken: 250, subscriptionsPerProcess: 300 },
    });
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    await api.mustQuery(
      'mutation { addFunction(input: { organizationId: "hotel", functionId: "desk", name: "Desk" }) { id } }',
    );
    await api.mustQuery(
      'mutation { openAssessment(input: { organizationId: "hotel", assessmentId: "q1", title: "Q1", periodEnd: "2024-03-31" }) { id } }',
    );
    await rate(2);
    auditor = (await issue('AUDITOR', 'many subscriptions')).token;
  });

  afterAll(async () => {
    disposeAll(clients);
    await api.close();
  });

  it('should compute one view per change for 200 subscribers and deliver it to every one within 2 s', async () => {
    const watches = Array.from({ length: 200 }, () => watch(api, auditor));
    clients.push(...watches.map((subscriber) => subscriber.client));
    await Promise.all(watches.map((subscriber) => subscriber.viewsReached(1)));

    const computations = countViewComputations(api);
    try {
      const written = Date.now();
      await rate(4);
      await Promise.all(watches.map((subscriber) => subscriber.viewsReached(2)));
      expect(Date.now() - written).toBeLessThan(2_000);
      // One change, one shared computation (two at most, when the change is split over two batches).
      expect(computations.count()).toBeLessThanOrEqual(2);
    } finally {
      computations.stop();
      disposeAll(watches.map((subscriber) => subscriber.client));
    }
  });

  it('should refuse a token’s subscription over SUBSCRIPTIONS_PER_TOKEN with TOO_MANY_REQUESTS', async () => {
    const { token } = await issue('AUDITOR', 'capped');
    const admitted = Array.from({ length: 250 }, () => watch(api, token));
    clients.push(...admitted.map((subscriber) => subscriber.client));
    await Promise.all(admitted.map((subscriber) => subscriber.viewsReached(1)));
    const refused = watch(api, token);
    clients.push(refused.client);
    expect(codeOf(await refused.ended)).toBe('TOO_MANY_REQUESTS');
    disposeAll(admitted.map((subscriber) => subscriber.client));
  });

  it('should refuse subscriptions over SUBSCRIPTIONS_PER_PROCESS with SERVICE_UNAVAILABLE', async () => {
    const tokens = [await issue('AUDITOR', 'first'), await issue('AUDITOR', 'second')];
    const admitted = Array.from({ length: 300 }, (_, position) => watch(api, tokens[position % 2]!.token));
    clients.push(...admitted.map((subscriber) => subscriber.client));
    await Promise.all(admitted.map((subscriber) => subscriber.viewsReached(1)));
    const refused = watch(api, tokens[0]!.token);
    clients.push(refused.client);
    expect(codeOf(await refused.ended)).toBe('SERVICE_UNAVAILABLE');
    disposeAll(admitted.map((subscriber) => subscriber.client));
  });

  it('should close the sockets of a token revoked through the api within a second', async () => {
    const { token, tokenId } = await issue('PLANNER', 'revoked by api');
    const subscriber = watch(api, token);
    clients.push(subscriber.client);
    await subscriber.viewsReached(1);
    const revoked = Date.now();
    await api.mustQuery('mutation($t: ID!) { revokeApiToken(tokenId: $t) { revoked } }', { t: tokenId });
    const outcome = await Promise.race([
      subscriber.ended,
      new Promise<null>((resolve) => {
        setTimeout(() => {
          resolve(null);
        }, 1_000);
      }),
    ]);
    expect(outcome).toEqual({ closeCode: 4403 });
    expect(Date.now() - revoked).toBeLessThan(1_000);
  });

  it('should close the sockets of a token revoked by the cli (another process) within a second', async () => {
    const { token, tokenId } = await issue('ASSESSOR', 'revoked by cli');
    const subscriber = watch(api, token);
    clients.push(subscriber.client);
    await subscriber.viewsReached(1);
    const run = await runCli(dataDir, ['token', 'revoke', tokenId]);
    expect(run.code).toBe(0);
    const revoked = Date.now();
    const outcome = await Promise.race([
      subscriber.ended,
      new Promise<null>((resolve) => {
        setTimeout(() => {
          resolve(null);
        }, 1_000);
      }),
    ]);
    expect(outcome).toEqual({ closeCode: 4403 });
    expect(Date.now() - revoked).toBeLessThan(1_000);
    // And the token is refused for anything new.
    const answer = await api.graphql('{ organizations { id } }', {}, token);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
