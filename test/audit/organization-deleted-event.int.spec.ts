// An organisation's check on a real SQLite file from which an event was deleted as an attacker
// with file access would: the last event of a stream (no later link names it), and the store's
// very last event. The first is seen by the store's positions; both by a kept fingerprint.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type IntegrityReport, IntegrityService } from '@app/application';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildStore, forgeEvent, openApplication, tamperedCopy } from './audit-store';
import { buildCli, runCli } from './cli-runner';

// Each organisation's investment has one event, the last of its stream; other-hotel's is the
// store's last event.
const HOTEL_INVESTMENT = 'investment-hotel-training';
const LAST_INVESTMENT = 'investment-other-hotel-training';

describe('the organisation integrity check on a SQLite file missing an event', () => {
  let pristine = '';
  const directories: string[] = [];

  beforeAll(async () => {
    buildCli();
    pristine = await buildStore(['hotel', 'other-hotel']);
  }, 120_000);

  afterAll(() => {
    for (const directory of [pristine, ...directories]) rmSync(directory, { recursive: true, force: true });
  });

  function tamperedCopyOfPristine(tamper: (database: Database.Database) => void): string {
    const dataDir = tamperedCopy(pristine, tamper);
    directories.push(dataDir);
    return dataDir;
  }

  async function verify(dataDir: string, organizationId: string, since?: string): Promise<IntegrityReport> {
    const app = await openApplication(dataDir);
    try {
      return await app.get(IntegrityService).verify(organizationId, undefined, since);
    } finally {
      await app.close();
    }
  }

  const deleteStream =
    (stream: string) =>
    (database: Database.Database): void => {
      database.prepare('DELETE FROM events WHERE stream = ?').run(stream);
    };

  it('should pass an untouched store with a fingerprint that a second check matches', async () => {
    const first = await verify(pristine, 'hotel');
    expect(first).toMatchObject({ ok: true, limit: null, matchesFingerprint: null });
    expect(first.fingerprint).toMatchObject({ headPosition: 24, eventCount: 11 });
    expect(first.fingerprint?.text).toMatch(/^v2:org=hotel:24:11:[0-9a-f]{64}$/);
    const again = await verify(pristine, 'hotel', first.fingerprint?.text);
    expect(again).toMatchObject({ ok: true, matchesFingerprint: true });
    expect(again.fingerprint?.streamHeadsDigest).toBe(first.fingerprint?.streamHeadsDigest);
  });

  it('should fail when the last event of one of its streams was deleted mid-store', async () => {
    const dataDir = tamperedCopyOfPristine(deleteStream(HOTEL_INVESTMENT));
    const report = await verify(dataDir, 'hotel');
    expect(report).toMatchObject({ ok: false, firstBrokenStream: null, fingerprint: null });
    expect(report.message).toContain('1 of the store');
    expect(report.message).toContain('hold no event');
  });

  it("should fail another organisation's check too, without naming whose event went", async () => {
    const report = await verify(tamperedCopyOfPristine(deleteStream(HOTEL_INVESTMENT)), 'other-hotel');
    expect(report.ok).toBe(false);
    expect(report.message).not.toContain('hotel');
  });

  it("should catch the store's deleted last event against a kept fingerprint", async () => {
    const kept = (await verify(pristine, 'other-hotel')).fingerprint?.text;
    const dataDir = tamperedCopyOfPristine(deleteStream(LAST_INVESTMENT));
    // SQLite's head is its highest position, so without a fingerprint the store alone cannot tell.
    expect(await verify(dataDir, 'other-hotel')).toMatchObject({ ok: true });
    const report = await verify(dataDir, 'other-hotel', kept);
    expect(report).toMatchObject({ ok: false, matchesFingerprint: false });
    expect(report.message).toContain('deleted');
    // The other organisation's kept fingerprint covers position 24 too.
    const hotelKept = (await verify(pristine, 'hotel')).fingerprint?.text;
    expect(await verify(dataDir, 'hotel', hotelKept)).toMatchObject({ ok: false, matchesFingerprint: false });
  });

  it('should catch a rewritten last event whose hash was recomputed against a kept fingerprint', async () => {
    const kept = (await verify(pristine, 'hotel')).fingerprint?.text;
    const dataDir = tamperedCopyOfPristine((database) => {
      forgeEvent(database, HOTEL_INVESTMENT, 0, { cost: 1 });
    });
    // Every hash recomputes and no link names it: only the fingerprint can tell.
    expect(await verify(dataDir, 'hotel')).toMatchObject({ ok: true });
    const compared = await verify(dataDir, 'hotel', kept);
    expect(compared).toMatchObject({ ok: false, matchesFingerprint: false });
    expect(compared.message).toContain('changed');
  });

  it('should refuse a malformed fingerprint naming since', async () => {
    await expect(verify(pristine, 'hotel', 'v1:22:eleven')).rejects.toMatchObject({ field: 'since' });
  });

  it('should refuse, naming the scope to check, a fingerprint of another scope instead of reporting it broken', async () => {
    const hotelKept = (await verify(pristine, 'hotel')).fingerprint?.text;
    await expect(verify(pristine, 'other-hotel', hotelKept)).rejects.toMatchObject({
      field: 'since',
      message: expect.stringContaining('pass organizationId "hotel"') as unknown,
    });
    const app = await openApplication(pristine);
    try {
      const integrity = app.get(IntegrityService);
      const storeKept = (await integrity.verify()).fingerprint?.text;
      expect(storeKept).toMatch(/^v2:store:24:\d+:[0-9a-f]{64}$/);
      await expect(integrity.verify(null, undefined, hotelKept)).rejects.toMatchObject({ field: 'since' });
      await expect(integrity.verify('hotel', undefined, storeKept)).rejects.toMatchObject({
        field: 'since',
        message: expect.stringContaining('check the whole store') as unknown,
      });
      expect(await integrity.verify(null, undefined, storeKept)).toMatchObject({
        ok: true,
        matchesFingerprint: true,
      });
    } finally {
      await app.close();
    }
  });

  it('should still compare a v1 fingerprint, which does not name its scope, with the scope checked', async () => {
    const kept = (await verify(pristine, 'hotel')).fingerprint;
    const v1 = `v1:${kept?.headPosition}:${kept?.eventCount}:${kept?.streamHeadsDigest}`;
    expect(await verify(pristine, 'hotel', v1)).toMatchObject({ ok: true, matchesFingerprint: true });
    const elsewhere = await verify(pristine, 'other-hotel', v1);
    expect(elsewhere).toMatchObject({ ok: false, matchesFingerprint: false });
    expect(elsewhere.message).toContain('does not say what it covered');
  });

  it("should refuse on the command line the Audit page's fingerprint without --org, saying which --org to add", async () => {
    const page = (await verify(pristine, 'hotel')).fingerprint?.text ?? '';
    const whole = await runCli(pristine, ['verify', '--since', page]);
    expect(whole.code).toBe(EXIT.usage);
    expect(whole.stdout).not.toContain('BROKEN');
    expect(whole.stderr).toContain('add --org hotel');
    const other = await runCli(pristine, ['verify', '--org', 'other-hotel', '--since', page]);
    expect(other.code).toBe(EXIT.usage);
    expect(other.stderr).toContain('add --org hotel');
    const right = await runCli(pristine, ['verify', '--org', 'hotel', '--since', page]);
    expect(right.code).toBe(EXIT.ok);
    expect(right.stdout).toContain("nothing up to the kept fingerprint's position 24 changed");

    const storeRun = await runCli(pristine, ['verify']);
    const storeKept = /fingerprint[^:]*: (v2:\S+)/.exec(storeRun.stdout)?.[1] ?? '';
    expect(storeKept).toMatch(/^v2:store:/);
    const scoped = await runCli(pristine, ['verify', '--org', 'hotel', '--since', storeKept]);
    expect(scoped.code).toBe(EXIT.usage);
    expect(scoped.stderr).toContain('leave --org out');
    expect((await runCli(pristine, ['verify', '--since', storeKept])).code).toBe(EXIT.ok);
  }, 120_000);

  it('should print the fingerprint from verify --org and say what broke when no stream is named', async () => {
    const ok = await runCli(pristine, ['verify', '--org', 'hotel']);
    expect(ok.code).toBe(EXIT.ok);
    const printed = /fingerprint[^:]*: (v2:\S+)/.exec(ok.stdout)?.[1];
    expect(printed).toMatch(/^v2:org=hotel:24:11:/);

    const tailDeleted = tamperedCopyOfPristine(deleteStream(HOTEL_INVESTMENT));
    const broken = await runCli(tailDeleted, ['verify', '--org', 'hotel']);
    expect(broken.code).toBe(EXIT.integrityBroken);
    expect(broken.stderr).toContain('hold no event');
    expect(broken.stderr).not.toContain('(unknown)');

    const lastDeleted = tamperedCopyOfPristine(deleteStream(LAST_INVESTMENT));
    const compared = await runCli(lastDeleted, ['verify', '--org', 'hotel', '--since', printed ?? '']);
    expect(compared.code).toBe(EXIT.integrityBroken);
    expect(compared.stderr).toContain("before the kept fingerprint's 24");
  }, 120_000);
});
