// The built api as the benches drive it: a child process on its own store, called over GraphQL
// (HTTP for commands and queries, WebSocket for subscriptions) and set up through its mutations.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

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

/**
 * The built api on a store in `dataDir` with `token` as its admin token, quiet, in production mode
 * and without the rate limit (the bench is one caller sending far more than a person would).
 */
export function startBuiltApi(
  dataDir: string,
  token: string,
  environment: NodeJS.ProcessEnv = {},
): Promise<Server> {
  return startServer(
    path.join(path.resolve(__dirname, '..', '..'), 'apps', 'api', 'src', 'main.js'),
    [],
    {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: token,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      ...environment,
    },
    /api listening on (http:\/\/\S+)/,
  );
}

/** Registers an organisation with `functions` functions (`function-0`, …; every other one customer-facing). */
export async function registerOrganization(
  url: string,
  token: string,
  organization: { id: string; name: string; functions: number },
): Promise<string[]> {
  await graphql(
    url,
    token,
    'mutation($id: ID!, $name: String!) { registerOrganization(input: { id: $id, name: $name }) { id } }',
    { id: organization.id, name: organization.name },
  );
  const functionIds = Array.from({ length: organization.functions }, (_, index) => `function-${index}`);
  for (const [index, functionId] of functionIds.entries()) {
    await graphql(url, token, 'mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
      input: {
        organizationId: organization.id,
        functionId,
        name: functionId,
        customerFacing: index % 2 === 0,
      },
    });
  }
  return functionIds;
}

export async function openAssessment(
  url: string,
  token: string,
  input: { organizationId: string; assessmentId: string; title: string; periodEnd: string },
): Promise<void> {
  await graphql(
    url,
    token,
    'mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }',
    {
      input,
    },
  );
}

/** A subscription of one caller: the views it received and its first failure. */
export interface ViewSubscription {
  client: Client;
  views: number;
  failed: string | null;
  /** Resolves with the first view (the current one, sent on subscribing), or the first failure. */
  subscribed: Promise<void>;
}

/** Subscribes with the token over WebSocket; `onView` is called after each view is counted. */
export function subscribeToViews(
  url: string,
  token: string,
  operation: { query: string; variables: Record<string, unknown> },
  options: { lazy?: boolean; onView?: (subscription: ViewSubscription) => void } = {},
): ViewSubscription {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    ...(options.lazy === undefined ? {} : { lazy: options.lazy }),
  });
  let firstView: () => void = () => undefined;
  const subscription: ViewSubscription = {
    client,
    views: 0,
    failed: null,
    subscribed: new Promise<void>((resolve) => {
      firstView = resolve;
    }),
  };
  const fail = (reason: string): void => {
    subscription.failed ??= reason;
    firstView();
  };
  client.subscribe(operation, {
    next: (result) => {
      if (result.errors !== undefined) {
        fail(JSON.stringify(result.errors));
        return;
      }
      subscription.views += 1;
      options.onView?.(subscription);
      firstView();
    },
    error: (error: unknown) => {
      fail(error instanceof Error ? error.message : JSON.stringify(error));
    },
    complete: () => undefined,
  });
  return subscription;
}
