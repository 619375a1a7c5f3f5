// Each kind of tampering, done to a real SQLite file with a plain SQL connection (as an attacker
// with file access would), is reported at the exact stream and revision.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type IntegrityReport, IntegrityService } from '@app/application';
import { buildStore, forgeEvent, openApplication, tamperedCopy } from './audit-store';

const ASSESSMENT = 'assessment-hotel-q1';
const ORGANIZATION = 'organization-hotel';

describe('verifyIntegrity on tampered SQLite files', () => {
  let pristine = '';
  const directories: string[] = [];

  beforeAll(async () => {
    pristine = await buildStore(['hotel', 'other-hotel']);
  }, 60_000);

  afterAll(() => {
    for (const directory of [pristine, ...directories]) rmSync(directory, { recursive: true, force: true });
  });

  async function verifyAfter(
    tamper: (database: Database.Database) => void,
    organizationId?: string,
  ): Promise<IntegrityReport> {
    const dataDir = tamperedCopy(pristine, tamper);
    directories.push(dataDir);
    const app = await openApplication(dataDir);
    try {
      return await app.get(IntegrityService).verify(organizationId);
    } finally {
      await app.close();
    }
  }

  function positionOf(database: Database.Database, stream: string, revision: number): number {
    const row = database
      .prepare('SELECT position FROM events WHERE stream = ? AND revision = ?')
      .get(stream, revision) as {
      position: number;
    };
    return row.position;
  }

  it('should pass an untouched store, whole and per organisation', async () => {
    const whole = await verifyAfter(() => undefined);
    expect(whole).toMatchObject({ ok: true, firstBrokenStream: null, firstBrokenRevision: null });
    expect(whole.checkedEvents).toBeGreaterThanOrEqual(22);
    expect(await verifyAfter(() => undefined, 'hotel')).toMatchObject({ ok: true, checkedEvents: 11 });
  });

  it('should report a modified payload at its stream and revision', async () => {
    const tamper = (database: Database.Database): void => {
      database
        .prepare(
          `UPDATE events SET data = json_set(data, '$.level', 1 + (json_extract(data, '$.level') % 5)) WHERE stream = ? AND revision = 3`,
        )
        .run(ASSESSMENT);
    };
    const whole = await verifyAfter(tamper);
    expect(whole).toMatchObject({ ok: false, firstBrokenStream: ASSESSMENT, firstBrokenRevision: 3 });
    expect(whole.message).toContain('modified');
    expect(await verifyAfter(tamper, 'hotel')).toMatchObject({
      ok: false,
      firstBrokenStream: ASSESSMENT,
      firstBrokenRevision: 3,
    });
  });

  it('should report modified metadata at its stream and revision', async () => {
    const report = await verifyAfter((database) => {
      database
        .prepare(
          `UPDATE events SET metadata = json_set(metadata, '$.actor', 'mallory') WHERE stream = ? AND revision = 1`,
        )
        .run(ORGANIZATION);
    });
    expect(report).toMatchObject({ ok: false, firstBrokenStream: ORGANIZATION, firstBrokenRevision: 1 });
  });

  it('should report a modified recordedAt at its stream and revision', async () => {
    const report = await verifyAfter((database) => {
      database
        .prepare(
          `UPDATE events SET metadata = json_set(metadata, '$.recordedAt', '2020-01-01T00:00:00.000Z') WHERE stream = ? AND revision = 2`,
        )
        .run(ASSESSMENT);
    }, 'hotel');
    expect(report).toMatchObject({ ok: false, firstBrokenStream: ASSESSMENT, firstBrokenRevision: 2 });
  });

  it('should report a deleted event at the revision that went missing', async () => {
    const tamper = (database: Database.Database): void => {
      database.prepare('DELETE FROM events WHERE stream = ? AND revision = 2').run(ASSESSMENT);
    };
    const whole = await verifyAfter(tamper);
    expect(whole).toMatchObject({ ok: false, firstBrokenStream: ASSESSMENT, firstBrokenRevision: 2 });
    expect(whole.message).toContain('deleted');
    expect(await verifyAfter(tamper, 'hotel')).toMatchObject({
      ok: false,
      firstBrokenStream: ASSESSMENT,
      firstBrokenRevision: 2,
    });
  });

  it('should report a deleted first event at revision 0', async () => {
    const report = await verifyAfter((database) => {
      database.prepare('DELETE FROM events WHERE stream = ? AND revision = 0').run(ORGANIZATION);
    });
    expect(report).toMatchObject({ ok: false, firstBrokenStream: ORGANIZATION, firstBrokenRevision: 0 });
  });

  it('should notice a deleted last event of a stream by the missing position', async () => {
    const report = await verifyAfter((database) => {
      // The hotel's investment has one event; other organisations' events follow it.
      database.prepare('DELETE FROM events WHERE stream = ?').run('investment-hotel-training');
    });
    expect(report.ok).toBe(false);
    expect(report.firstBrokenStream).toBeNull();
    expect(report.message).toMatch(/position \d+ is missing/);
  });

  it('should report two events swapped in global order at the first out-of-order revision', async () => {
    const tamper = (database: Database.Database): void => {
      const first = positionOf(database, ASSESSMENT, 4);
      const second = positionOf(database, ASSESSMENT, 5);
      database.transaction(() => {
        database.prepare('UPDATE events SET position = -1 WHERE position = ?').run(first);
        database.prepare('UPDATE events SET position = ? WHERE position = ?').run(first, second);
        database.prepare('UPDATE events SET position = ? WHERE position = -1').run(second);
      })();
    };
    expect(await verifyAfter(tamper)).toMatchObject({
      ok: false,
      firstBrokenStream: ASSESSMENT,
      firstBrokenRevision: 4,
    });
    expect(await verifyAfter(tamper, 'hotel')).toMatchObject({
      ok: false,
      firstBrokenStream: ASSESSMENT,
      firstBrokenRevision: 4,
    });
  });

  it('should report two events whose revisions were swapped at the first swapped revision', async () => {
    const tamper = (database: Database.Database): void => {
      database.transaction(() => {
        database.prepare('UPDATE events SET revision = -1 WHERE stream = ? AND revision = 4').run(ASSESSMENT);
        database.prepare('UPDATE events SET revision = 4 WHERE stream = ? AND revision = 5').run(ASSESSMENT);
        database.prepare('UPDATE events SET revision = 5 WHERE stream = ? AND revision = -1').run(ASSESSMENT);
      })();
    };
    expect(await verifyAfter(tamper)).toMatchObject({
      ok: false,
      firstBrokenStream: ASSESSMENT,
      firstBrokenRevision: 4,
    });
    expect(await verifyAfter(tamper, 'hotel')).toMatchObject({
      ok: false,
      firstBrokenStream: ASSESSMENT,
      firstBrokenRevision: 4,
    });
  });

  it('should report a rewritten event whose hash was recomputed at the next revision, by its broken link', async () => {
    const report = await verifyAfter((database) => {
      // An attacker who also recomputes the hash of the event they changed still breaks the next prevHash.
      forgeEvent(database, ORGANIZATION, 1, { name: 'Forged desk' });
    });
    expect(report).toMatchObject({ ok: false, firstBrokenStream: ORGANIZATION, firstBrokenRevision: 2 });
    expect(report.message).toContain('prevHash');
  });
});
