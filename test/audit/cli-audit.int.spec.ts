// The audit and bulk commands of the built CLI on real store files: exit codes, the export/import
// round trip, the CSV import of ratings, backup while the api writes, and restore.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HistoryService, IntegrityService, MaturityQueryService } from '@app/application';
import { MAX_RATINGS_PER_CALL } from '@app/domain';
import { SQLITE_EVENT_STORE_FILE_NAME } from '@app/event-store';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { startTestApi } from '../support/test-api';
import { buildStore, copyStore, openApplication, temporaryDirectory } from './audit-store';
import { buildCli, runCli } from './cli-runner';
import { CAPABILITIES } from './audit-fixture';

const CSV_HEADER = 'function,capability,level,source,rater,evidence';

function eventCount(dataDir: string): number {
  const database = new Database(path.join(dataDir, SQLITE_EVENT_STORE_FILE_NAME), { readonly: true });
  try {
    return (database.prepare('SELECT count(*) AS count FROM events').get() as { count: number }).count;
  } finally {
    database.close();
  }
}

/** The events appended after a position, with their metadata. */
function eventsAfter(
  dataDir: string,
  position: number,
): { type: string; metadata: { actor: string; commandId: string | null } }[] {
  const database = new Database(path.join(dataDir, SQLITE_EVENT_STORE_FILE_NAME), { readonly: true });
  try {
    return (
      database
        .prepare('SELECT type, metadata FROM events WHERE position > ? ORDER BY position')
        .all(position) as { type: string; metadata: string }[]
    ).map(({ type, metadata }) => ({
      type,
      metadata: JSON.parse(metadata) as { actor: string; commandId: string | null },
    }));
  } finally {
    database.close();
  }
}

/** What an auditor compares: the integrity report, the history, and maturity views now and in the past. */
async function auditViewOf(dataDir: string): Promise<unknown> {
  const app = await openApplication(dataDir);
  try {
    const maturity = app.get(MaturityQueryService);
    // The fingerprint's text, not the time each check ran: a faithful copy gives the same one.
    const { fingerprint, ...integrity } = await app.get(IntegrityService).verify();
    return {
      integrity,
      fingerprint: fingerprint?.text,
      history: await app.get(HistoryService).page('hotel', null, 500),
      current: await maturity.maturity('hotel'),
      past: await maturity.maturity('hotel', { asOf: '2025-01-01T00:00:00.000Z' }),
    };
  } finally {
    await app.close();
  }
}

