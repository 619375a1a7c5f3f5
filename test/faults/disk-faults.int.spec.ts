// A full disk in the middle of a run and a read-only DATA_DIR, on a real (tiny) file system: the
// api answers clear errors, writes nothing partial, and recovers once space or write access returns.
//
// The data directory is a tmpfs we mount, resize and remount read-only, because root ignores
// chmod and a real ENOSPC/EROFS is what production meets. Where mounting is not allowed (an
// unprivileged CI container) the test says so and is skipped.
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { inspectStore, RECORD_RATING, setUpHotel, type Hotel } from './fault-fixtures';
import { canMountTmpfs, mount, mountTmpfs, unmountTmpfs } from './tmpfs';

jest.setTimeout(180_000);

const canMount = canMountTmpfs();

/** Polls /health/ready until it answers 200: a condition, not a guessed delay. */
async function untilReady(api: ApiProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await fetch(`${api.baseUrl}/health/ready`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('/health/ready never answered 200');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

(canMount ? describe : describe.skip)('Disk faults (fault)', () => {
  let dataDir: string;
  let api: ApiProcess;
  let hotel: Hotel;
  const acknowledged: string[] = [];
  let sequence = 0;

  async function writeRating(evidence: string | null = null) {
    sequence += 1;
    const commandId = `disk-${sequence}`;
    const answer = await postGraphql(api.baseUrl, api.adminToken, RECORD_RATING, {
      input: {
        assessmentId: hotel.assessmentIds[0],
        functionId: hotel.functionIds[sequence % hotel.functionIds.length],
        capabilityId: hotel.capabilityIds[sequence % hotel.capabilityIds.length],
        level: (sequence % 5) + 1,
        source: 'SELF',
        evidence,
        commandId,
      },
    });
    if (!answer.errors?.length) acknowledged.push(commandId);
    return answer;
  }

  beforeAll(async () => {
    dataDir = mountTmpfs('4m');
    api = await startApi({ dataDir });
    hotel = await setUpHotel(api.baseUrl, api.adminToken, 4);
  });

  afterAll(async () => {
    await api.stop();
    if (dataDir) unmountTmpfs(dataDir);
  });

  it('should refuse writes with a clear error when the disk is full, and recover once space returns', async () => {
    const evidence = 'e'.repeat(10_000);
    let full: Awaited<ReturnType<typeof writeRating>> | null = null;
    for (let attempt = 0; attempt < 2_000 && full === null; attempt += 1) {
      const answer = await writeRating(evidence);
      if (answer.errors?.length) full = answer;
    }
    expect(full).not.toBeNull();
    expect(full!.errors![0]!.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(full!.errors![0]!.message).toMatch(/disk is full/i);
    // Which file the disk refused first, the store's or the read models', is a race. Reads work when
    // the read models applied every acknowledged write; when the full disk stopped them, a read says
    // so at once (it could not show the last writes) and readiness says why.
    const read = await postGraphql(
      api.baseUrl,
      api.adminToken,
      'query($id: ID!) { assessment(id: $id) { id } }',
      { id: hotel.assessmentIds[0] },
    );
    const readiness = (await (await fetch(`${api.baseUrl}/health/ready`)).json()) as {
      retryReason?: string;
      message?: { retryReason?: string };
    };
    if ((readiness.message ?? readiness).retryReason === 'disk_full') {
      expect(read.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(read.errors?.[0]?.message).toMatch(/disk is full/i);
    } else {
      expect(read.errors).toBeUndefined();
    }

    expect(mount('-o', 'remount,size=64m', dataDir)).toBe(true);
    // The read models catch up by themselves (retrying with backoff); then writes and reads work.
    await untilReady(api);
    const recovered = await writeRating(evidence);
    expect(recovered.errors).toBeUndefined();
    const after = await postGraphql(
      api.baseUrl,
      api.adminToken,
      'query($id: ID!) { assessment(id: $id) { id } }',
      { id: hotel.assessmentIds[0] },
    );
    expect(after.errors).toBeUndefined();
  });

  it('should refuse to start on a read-only DATA_DIR with a clear message, and start once it is writable', async () => {
    // A file system cannot turn read-only under open files (EBUSY), so this is the start after it did.
    await api.stop();
    expect(mount('-o', 'remount,ro', dataDir)).toBe(true);
    let refused: string;
    try {
      refused = await startApi({ dataDir, env: { ADMIN_TOKEN: api.adminToken } }).then(
        (started) => started.stop().then(() => 'started'),
        (error: unknown) => String(error),
      );
    } finally {
      expect(mount('-o', 'remount,rw', dataDir)).toBe(true);
    }
    expect(refused).toMatch(/read-only|cannot be written|not writable/i);
    api = await startApi({ dataDir, env: { ADMIN_TOKEN: api.adminToken } });
    const recovered = await writeRating();
    expect(recovered.errors).toBeUndefined();
  });

  it('should leave no corruption: every acknowledged write present, every chain intact', async () => {
    await api.stop();
    const store = await inspectStore(dataDir);
    expect(store.sqliteIntegrity).toBe('ok');
    expect(store.brokenChain).toBeNull();
    expect(acknowledged.filter((commandId) => !store.commandIds.has(commandId))).toEqual([]);
    // Nothing refused was written: only acknowledged ratings are in the store.
    const ratingCommands = store.events
      .filter((event) => event.type === 'RatingRecorded')
      .map((event) => event.metadata.commandId);
    expect(new Set(ratingCommands)).toEqual(new Set(acknowledged));
    api = await startApi({ dataDir, env: { ADMIN_TOKEN: api.adminToken } });
  });
});
