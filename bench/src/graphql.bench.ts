// GraphQL load (autocannon, 50 connections): the api's `maturity` query and `recordRating`
// mutation against the built api in a child process on a fresh SQLite store, and, in the same run,
// a bare @apollo/server answering `maturity` from a precomputed view as the ceiling.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  graphql,
  openAssessment,
  registerOrganization,
  type Server,
  startBuiltApi,
  startServer,
} from './bench-api';

export const CONNECTIONS = 50;
const FUNCTIONS = 8;
const ASSESSMENTS = 10;
export const ORGANIZATION_ID = 'bench-hotel';

export interface LoadFigure {
  req_per_s: number;
  p99_ms: number;
  errors: number;
}

export interface GraphqlBenchFigures {
  graphql_maturity: LoadFigure & { bare_apollo_req_per_s: number };
  graphql_record_rating: LoadFigure;
}

export const MATURITY_QUERY = `query Maturity($organizationId: ID!) {
  maturity(organizationId: $organizationId) {
    organizationId asOf knownAt coverage customerCentricityIndex alignmentIndex targetAttainment
    cells { functionId capabilityId level target gap perceptionGap ratingCount }
    functionScores { functionId customerCentricityIndex }
    weakestLinks { from to misalignment }
  }
}`;

export const RECORD_RATING = 'mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }';

/** An organisation with functions, links, targets and a rating in every cell of every assessment. */
export async function seed(
  url: string,
  token: string,
): Promise<{ capabilityIds: string[]; functionIds: string[]; assessmentIds: string[] }> {
  const models = (await graphql(url, token, '{ maturityModels { capabilities { id } } }', {})) as {
    maturityModels: { capabilities: { id: string }[] }[];
  };
  const capabilityIds = models.maturityModels[0]?.capabilities.map((capability) => capability.id) ?? [];
  const functionIds = await registerOrganization(url, token, {
    id: ORGANIZATION_ID,
    name: 'Bench hotel',
    functions: FUNCTIONS,
  });
  // Each function linked to the one before it.
  for (const [index, functionId] of functionIds.entries()) {
    if (index === 0) continue;
    await graphql(
      url,
      token,
      'mutation($input: LinkFunctionsInput!) { linkFunctions(input: $input) { id } }',
      {
        input: {
          organizationId: ORGANIZATION_ID,
          from: functionIds[index - 1],
          to: functionId,
          weight: 1 + (index % 3),
        },
      },
    );
  }
  for (const capabilityId of capabilityIds) {
    await graphql(url, token, 'mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }', {
      input: { organizationId: ORGANIZATION_ID, capabilityId, level: 4 },
    });
  }
  const assessmentIds = Array.from({ length: ASSESSMENTS }, (_, index) => `bench-assessment-${index}`);
  for (const [index, assessmentId] of assessmentIds.entries()) {
    const periodEnd = new Date(Date.UTC(2023, index, 28)).toISOString();
    await openAssessment(url, token, {
      organizationId: ORGANIZATION_ID,
      assessmentId,
      title: assessmentId,
      periodEnd,
    });
    for (const [functionIndex, functionId] of functionIds.entries()) {
      for (const [capabilityIndex, capabilityId] of capabilityIds.entries()) {
        await graphql(url, token, RECORD_RATING, {
          input: {
            assessmentId,
            functionId,
            capabilityId,
            level: ((functionIndex + capabilityIndex + index) % 5) + 1,
            source: 'SELF',
          },
        });
      }
    }
  }
  return { capabilityIds, functionIds, assessmentIds };
}

export interface LoadOptions {
  url: string;
  token: string | null;
  seconds: number;
  requests: autocannon.Request[];
  /** Default CONNECTIONS. */
  connections?: number;
}

export async function load({
  url,
  token,
  seconds,
  requests,
  connections = CONNECTIONS,
}: LoadOptions): Promise<LoadFigure> {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    requests,
    // A GraphQL error still answers 200: count it as an error too.
    verifyBody: (body) => typeof body === 'string' && !body.includes('"errors"'),
  });
  return {
    req_per_s: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

export async function benchGraphql(options: { quick: boolean }): Promise<GraphqlBenchFigures> {
  const seconds = options.quick ? 3 : 30;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-graphql-'));
  const token = `bench-admin-${process.pid}-0123456789abcdef`;
  const api = await startBuiltApi(dataDir, token);
  let bare: Server | null = null;
  try {
    const { capabilityIds, functionIds, assessmentIds } = await seed(api.url, token);
    const maturityBody = JSON.stringify({
      query: MATURITY_QUERY,
      variables: { organizationId: ORGANIZATION_ID },
    });
    const view = (await graphql(api.url, token, MATURITY_QUERY, { organizationId: ORGANIZATION_ID }))
      .maturity;
    const viewFile = path.join(dataDir, 'precomputed-view.json');
    writeFileSync(viewFile, JSON.stringify(view));
    bare = await startServer(
      path.join(__dirname, 'bare-apollo.server.js'),
      [viewFile],
      // Production mode for both servers, so the ceiling is not slowed by development extras.
      { ...process.env, NODE_ENV: 'production' },
      /bare apollo listening on (http:\/\/\S+)/,
    );

    const maturity = await load({ url: api.url, token, seconds, requests: [{ body: maturityBody }] });
    const ceiling = await load({ url: bare.url, token: null, seconds, requests: [{ body: maturityBody }] });
    let sequence = 0;
    const recordRating = await load({
      url: api.url,
      token,
      seconds,
      requests: [
        {
          // A new rating each time, spread over the assessments and cells (no commandId: each is new).
          setupRequest: (request) => {
            sequence += 1;
            const input = {
              assessmentId: assessmentIds[sequence % assessmentIds.length],
              functionId: functionIds[Math.floor(sequence / assessmentIds.length) % functionIds.length],
              capabilityId: capabilityIds[sequence % capabilityIds.length],
              level: (sequence % 5) + 1,
              source: 'SELF',
            };
            return { ...request, body: JSON.stringify({ query: RECORD_RATING, variables: { input } }) };
          },
        },
      ],
    });
    return {
      graphql_maturity: { ...maturity, bare_apollo_req_per_s: ceiling.req_per_s },
      graphql_record_rating: recordRating,
    };
  } finally {
    await bare?.stop();
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