describe('the audit commands of the CLI', () => {
  let source = '';
  const directories: string[] = [];
  const fresh = (): string => {
    const directory = temporaryDirectory();
    directories.push(directory);
    return directory;
  };

  beforeAll(async () => {
    buildCli();
    source = await buildStore(['hotel', 'other-hotel']);
  }, 120_000);

  afterAll(() => {
    for (const directory of [source, ...directories]) rmSync(directory, { recursive: true, force: true });
  });

  it('should answer --help for every command with exit 0', async () => {
    for (const command of ['export', 'import', 'verify', 'replay', 'backup', 'restore']) {
      const run = await runCli(fresh(), [command, '--help']);
      expect(run.code).toBe(EXIT.ok);
      expect(run.stdout).toContain(`Usage: npm run cli -- ${command}`);
    }
  }, 60_000);

  it('should exit with the usage code on a wrong command line', async () => {
    expect((await runCli(fresh(), ['verify', '--no-such-option'])).code).toBe(EXIT.usage);
    expect((await runCli(fresh(), ['replay'])).code).toBe(EXIT.usage);
    expect((await runCli(fresh(), ['import', 'ratings.csv'])).code).toBe(EXIT.usage);
    // An export keeps the actors it recorded: --actor would be silently ignored there.
    const actorOnExport = await runCli(fresh(), ['import', 'export.ndjson', '--actor', 'ops-carol']);
    expect(actorOnExport.code).toBe(EXIT.usage);
    expect(actorOnExport.stderr).toContain('--actor goes with --assessment');
  }, 60_000);

  it('should verify with exit 0, and exit 4 naming the stream and revision when tampered', async () => {
    const ok = await runCli(source, ['verify', '--json']);
    expect(ok.code).toBe(EXIT.ok);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true });
    const tampered = copyStore(source);
    directories.push(tampered);
    const database = new Database(path.join(tampered, SQLITE_EVENT_STORE_FILE_NAME));
    database
      .prepare(
        `UPDATE events SET data = json_set(data, '$.title', 'Forged') WHERE stream = 'assessment-hotel-q1' AND revision = 0`,
      )
      .run();
    database.close();
    const broken = await runCli(tampered, ['verify', '--json']);
    expect(broken.code).toBe(EXIT.integrityBroken);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      ok: false,
      firstBrokenStream: 'assessment-hotel-q1',
      firstBrokenRevision: 0,
    });
    const organizationOnly = await runCli(tampered, ['verify', '--org', 'other-hotel']);
    expect(organizationOnly.code).toBe(EXIT.ok);
  }, 60_000);

  it('should round-trip a store through export and import: same integrity, history and maturity views', async () => {
    const exportFile = path.join(fresh(), 'store.ndjson');
    const exported = await runCli(source, ['export', exportFile]);
    expect(exported.code).toBe(EXIT.ok);
    const lines = readFileSync(exportFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(eventCount(source));
    expect(JSON.parse(lines[0]!)).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        stream: expect.any(String),
        revision: 0,
        hash: expect.any(String),
      }),
    );

    const target = fresh();
    const imported = await runCli(target, ['import', exportFile]);
    expect(imported.stderr).toContain('integrity: ok');
    expect(imported.code).toBe(EXIT.ok);
    expect(await auditViewOf(target)).toEqual(await auditViewOf(source));

    // Exported again, the imported store gives the very same file.
    const again = path.join(fresh(), 'again.ndjson');
    expect((await runCli(target, ['export', again])).code).toBe(EXIT.ok);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(exportFile, 'utf8'));

    // A second import into the now non-empty store is refused and writes nothing.
    const count = eventCount(target);
    const refused = await runCli(target, ['import', exportFile]);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('not empty');
    expect(eventCount(target)).toBe(count);
  }, 120_000);

  it("should export one organisation's events to standard output", async () => {
    const run = await runCli(source, ['export', '--org', 'hotel']);
    expect(run.code).toBe(EXIT.ok);
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { stream: string; position: number });
    expect(events).toHaveLength(11);
    expect(new Set(events.map((event) => event.stream))).toEqual(
      new Set(['organization-hotel', 'assessment-hotel-q1', 'investment-hotel-training']),
    );
    expect(events.map((event) => event.position)).toEqual(
      [...events.map((event) => event.position)].sort((a, b) => a - b),
    );
  }, 60_000);

  it('should refuse an export file with a broken chain, naming the line, and write nothing', async () => {
    const directory = fresh();
    const exportFile = path.join(directory, 'store.ndjson');
    expect((await runCli(source, ['export', exportFile])).code).toBe(EXIT.ok);
    const lines = readFileSync(exportFile, 'utf8').trim().split('\n');
    const forged = JSON.parse(lines[5]!) as { data: Record<string, unknown> };
    forged.data.forged = true;
    lines[5] = JSON.stringify(forged);
    writeFileSync(exportFile, `${lines.join('\n')}\n`);
    const target = fresh();
    const run = await runCli(target, ['import', exportFile]);
    expect(run.code).toBe(EXIT.refused);
    expect(run.stderr).toContain('line 6');
    expect(existsSync(path.join(target, SQLITE_EVENT_STORE_FILE_NAME)) ? eventCount(target) : 0).toBe(0);
  }, 60_000);

  it('should refuse a CSV of 1,000 ratings with one bad row, naming its line, and write nothing', async () => {
    const dataDir = copyStore(source);
    directories.push(dataDir);
    const rows = [CSV_HEADER];
    for (let index = 0; index < 1000; index += 1) {
      const functionId = index % 2 === 0 ? 'front-desk' : 'housekeeping';
      const capabilityId = CAPABILITIES[index % CAPABILITIES.length]!;
      // Line numbers count the header as line 1: the row at index 636 is on line 638.
      const level = index === 636 ? 9 : (index % 5) + 1;
      rows.push(`${functionId},${capabilityId},${level},SELF,,"evidence, row ${index}"`);
    }
    const csv = path.join(dataDir, 'ratings.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const before = eventCount(dataDir);
    const run = await runCli(dataDir, ['import', csv, '--assessment', 'hotel-q1']);
    expect(run.code).toBe(EXIT.refused);
    expect(run.stderr).toContain('line 638');
    expect(run.stderr).toContain('1 of 1000 row(s) refused');
    expect(run.stderr).not.toMatch(/line (?!638)\d+:/);
    expect(eventCount(dataDir)).toBe(before);
  }, 60_000);

  it('should record a valid CSV in one append attributed to the person, and append nothing when run again', async () => {
    const dataDir = copyStore(source);
    directories.push(dataDir);
    const csv = path.join(dataDir, 'ratings.csv');
    writeFileSync(
      csv,
      [
        CSV_HEADER,
        'front-desk,customer-insight,4,CUSTOMER,,survey',
        'housekeeping,customer-insight,2,PEER,front-desk,"seen at the desk, daily"',
        'housekeeping,value-proposition,3,self,,',
      ].join('\n'),
    );
    const before = eventCount(dataDir);
    const run = await runCli(dataDir, ['import', csv, '--assessment', 'hotel-q1', '--actor', 'ops-carol']);
    expect(run.stderr).toContain('recorded 3 rating(s)');
    expect(run.stderr).toContain('Checking ratings for hotel-q1: 3/3 done');
    expect(run.code).toBe(EXIT.ok);
    const appended = eventsAfter(dataDir, before);
    expect(appended.map((event) => event.type)).toEqual([
      'RatingRecorded',
      'RatingRecorded',
      'RatingRecorded',
    ]);
    // The page's command (RecordRatings): one commandId for the whole file, the person as actor.
    expect(new Set(appended.map((event) => event.metadata.commandId)).size).toBe(1);
    expect(appended.map((event) => event.metadata.actor)).toEqual(Array(3).fill('cli: ops-carol'));

    const again = await runCli(dataDir, ['import', csv, '--assessment', 'hotel-q1'], {
      SUDO_USER: 'ops-dave',
    });
    expect(again.code).toBe(EXIT.ok);
    expect(again.stderr).toContain('were already recorded into assessment hotel-q1; nothing was appended');
    expect(eventCount(dataDir)).toBe(before + 3);

    // Without --actor: the user at the terminal, as the other commands that write.
    writeFileSync(csv, `${CSV_HEADER}\nfront-desk,value-proposition,2,SELF,,\n`);
    expect(
      (await runCli(dataDir, ['import', csv, '--assessment', 'hotel-q1'], { SUDO_USER: 'ops-dave' })).code,
    ).toBe(EXIT.ok);
    expect(eventsAfter(dataDir, before + 3).map((event) => event.metadata.actor)).toEqual([
      `cli: ops-dave@${hostname()}`,
    ]);
    const unknown = await runCli(dataDir, ['import', csv, '--assessment', 'no-such-assessment']);
    expect(unknown.code).toBe(EXIT.refused);
  }, 60_000);

  it('should refuse a CSV with more ratings than one append takes, telling to split it, and write nothing', async () => {
    const dataDir = copyStore(source);
    directories.push(dataDir);
    const rows = [CSV_HEADER];
    for (let index = 0; index <= MAX_RATINGS_PER_CALL; index += 1)
      rows.push(`front-desk,${CAPABILITIES[index % CAPABILITIES.length]!},3,SELF,,`);
    const csv = path.join(dataDir, 'ratings.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const before = eventCount(dataDir);
    const run = await runCli(dataDir, ['import', csv, '--assessment', 'hotel-q1']);
    expect(run.code).toBe(EXIT.refused);
    expect(run.stderr).toContain(`split it into files of at most ${MAX_RATINGS_PER_CALL} ratings`);
    expect(eventCount(dataDir)).toBe(before);
  }, 60_000);

  it('should record the respondent column, with the columns in any order, and refuse an unknown column', async () => {
    const dataDir = copyStore(source);
    directories.push(dataDir);
    const csv = path.join(dataDir, 'respondents.csv');
    writeFileSync(
      csv,
      [
        'respondent,function,capability,level,source,rater,evidence',
        'night-lead,housekeeping,purpose-alignment,2,PEER,front-desk,',
        'day-lead,housekeeping,purpose-alignment,4,PEER,front-desk,',
        ',housekeeping,purpose-alignment,3,CUSTOMER,,panel',
      ].join('\n'),
    );
    const run = await runCli(dataDir, ['import', csv, '--assessment', 'hotel-q1']);
    expect(run.stderr).toContain('recorded 3 rating(s)');
    expect(run.code).toBe(EXIT.ok);
    const app = await openApplication(dataDir);
    try {
      const view = await app.get(MaturityQueryService).maturity('hotel');
      const cell = view.cells.find(
        (candidate) =>
          candidate.functionId === 'housekeeping' && candidate.capabilityId === 'purpose-alignment',
      );
      // PEER from the customer-facing front desk: (2 + 4) / 2 = 3, s2 = 2, r_wg = 0.
      expect(cell?.groups).toContainEqual(
        expect.objectContaining({
          source: 'PEER',
          raterFunctionId: 'front-desk',
          respondents: 2,
          level: 3,
          agreement: 0,
        }),
      );
    } finally {
      await app.close();
    }

    writeFileSync(
      csv,
      'function,capability,level,source,rater,evidence,person\nhousekeeping,purpose-alignment,2,SELF,,,x\n',
    );
    const refused = await runCli(dataDir, ['import', csv, '--assessment', 'hotel-q1']);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('unknown person');
  }, 60_000);

  it('should replay the maturity view as a table, as JSON and step by step', async () => {
    const table = await runCli(source, ['replay', '--org', 'hotel']);
    expect(table.code).toBe(EXIT.ok);
    expect(table.stdout).toMatch(/front-desk\s+\d\.\d\d/);
    expect(table.stdout).toContain('customer-centricity index');
    const json = await runCli(source, ['replay', '--org', 'hotel', '--json', '--as-of', '2025-12-31']);
    expect(JSON.parse(json.stdout)).toMatchObject({ organizationId: 'hotel', coverage: expect.any(Number) });
    const steps = await runCli(source, ['replay', '--org', 'hotel', '--step']);
    expect(steps.code).toBe(EXIT.ok);
    expect(steps.stdout.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(11);
    // Each step is numbered by the event's position in the store, as the Audit page numbers it.
    const otherSteps = await runCli(source, ['replay', '--org', 'other-hotel', '--step']);
    const otherJson = await runCli(source, ['replay', '--org', 'other-hotel', '--step', '--json']);
    const positions = otherJson.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: { position: number } }).event.position);
    expect(positions[0]).toBeGreaterThan(1);
    expect(
      otherSteps.stdout
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => Number(/^#(\d+) /.exec(line)?.[1])),
    ).toEqual(positions);
    // As of a date before the only cycle's period end: its events cannot change the view, so the
    // walk leaves them out and says how many.
    const before = await runCli(source, ['replay', '--org', 'hotel', '--as-of', '2025-01-01', '--step']);
    expect(before.code).toBe(EXIT.ok);
    const stepsBefore = before.stdout.split('\n').filter((line) => line.startsWith('#'));
    expect(stepsBefore.length).toBeGreaterThan(0);
    expect(stepsBefore.filter((line) => line.includes('hotel-q1'))).toEqual([]);
    expect(before.stdout).toContain(
      `${11 - stepsBefore.length} events of assessments whose period ends after 2025-01-01T00:00:00.000Z were left out`,
    );
    const unknown = await runCli(source, ['replay', '--org', 'no-such-org']);
    expect(unknown.code).toBe(EXIT.refused);
    expect(unknown.stderr).toContain('error: --org: no organisation "no-such-org"');
    // The user typed --as-of: the refusal names it, not the api field behind it.
    const badDate = await runCli(source, ['replay', '--org', 'hotel', '--as-of', '30/06/2024']);
    expect(badDate.code).toBe(EXIT.refused);
    expect(badDate.stderr).toContain('error: --as-of must be an ISO-8601 date');
    expect(badDate.stderr).not.toContain('asOf');
  }, 180_000);

  it('should head the replay with the exact instants a bare date means, as the api reads it', async () => {
    const dated = await runCli(source, [
      'replay',
      '--org',
      'hotel',
      '--as-of',
      '2025-12-31',
      '--known-at',
      '2026-01-15',
    ]);
    expect(dated.code).toBe(EXIT.ok);
    const header =
      'hotel as of 2025-12-31T00:00:00.000Z, as known at 2026-01-15T00:00:00.000Z (a date alone is its start, 00:00 UTC)';
    expect(dated.stdout.split('\n')[0]).toBe(header);
    const steps = await runCli(source, [
      'replay',
      '--org',
      'hotel',
      '--as-of',
      '2025-12-31',
      '--known-at',
      '2026-01-15',
      '--step',
    ]);
    expect(steps.stdout.split('\n')[0]).toBe(header);
    const now = await runCli(source, ['replay', '--org', 'hotel']);
    expect(now.stdout.split('\n')[0]).toBe('hotel as of now, as known at now (everything recorded)');
    const asOfOnly = await runCli(source, ['replay', '--org', 'hotel', '--as-of', '2025-12-31']);
    expect(asOfOnly.stdout.split('\n')[0]).toBe(
      'hotel as of 2025-12-31T00:00:00.000Z, as known at now (everything recorded) (a date alone is its start, 00:00 UTC)',
    );
  }, 60_000);

  it('should back up while the api is writing, and restore a store that verifies', async () => {
    const live = fresh();
    const api = await startTestApi({ dataDir: live });
    // An object, so the loop sees the change made after the backup.
    const control = { writing: true };
    let written = 0;
    const writer = (async () => {
      await api.mustQuery(`mutation { registerOrganization(input: { id: "busy", name: "Busy" }) { id } }`);
      while (control.writing) {
        written += 1;
        await api.mustQuery(
          `mutation($id: ID!, $name: String!) { addFunction(input: { organizationId: "busy", functionId: $id, name: $name }) { id } }`,
          { id: `function-${written}`, name: `Function ${written}` },
        );
      }
    })();
    const backupFile = path.join(fresh(), 'backup.db');
    let backup;
    try {
      backup = await runCli(live, ['backup', backupFile]);
    } finally {
      control.writing = false;
      await writer;
      await api.close();
    }
    expect(backup.stderr).toContain('integrity ok');
    expect(backup.code).toBe(EXIT.ok);
    expect(written).toBeGreaterThan(0);
    // A second backup to the same file is refused rather than overwriting it.
    expect((await runCli(live, ['backup', backupFile])).code).toBe(EXIT.refused);

    const restored = fresh();
    const restore = await runCli(restored, ['restore', backupFile]);
    expect(restore.code).toBe(EXIT.ok);
    expect(restore.stderr).toContain('erasures recorded after this backup was made are not in it');
    const verify = await runCli(restored, ['verify', '--json']);
    expect(verify.code).toBe(EXIT.ok);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    expect(eventCount(restored)).toBeGreaterThan(1);

    // The store now holds events: restoring again needs --force.
    expect((await runCli(restored, ['restore', backupFile])).code).toBe(EXIT.refused);
    expect((await runCli(restored, ['restore', backupFile, '--force'])).code).toBe(EXIT.ok);
  }, 120_000);

  it('should refuse backup and restore with DATABASE_URL before showing any progress or touching a file', async () => {
    const directory = fresh();
    const backupFile = path.join(directory, 'backup.db');
    // Nothing listens there: the refusal must come from the setting, not from a failed connection.
    const elsewhere = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/maturity' };
    const backup = await runCli(directory, ['backup', backupFile], elsewhere);
    expect(backup.code).toBe(EXIT.usage);
    expect(backup.stderr).toContain('pg_dump');
    expect(backup.stderr).not.toContain('Backing up');
    expect(existsSync(backupFile)).toBe(false);
    writeFileSync(backupFile, 'not a store');
    writeFileSync(`${backupFile}.keys`, 'not a key store');
    const restore = await runCli(directory, ['restore', backupFile], elsewhere);
    expect(restore.code).toBe(EXIT.usage);
    expect(restore.stderr).toContain('pg_restore');
    expect(restore.stderr).not.toContain('Restoring');
  }, 60_000);

  it('should refuse to restore a broken backup with exit 4', async () => {
    const directory = fresh();
    const backupFile = path.join(directory, 'backup.db');
    expect((await runCli(source, ['backup', backupFile])).code).toBe(EXIT.ok);
    const database = new Database(backupFile);
    database.prepare(`DELETE FROM events WHERE stream = 'organization-hotel' AND revision = 1`).run();
    database.close();
    const target = fresh();
    const run = await runCli(target, ['restore', backupFile]);
    expect(run.code).toBe(EXIT.integrityBroken);
    expect(run.stderr).toContain('organization-hotel');
  }, 60_000);

  it('should refuse to restore, naming what to do, a missing file, a backup without its keys, a damaged file and a store an api holds open', async () => {
    const directory = fresh();
    const backupFile = path.join(directory, 'backup.db');
    expect((await runCli(source, ['backup', backupFile])).code).toBe(EXIT.ok);

    const missing = await runCli(fresh(), ['restore', path.join(directory, 'no-such.db')]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain(
      `no backup file at ${path.join(directory, 'no-such.db')}; nothing was restored`,
    );

    // Without its .keys the evidence it seals could not be read: refused unless asked for.
    const keyless = path.join(directory, 'keyless.db');
    writeFileSync(keyless, readFileSync(backupFile));
    const withoutKeys = fresh();
    const refusedKeyless = await runCli(withoutKeys, ['restore', keyless]);
    expect(refusedKeyless.code).toBe(EXIT.refused);
    expect(refusedKeyless.stderr).toContain('pass --without-keys');
    expect(existsSync(path.join(withoutKeys, SQLITE_EVENT_STORE_FILE_NAME))).toBe(false);
    expect((await runCli(withoutKeys, ['restore', keyless, '--without-keys'])).code).toBe(EXIT.ok);

    // A truncated file is a damaged backup (exit 4), not a damaged store of the operator's.
    const truncated = path.join(directory, 'truncated.db');
    writeFileSync(truncated, readFileSync(backupFile).subarray(0, 4096));
    writeFileSync(`${truncated}.keys`, readFileSync(`${backupFile}.keys`));
    const damaged = await runCli(fresh(), ['restore', truncated]);
    expect(damaged.code).toBe(EXIT.integrityBroken);
    expect(damaged.stderr).toContain(`the backup ${truncated} is damaged`);

    // A running api keeps its store open: replacing the file under it is refused, even with --force.
    const live = fresh();
    const api = await startTestApi({ dataDir: live });
    try {
      await api.mustQuery(`mutation { registerOrganization(input: { id: "live", name: "Live" }) { id } }`);
      const held = await runCli(live, ['restore', backupFile, '--force']);
      expect(held.code).toBe(EXIT.unavailable);
      expect(held.stderr).toContain('is the api running on this DATA_DIR?');
      expect(
        await api.mustQuery<{ organization: { id: string } }>(`{ organization(id: "live") { id } }`),
      ).toEqual({
        organization: { id: 'live' },
      });
    } finally {
      await api.close();
    }
    expect((await runCli(live, ['restore', backupFile, '--force'])).code).toBe(EXIT.ok);
  }, 120_000);

  it('should restore over a store with --force, and its maturity views follow the restored events', async () => {
    const empty = fresh();
    const backupFile = path.join(fresh(), 'empty.db');
    expect((await runCli(empty, ['backup', backupFile])).code).toBe(EXIT.ok);
    const dataDir = copyStore(source);
    directories.push(dataDir);
    // Reading a view builds the read models of the hotel store.
    expect((await runCli(dataDir, ['replay', '--org', 'hotel'])).code).toBe(EXIT.ok);
    expect((await runCli(dataDir, ['restore', backupFile, '--force'])).code).toBe(EXIT.ok);
    expect((await runCli(dataDir, ['replay', '--org', 'hotel'])).code).toBe(EXIT.refused);
  }, 60_000);
});
