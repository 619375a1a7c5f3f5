// The read models' disk fills up while the store still takes writes (events in PostgreSQL, each
// replica's read models in its own DATA_DIR): the replica keeps its last good checkpoint, says it
// is not ready and why (/health/ready, /metrics), answers reads with the reason at once, and once
// space is freed catches up by itself to the store's head, every event applied once, its views
// equal to a fresh rebuild. The data directory is a real tmpfs filled to the last byte.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PostgresEventStore } from '@app/event-store';
import {
  describeWithPostgres,
  type PostgresTestServer,
  startPostgresTestServer,
} from '@app/event-store/testing';
import {
  ORGANIZATION_HISTORY_EVENT_TYPES,
  OrganizationDirectoryProjection,
  OrganizationHistoryProjection,
  OrganizationIndexProjection,
  ProjectionRunner,
  openReadModelDatabase,
  organizationIdOf,
  READ_MODELS_FILE_NAME,
} from '@app/projections';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { RECORD_RATING, setUpHotel, type Hotel } from './fault-fixtures';
import { canMountTmpfs, fillDisk, mountTmpfs, unmountTmpfs } from './tmpfs';

jest.setTimeout(240_000);

interface Readiness {
  status: number;
  body: { projections?: string; retryReason?: string; reason?: string; checkpoint?: number; head?: number };
}

async function readiness(api: ApiProcess): Promise<Readiness> {
  const response = await fetch(`${api.baseUrl}/health/ready`);
  const json = (await response.json()) as Readiness['body'] & { message?: Readiness['body'] };
  // A 503 wraps the readiness in Nest's exception body.
  return { status: response.status, body: json.message ?? json };
}

