// Attacks with CPU-heavy operations, against the built api in its own process: optimisations of
// 20 candidates used to run on the event loop (each alias of optimizePortfolio counted as one
// field), stalling /health and every read while they ran; a history page the docs promise was
// refused as a "Syntax Error".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { errorCodes, postGraphql } from '../support/graphql-client';

jest.setTimeout(240_000);

const FUNCTIONS = ['desk', 'housekeeping', 'maintenance', 'sales', 'kitchen', 'laundry'];
const OPTIMIZE = `query($c: [ID!]!) { optimizePortfolio(organizationId: "hotel", candidateIds: $c, budget: 60) { objective exact selectedIds } }`;

describe('Heavy work off the event loop (e2e, built api)', () => {
  let api: ApiProcess;
  let dataDir: string;
  let planners: string[];
  const candidateIds = Array.from({ length: 20 }, (_, position) => `candidate-${position}`);

  const must = async (query: string, variables: Record<string, unknown> = {}, token = api.adminToken) => {
    const answer = await postGraphql(api.baseUrl, token, query, variables);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data as Record<string, unknown>;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-heavy-'));
    api = await startApi({ dataDir, env: { HEAVY_WORK_PER_TOKEN: '2', HEAVY_WORK_THREADS: '1' } });
    await must('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    for (const functionId of FUNCTIONS)
      await must(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "hotel", functionId: $f, name: $n, customerFacing: true }) { id } }',
        { f: functionId, n: functionId },
      );
    const models = (await must('{ maturityModels { capabilities { id } } }')) as {
      maturityModels: { capabilities: { id: string }[] }[];
    };
    const capabilities = models.maturityModels[0]!.capabilities.map((capability) => capability.id);
    await must(
      'mutation { openAssessment(input: { organizationId: "hotel", assessmentId: "q1", title: "Q1", periodEnd: "2024-03-31" }) { id } }',
    );
    let level = 0;
    for (const functionId of FUNCTIONS)
      for (const capabilityId of capabilities) {
        level = (level % 4) + 1;
        await must(
          'mutation($f: ID!, $c: ID!, $l: Int!) { recordRating(input: { assessmentId: "q1", functionId: $f, capabilityId: $c, level: $l, source: SELF }) { id } }',
          { f: functionId, c: capabilityId, l: level },
        );
      }
    for (const [position, investmentId] of candidateIds.entries()) {
      const effects = [0, 1, 2].map((offset) => ({
        functionId: FUNCTIONS[(position + offset) % FUNCTIONS.length],
        capabilityId: capabilities[(position * 3 + offset) % capabilities.length],
        low: -1,
        likely: offset === 1 ? -0.5 : 1,
        high: 1,
      }));
      await must(
        'mutation($i: ID!, $n: String!, $c: Float!, $e: [EffectInput!]!) { planInvestment(input: { organizationId: "hotel", investmentId: $i, name: $n, kind: OPERATIONAL, cost: $c, lagMonths: 0, effects: $e }) { id } }',
        { i: investmentId, n: investmentId, c: 5 + (position % 7), e: effects },
      );
    }
    planners = [];
    for (let count = 0; count < 2; count += 1) {
      const issued = (await must(
        'mutation { issueApiToken(role: PLANNER, organizationIds: ["hotel"]) { token } }',
      )) as { issueApiToken: { token: string } };
      planners.push(issued.issueApiToken.token);
    }
  });

  afterAll(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should keep answering /health and reads while 4 optimisations of 20 candidates run', async () => {
    let running = true;
    const healthTimes: number[] = [];
    const readTimes: number[] = [];
    const probe = (async () => {
      while (running as boolean) {
        const started = performance.now();
        const health = await fetch(`${api.baseUrl}/health`);
        healthTimes.push(performance.now() - started);
        expect(health.status).toBe(200);
        const readStarted = performance.now();
        await must('{ organization(id: "hotel") { id } }');
        readTimes.push(performance.now() - readStarted);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = performance.now();
    const answers = await Promise.all(
      [0, 1, 2, 3].map((index) =>
        postGraphql(api.baseUrl, planners[index % 2]!, OPTIMIZE, { c: candidateIds }),
      ),
    );
    const elapsed = performance.now() - started;
    running = false;
    await probe;
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    // The optimisations took a while, and meanwhile the event loop kept answering.
    expect(elapsed).toBeGreaterThan(500);
    expect(healthTimes.length).toBeGreaterThan(5);
    expect(Math.max(...healthTimes)).toBeLessThan(500);
    expect(Math.max(...readTimes)).toBeLessThan(1_000);
  });

  it('should refuse a third heavy operation of one token while two run, with TOO_MANY_REQUESTS', async () => {
    const [first, second, third] = await Promise.all(
      [0, 1, 2].map((delay) =>
        new Promise((resolve) => setTimeout(resolve, delay * 50)).then(() =>
          postGraphql(api.baseUrl, planners[0]!, OPTIMIZE, { c: candidateIds }),
        ),
      ),
    );
    expect(first?.errors).toBeUndefined();
    expect(second?.errors).toBeUndefined();
    expect(errorCodes(third!)).toEqual(['TOO_MANY_REQUESTS']);
    // Which limit, and when to retry, for a program; the message for a person names no setting.
    expect(third?.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ reason: 'LIMIT.HEAVY_WORK_PER_TOKEN', retryAfterSeconds: 1 }),
    );
    expect(third?.errors?.[0]?.message).toBe(
      'This API token already runs 2 heavy operations (portfolio optimisations or simulations), as many as it may at once: wait for one to finish',
    );
  });

  it('should count every alias of optimizePortfolio in the query cost and refuse 15 of them before running', async () => {
    const aliases = Array.from(
      { length: 15 },
      (_, index) =>
        `p${index}: optimizePortfolio(organizationId: "hotel", candidateIds: $c, budget: 60) { objective }`,
    );
    const started = performance.now();
    const answer = await postGraphql(
      api.baseUrl,
      planners[1]!,
      `query($c: [ID!]!) { ${aliases.join(' ')} }`,
      {
        c: candidateIds,
      },
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(answer.data ?? null).toBeNull();
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0]?.message).toMatch(
      /^Query cost limit exceeded: this operation costs \d+, the limit is 1000/,
    );
  });

  it('should answer the documented history page of 500 events (it was refused as a syntax error)', async () => {
    const answer = await postGraphql(
      api.baseUrl,
      api.adminToken,
      '{ history(organizationId: "hotel", first: 500) { edges { cursor node { position stream revision type actor recordedAt hash prevHash data } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(answer.errors).toBeUndefined();
  });
});
