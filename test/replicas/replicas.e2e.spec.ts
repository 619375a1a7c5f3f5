// Three built api processes against one PostgreSQL database, each with its own read models:
// writes spread over all three, reads on any replica see them, and kill -9 of one under load loses
// nothing acknowledged while the others keep serving.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  describeWithPostgres,
  type PostgresTestServer,
  startPostgresTestServer,
} from '@app/event-store/testing';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';
import { RECORD_RATING, setUpHotel, type Hotel } from '../faults/fault-fixtures';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';

jest.setTimeout(240_000);

const ADMIN_TOKEN = 'replica-admin-token-0123456789abcdef';
const CELLS = '{ maturity(organizationId: "hotel") { cells { functionId capabilityId ratingCount level } } }';

interface ErasableRating {
  respondentId: string | null;
  evidence: string | null;
  evidenceErased: boolean;
}

interface Cell {
  functionId: string;
  capabilityId: string;
  ratingCount: number;
  level: number | null;
}

describeWithPostgres('Three api replicas on one PostgreSQL database', () => {
  let server: PostgresTestServer;
  let databaseUrl: string;
  const replicas: ApiProcess[] = [];
  const dataDirs: string[] = [];
  let hotel: Hotel;

  function startReplica(index: number): Promise<ApiProcess> {
    dataDirs[index] ??= mkdtempSync(path.join(tmpdir(), `replica-${index}-`));
    return startApi({
      dataDir: dataDirs[index],
      env: { DATABASE_URL: databaseUrl, ADMIN_TOKEN },
    });
  }

  async function cellsOn(replica: ApiProcess): Promise<Cell[]> {
    const answer = await postGraphql<{ maturity: { cells: Cell[] } }>(replica.baseUrl, ADMIN_TOKEN, CELLS);
    if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    return answer.data!.maturity.cells;
  }

  async function storedCommandIds(): Promise<Set<string>> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ command_id: string | null }>(
        "SELECT metadata::json->>'commandId' AS command_id FROM events",
      );
      return new Set(result.rows.flatMap((row) => (row.command_id === null ? [] : [row.command_id])));
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    buildCli();
    server = await startPostgresTestServer();
    databaseUrl = await server.createDatabase();
    // Started together, as a deployment does: one admin token, one default model, one migration.
    replicas.push(...(await Promise.all([0, 1, 2].map((index) => startReplica(index)))));
    hotel = await setUpHotel(replicas[0]!.baseUrl, ADMIN_TOKEN, 6);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await server.destroy();
    for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
  });

  it('should seed the store once when three replicas start on an empty database together', async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const counts = await client.query<{ type: string; count: string }>(
        "SELECT type, count(*) FROM events WHERE type IN ('ApiTokenIssued', 'MaturityModelPublished') GROUP BY type ORDER BY type",
      );
      expect(counts.rows.map((row) => [row.type, Number(row.count)])).toEqual([
        ['ApiTokenIssued', 1],
        ['MaturityModelPublished', 1],
      ]);
    } finally {
      await client.end();
    }
  });

  it('should let each replica read its own write at once and every other replica see it within a second', async () => {
    const lags: number[] = [];
    for (let index = 0; index < 9; index += 1) {
      const writer = replicas[index % 3]!;
      const functionId = hotel.functionIds[index % hotel.functionIds.length]!;
      const capabilityId = hotel.capabilityIds[index]!;
      const answer = await postGraphql(writer.baseUrl, ADMIN_TOKEN, RECORD_RATING, {
        input: {
          assessmentId: hotel.assessmentIds[0],
          functionId,
          capabilityId,
          level: (index % 5) + 1,
          source: 'SELF',
        },
      });
      expect(answer.errors).toBeUndefined();
      const acknowledgedAt = Date.now();
      const rated = (cells: Cell[]): Cell | undefined =>
        cells.find((cell) => cell.functionId === functionId && cell.capabilityId === capabilityId);

      // Read-your-writes: the very next read on the same replica includes it.
      expect(rated(await cellsOn(writer))?.level).toBe((index % 5) + 1);
      for (const reader of replicas.filter((replica) => replica !== writer)) {
        for (;;) {
          const cell = rated(await cellsOn(reader));
          if (cell?.level === (index % 5) + 1) break;
          if (Date.now() - acknowledgedAt > 1000)
            throw new Error(`replica ${reader.baseUrl} did not see the write within 1 s`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        lags.push(Date.now() - acknowledgedAt);
      }
    }
    expect(Math.max(...lags)).toBeLessThanOrEqual(1000);
    const views = await Promise.all(replicas.map((replica) => cellsOn(replica)));
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
  });

  it("should stop showing a respondent's evidence on every replica within 3 s once another replica forgets them", async () => {
    const evidence = 'Porter Erin Replica-7f3c says the lift was broken for a week';
    const written = await postGraphql(replicas[0]!.baseUrl, ADMIN_TOKEN, RECORD_RATING, {
      input: {
        assessmentId: hotel.assessmentIds[0],
        functionId: hotel.functionIds[0],
        capabilityId: hotel.capabilityIds[0],
        level: 3,
        source: 'SELF',
        respondentId: 'erin-r1',
        evidence,
      },
    });
    expect(written.errors).toBeUndefined();
    const ratingsOn = async (replica: ApiProcess): Promise<ErasableRating[]> => {
      const answer = await postGraphql<{ assessment: { ratings: ErasableRating[] } }>(
        replica.baseUrl,
        ADMIN_TOKEN,
        `{ assessment(id: "${hotel.assessmentIds[0]}") { ratings { respondentId evidence evidenceErased } } }`,
      );
      if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
      return answer.data!.assessment.ratings.filter((rating) => rating.respondentId === 'erin-r1');
    };
    // Every replica reads the evidence first, so each keeps the assessment's opened state.
    for (const replica of replicas)
      expect(await ratingsOn(replica)).toEqual([
        { respondentId: 'erin-r1', evidence, evidenceErased: false },
      ]);

    const forgotten = await postGraphql(
      replicas[0]!.baseUrl,
      ADMIN_TOKEN,
      `mutation { forgetRespondent(organizationId: "${hotel.organizationId}", respondentId: "erin-r1", reason: "request 2026-7", commandId: "forget-erin") }`,
    );
    expect(forgotten.errors).toBeUndefined();
    const forgottenAt = Date.now();
    const erased = { respondentId: 'erin-r1', evidence: null, evidenceErased: true };
    expect(await ratingsOn(replicas[0]!)).toEqual([erased]);
    for (const replica of replicas.slice(1)) {
      for (;;) {
        const ratings = await ratingsOn(replica);
        if (ratings[0]?.evidenceErased === true) break;
        // The projection applies the erasure within a second; the margin is for a loaded machine.
        if (Date.now() - forgottenAt > 3000)
          throw new Error(`replica ${replica.baseUrl} still shows the erased evidence after 3 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await ratingsOn(replica)).toEqual([erased]);
    }
  });

  it('should lose no acknowledged write when a replica is killed -9 under load, keep serving on the others, and catch the restarted one up', async () => {
    const acknowledged: string[] = [];
    const acknowledgedAfterKill = new Map<number, number>();
    let killed = false;
    let running = true;
    // Two writers per replica, each on its own function, so they rarely contend on one cell.
    const writers = [0, 1, 2, 3, 4, 5].map(async (writer) => {
      const replicaIndex = writer % 3;
      for (let index = 0; running; index += 1) {
        const commandId = `replica-writer-${writer}-${index}`;
        const answer = await postGraphql(replicas[replicaIndex]!.baseUrl, ADMIN_TOKEN, RECORD_RATING, {
          input: {
            assessmentId: hotel.assessmentIds[0],
            functionId: hotel.functionIds[writer],
            capabilityId: hotel.capabilityIds[index % hotel.capabilityIds.length],
            level: (index % 5) + 1,
            source: 'PEER',
            raterFunctionId: hotel.functionIds[(writer + 1) % hotel.functionIds.length],
            commandId,
          },
        }).catch(() => null);
        if (answer === null) {
          if (replicaIndex === 2 && killed) return; // its replica is gone
          continue;
        }
        if (!answer.errors?.length && answer.data) {
          acknowledged.push(commandId);
          if (killed)
            acknowledgedAfterKill.set(replicaIndex, (acknowledgedAfterKill.get(replicaIndex) ?? 0) + 1);
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await replicas[2]!.kill();
    killed = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    running = false;
    await Promise.all(writers);

    expect(acknowledged.length).toBeGreaterThan(30);
    // The two survivors kept acknowledging writes after the kill.
    expect(acknowledgedAfterKill.get(0) ?? 0).toBeGreaterThan(0);
    expect(acknowledgedAfterKill.get(1) ?? 0).toBeGreaterThan(0);
    const stored = await storedCommandIds();
    expect(acknowledged.filter((commandId) => !stored.has(commandId))).toEqual([]);

    replicas[2] = await startReplica(2);
    const [reference, restarted] = await Promise.all([cellsOn(replicas[0]!), cellsOn(replicas[2])]);
    expect(restarted).toEqual(reference);

    const verify = await runCli(dataDirs[0]!, ['verify'], { DATABASE_URL: databaseUrl });
    expect(verify.stderr).not.toMatch(/error/i);
    expect(verify.code).toBe(EXIT.ok);
    expect(verify.stdout).toMatch(/^ok: \d+ event\(s\) checked/m);
  });
});