async function until<Value>(what: string, probe: () => Promise<Value | null>): Promise<Value> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every table of a read-model file, each table's rows sorted, to compare two files. */
function tablesOf(file: string): Record<string, string[]> {
  const database = new Database(file, { readonly: true });
  try {
    const names = database
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    return Object.fromEntries(
      names.map((name) => [
        name,
        database
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    database.close();
  }
}

const projections = () => [
  new OrganizationIndexProjection(),
  new OrganizationDirectoryProjection(),
  new OrganizationHistoryProjection(),
];

(canMountTmpfs() ? describeWithPostgres : describe.skip)('A full read-model disk (fault)', () => {
  let server: PostgresTestServer;
  let databaseUrl: string;
  let dataDir: string;
  let rebuildDir: string;
  let api: ApiProcess;
  let hotel: Hotel;
  const acknowledged: string[] = [];

  async function writeRating(): Promise<{ code?: unknown; reason?: unknown; message?: string } | null> {
    const commandId = `full-${acknowledged.length}-${Date.now()}`;
    const answer = await postGraphql(api.baseUrl, api.adminToken, RECORD_RATING, {
      input: {
        assessmentId: hotel.assessmentIds[0],
        functionId: hotel.functionIds[acknowledged.length % hotel.functionIds.length],
        capabilityId: hotel.capabilityIds[acknowledged.length % hotel.capabilityIds.length],
        level: (acknowledged.length % 5) + 1,
        source: 'SELF',
        evidence: 'e'.repeat(2_000),
        commandId,
      },
    });
    const error = answer.errors?.[0];
    if (error === undefined) acknowledged.push(commandId);
    return error === undefined ? null : { ...error.extensions, message: error.message };
  }

  beforeAll(async () => {
    server = await startPostgresTestServer();
    databaseUrl = await server.createDatabase();
    dataDir = mountTmpfs('16m');
    rebuildDir = mkdtempSync(path.join(tmpdir(), 'read-model-rebuild-'));
    api = await startApi({ dataDir, env: { DATABASE_URL: databaseUrl } });
    hotel = await setUpHotel(api.baseUrl, api.adminToken, 4);
  }, 180_000);

  afterAll(async () => {
    await api.stop();
    await server.destroy();
    if (dataDir) unmountTmpfs(dataDir);
    rmSync(rebuildDir, { recursive: true, force: true });
  });

  it('should turn not ready with the reason while the disk is full, then catch up by itself once space is freed', async () => {
    expect((await readiness(api)).status).toBe(200);
    const filler = path.join(dataDir, 'filler');
    fillDisk(filler);

    // The store (PostgreSQL) takes the writes; the first batch the read models cannot commit stops them.
    const stuck = await until('the read models stopping on the full disk', async () => {
      const refused = await writeRating();
      if (refused !== null && refused.reason !== 'PROJECTION.READ_MODELS_UNAVAILABLE')
        throw new Error(`unexpected refusal: ${JSON.stringify(refused)}`);
      const ready = await readiness(api);
      return ready.body.retryReason === 'disk_full' ? ready : null;
    });
    expect(stuck.status).toBe(503);
    expect(stuck.body).toMatchObject({
      status: 'not-ready',
      projections: 'retrying',
      retryReason: 'disk_full',
    });
    expect(stuck.body.reason).toMatch(/disk is full/);
    expect(stuck.body.checkpoint).toBeLessThan(stuck.body.head!);
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(
      metrics
        .split('\n')
        .find((line) => line.startsWith('projection_runner_state{') && line.includes('state="retrying"')),
    ).toMatch(/reason="disk_full".* 1$/);
    // A read cannot be up to date: it says why at once instead of waiting for its timeout.
    const read = await postGraphql(
      api.baseUrl,
      api.adminToken,
      'query($id: ID!) { assessment(id: $id) { id } }',
      {
        id: hotel.assessmentIds[0],
      },
    );
    expect(read.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'PROJECTION.READ_MODELS_UNAVAILABLE',
    });
    expect(read.errors?.[0]?.message).toMatch(/disk is full/);

    rmSync(filler);

    const caughtUp = await until('the read models catching up', async () => {
      const ready = await readiness(api);
      return ready.status === 200 ? ready : null;
    });
    expect(caughtUp.body).toMatchObject({ projections: 'live', checkpoint: caughtUp.body.head });
    expect(await writeRating()).toBeNull();
    const after = await postGraphql(
      api.baseUrl,
      api.adminToken,
      'query($id: ID!) { assessment(id: $id) { id } }',
      {
        id: hotel.assessmentIds[0],
      },
    );
    expect(after.errors).toBeUndefined();
  });

  it('should have applied every event once: the views equal a fresh rebuild from the store', async () => {
    await api.stop();
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl });
    try {
      const rebuildDatabase = openReadModelDatabase({ dataDir: rebuildDir });
      const runner = new ProjectionRunner({ store, database: rebuildDatabase, projections: projections() });
      await runner.rebuild();
      await runner.close();
      rebuildDatabase.close();

      const events = await store.readAll();
      const head = events.at(-1)!.position;
      const historyTypes = new Set(ORGANIZATION_HISTORY_EVENT_TYPES);
      const organizationEvents = events
        .filter((event) => historyTypes.has(event.type) && organizationIdOf(event) !== null)
        .map((event) => event.position);
      const replica = tablesOf(path.join(dataDir, READ_MODELS_FILE_NAME));

      expect(replica).toEqual(tablesOf(path.join(rebuildDir, READ_MODELS_FILE_NAME)));
      expect(
        replica
          .organization_history!.map((row) => (JSON.parse(row) as { position: number }).position)
          .sort((a, b) => a - b),
      ).toEqual(organizationEvents);
      expect(
        replica.projection_checkpoints!.map((row) => (JSON.parse(row) as { position: number }).position),
      ).toEqual([head, head, head]);
      const recorded = events
        .filter((event) => event.type === 'RatingRecorded')
        .map((event) => event.metadata.commandId);
      expect(new Set(recorded)).toEqual(new Set(acknowledged));
    } finally {
      await store.close();
    }
  });
});
