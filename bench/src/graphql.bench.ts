// GraphQL load (autocannon, 50 connections): the api's `maturity` query and `recordRating`
// mutation against the built api in a child process on a fresh SQLite store, and, in the same run,
// a bare @apollo/server answering `maturity` from a precomputed view as the ceiling.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

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

export interface Server {
  url: string;
  /** The server process's id (to sample its memory). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts a node script and waits for its "<name> listening on <url>" line. */
export async function startServer(
  script: string,
  args: string[],
  environment: NodeJS.ProcessEnv,
  pattern: RegExp,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${script} did not start:\n${output}`));
    }, 60_000);
    const take = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${script} exited:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function graphql(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (answer.errors?.length || !answer.data)
    throw new Error(`bench set-up failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** An organisation with functions, links, targets and a rating in every cell of every assessment. */
export async function seed(
  url: string,
  token: string,
): Promise<{ capabilityIds: string[]; functionIds: string[]; assessmentIds: string[] }> {
  const models = (await graphql(url, token, '{ maturityModels { capabilities { id } } }', {})) as {
    maturityModels: { capabilities: { id: string }[] }[];
  };
  const capabilityIds = models.maturityModels[0]?.capabilities.map((capability) => capability.id) ?? [];
  await graphql(
    url,
    token,
    'mutation($id: ID!) { registerOrganization(input: { id: $id, name: "Bench hotel" }) { id } }',
    { id: ORGANIZATION_ID },
  );
  const functionIds = Array.from({ length: FUNCTIONS }, (_, index) => `function-${index}`);
  for (const [index, functionId] of functionIds.entries()) {
    await graphql(url, token, 'mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
      input: {
        organizationId: ORGANIZATION_ID,
        functionId,
        name: functionId,
        customerFacing: index % 2 === 0,
      },
    });
    if (index > 0) {
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
  }
  for (const capabilityId of capabilityIds) {
    await graphql(url, token, 'mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }', {
      input: { organizationId: ORGANIZATION_ID, capabilityId, level: 4 },
    });
  }
  const assessmentIds = Array.from({ length: ASSESSMENTS }, (_, index) => `bench-assessment-${index}`);
  for (const [index, assessmentId] of assessmentIds.entries()) {
    const periodEnd = new Date(Date.UTC(2023, index, 28)).toISOString();
    await graphql(
      url,
      token,
      'mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }',
      {
        input: { organizationId: ORGANIZATION_ID, assessmentId, title: assessmentId, periodEnd },
      },
    );
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
  const distRoot = path.resolve(__dirname, '..', '..');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-graphql-'));
  const token = `bench-admin-${process.pid}-0123456789abcdef`;
  const api = await startServer(
    path.join(distRoot, 'apps', 'api', 'src', 'main.js'),
    [],
    {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: token,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    /api listening on (http:\/\/\S+)/,
  );
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
