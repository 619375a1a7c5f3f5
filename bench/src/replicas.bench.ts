// Scale-out on this machine: 1, 2 and 3 built api processes on one PostgreSQL database (a server
// the bench starts), each with its own read models, under the same offered load (50 connections
// in all, split evenly over the replicas): `maturity` reads, then `recordRating` writes. Everything
// shares the same 2 cores, so this measures what replicas cost and where the limit moves, not
// what separate machines would add (BENCHMARKS.md draws the plan for those).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgresTestServer } from '@app/event-store/testing';
import { graphql, type Server, startBuiltApi } from './bench-api';
import {
  CONNECTIONS,
  load,
  type LoadFigure,
  MATURITY_QUERY,
  ORGANIZATION_ID,
  RECORD_RATING,
  seed,
} from './graphql.bench';

export interface ReplicaFigure {
  replicas: number;
  maturity: LoadFigure;
  record_rating: LoadFigure;
}

export interface ReplicasBenchResult {
  replicas: ReplicaFigure[];
}

export async function benchReplicas(options: { quick: boolean }): Promise<ReplicasBenchResult> {
  const seconds = options.quick ? 3 : 15;
  const server = await startPostgresTestServer();
  const token = `bench-admin-${process.pid}-0123456789abcdef`;
  const figures: ReplicaFigure[] = [];
  try {
    for (const count of [1, 2, 3]) {
      const databaseUrl = await server.createDatabase();
      const directories = Array.from({ length: count }, () =>
        mkdtempSync(path.join(tmpdir(), 'bench-replica-')),
      );
      const replicas: Server[] = [];
      try {
        for (const [index, dataDir] of directories.entries()) {
          replicas.push(
            await startBuiltApi(dataDir, token, {
              DATABASE_URL: databaseUrl,
              REPLICA_NAME: `bench-${index}`,
            }),
          );
        }
        const first = replicas[0];
        if (first === undefined) throw new Error('no replica started');
        const { capabilityIds, functionIds, assessmentIds } = await seed(first.url, token);
        // Every replica has caught up before it is measured.
        for (const replica of replicas)
          await graphql(replica.url, token, MATURITY_QUERY, { organizationId: ORGANIZATION_ID });
        const connections = Math.floor(CONNECTIONS / count);
        const maturityBody = JSON.stringify({
          query: MATURITY_QUERY,
          variables: { organizationId: ORGANIZATION_ID },
        });
        const maturity = combine(
          await Promise.all(
            replicas.map((replica) =>
              load({ url: replica.url, token, seconds, connections, requests: [{ body: maturityBody }] }),
            ),
          ),
        );
        let sequence = 0;
        const recordRating = combine(
          await Promise.all(
            replicas.map((replica) =>
              load({
                url: replica.url,
                token,
                seconds,
                connections,
                requests: [
                  {
                    setupRequest: (request) => {
                      sequence += 1;
                      const input = {
                        assessmentId: assessmentIds[sequence % assessmentIds.length],
                        functionId:
                          functionIds[Math.floor(sequence / assessmentIds.length) % functionIds.length],
                        capabilityId: capabilityIds[sequence % capabilityIds.length],
                        level: (sequence % 5) + 1,
                        source: 'SELF',
                      };
                      return {
                        ...request,
                        body: JSON.stringify({ query: RECORD_RATING, variables: { input } }),
                      };
                    },
                  },
                ],
              }),
            ),
          ),
        );
        figures.push({ replicas: count, maturity, record_rating: recordRating });
      } finally {
        await Promise.all(replicas.map((replica) => replica.stop()));
        for (const directory of directories) rmSync(directory, { recursive: true, force: true });
      }
    }
    return { replicas: figures };
  } finally {
    await server.destroy();
  }
}

/** Requests per second add up over the replicas; the worst p99 stands for all. */
function combine(figures: readonly LoadFigure[]): LoadFigure {
  return {
    req_per_s: figures.reduce((sum, figure) => sum + figure.req_per_s, 0),
    p99_ms: Math.max(...figures.map((figure) => figure.p99_ms)),
    errors: figures.reduce((sum, figure) => sum + figure.errors, 0),
  };
}
