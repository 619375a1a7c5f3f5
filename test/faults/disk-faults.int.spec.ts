// A full disk in the middle of a run and a read-only DATA_DIR, on a real (tiny) file system: the
// api answers clear errors, writes nothing partial, and recovers once space or write access returns.
//
// The data directory is a tmpfs we mount, resize and remount read-only, because root ignores
// chmod and a real ENOSPC/EROFS is what production meets. Where mounting is not allowed (an
// unprivileged CI container) the test says so and is skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { inspectStore, RECORD_RATING, setUpHotel, type Hotel } from './fault-fixtures';

jest.setTimeout(180_000);

function mount(...args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const probe = mkdtempSync(path.join(tmpdir(), 'mount-probe-'));
const canMount =
  mount('-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe) &&
  mount('-o', 'remount,ro', probe) &&
  (execFileSync('umount', [probe]), true);
rmSync(probe, { recursive: true, force: true });
if (!canMount)
  console.warn(
    'disk fault tests skipped: this environment may not mount a tmpfs (needs root with CAP_SYS_ADMIN)',
  );

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
    dataDir = mkdtempSync(path.join(tmpdir(), 'fault-disk-'));
    if (!mount('-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dataDir)) throw new Error('mount failed');
    api = await startApi({ dataDir });
    hotel = await setUpHotel(api.baseUrl, api.adminToken, 4);
  });

  afterAll(async () => {
    await api.stop();
    mount('-o', 'remount,rw', dataDir);
    execFileSync('umount', [dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
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
    // Reads still work on a full disk.
    const read = await postGraphql(
      api.baseUrl,
      api.adminToken,
      'query($id: ID!) { assessment(id: $id) { id } }',
      { id: hotel.assessmentIds[0] },
    );
    expect(read.errors).toBeUndefined();

    expect(mount('-o', 'remount,size=64m', dataDir)).toBe(true);
    const recovered = await writeRating(evidence);
    expect(recovered.errors).toBeUndefined();
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
