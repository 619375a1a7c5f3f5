// The real api, in this process, on a real SQLite file in a fresh temp directory, over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadAppConfig, type AppConfig } from '@app/application';
import { createApiApplication } from '../../apps/api/src/create-api-application';

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; field?: string; reason?: string };
  }[];
}

export interface TestApi {
  baseUrl: string;
  dataDir: string;
  adminToken: string;
  app: NestExpressApplication;
  /** POST /graphql with the admin token (or the token given; null for none). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLAnswer<T>>;
  /** Like graphql, but fails the test on any error and returns data. */
  mustQuery<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<T>;
  close(): Promise<void>;
}

let counter = 0;

export async function startTestApi(
  options: { dataDir?: string; config?: Partial<AppConfig> } = {},
): Promise<TestApi> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'maturity-e2e-'));
  counter += 1;
  // A restart on the same store passes the first start's token in `config`.
  const adminToken =
    options.config?.adminToken ?? `test-admin-token-${process.pid}-${counter}-0123456789abcdef`;
  const config: AppConfig = {
    ...loadAppConfig({}),
    port: 0,
    dataDir,
    adminToken,
    rateLimitPerMinute: 0,
    failedAuthenticationsPerMinute: 0,
    ...options.config,
  };
  process.env.LOG_LEVEL ??= 'silent';
  const app = await createApiApplication(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  async function graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = adminToken,
  ): Promise<GraphQLAnswer<T>> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLAnswer<T>;
  }

  return {
    baseUrl,
    dataDir,
    adminToken,
    app,
    graphql,
    async mustQuery<T>(
      query: string,
      variables?: Record<string, unknown>,
      token?: string | null,
    ): Promise<T> {
      const answer = await graphql<T>(query, variables, token);
      if (answer.errors?.length || !answer.data)
        throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
      return answer.data;
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
