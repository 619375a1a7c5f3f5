// kill -9 of the api while clients write: after a restart every acknowledged write is there,
// every stream's hash chain recomputes, and the api's own verifyIntegrity agrees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { inspectStore, RECORD_RATING, setUpHotel } from './fault-fixtures';

jest.setTimeout(180_000);

const WRITERS = 8;

describe('Crash under write load (fault)', () => {
  let dataDir: string;
  let api: ApiProcess;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fault-crash-'));
  });

  afterAll(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should keep every acknowledged write across kill -9 and pass the integrity check', async () => {
    api = await startApi({ dataDir });
    const adminToken = api.adminToken;
    const hotel = await setUpHotel(api.baseUrl, adminToken, WRITERS, 4);
    const acknowledged: string[] = [];
    let running = true;

    const writers = hotel.functionIds.map(async (functionId, writer) => {
      for (let index = 0; running; index += 1) {
        const commandId = `writer-${writer}-${index}`;
        const answer = await postGraphql(api.baseUrl, adminToken, RECORD_RATING, {
          input: {
            assessmentId: hotel.assessmentIds[index % hotel.assessmentIds.length],
            functionId,
            capabilityId: hotel.capabilityIds[index % hotel.capabilityIds.length],
            level: (index % 5) + 1,
            source: 'SELF',
            commandId,
          },
        }).catch(() => null);
        // Only an answer without errors is an acknowledgement; a dropped connection is not.
        if (answer !== null && !answer.errors?.length && answer.data) acknowledged.push(commandId);
      }
    });
    // Kill once the writers are in full flow (50 acknowledged), however busy the machine is.
    const flowing = Date.now() + 60_000;
    while (acknowledged.length <= 50 && Date.now() < flowing) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await api.kill();
    running = false;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(50);

    const afterCrash = await inspectStore(dataDir);
    expect(afterCrash.sqliteIntegrity).toBe('ok');
    expect(afterCrash.brokenChain).toBeNull();
    expect(acknowledged.filter((commandId) => !afterCrash.commandIds.has(commandId))).toEqual([]);

    api = await startApi({ dataDir, env: { ADMIN_TOKEN: adminToken } });
    const report = await postGraphql<{ verifyIntegrity: { ok: boolean; checkedEvents: number } }>(
      api.baseUrl,
      adminToken,
      '{ verifyIntegrity { ok checkedEvents } }',
    );
    expect(report.errors).toBeUndefined();
    expect(report.data!.verifyIntegrity.ok).toBe(true);
    expect(report.data!.verifyIntegrity.checkedEvents).toBe(afterCrash.events.length);
    // A write repeated after the crash is recognised, not duplicated.
    const repeat = await postGraphql(api.baseUrl, adminToken, RECORD_RATING, {
      input: {
        assessmentId: hotel.assessmentIds[0],
        functionId: hotel.functionIds[0],
        capabilityId: hotel.capabilityIds[0],
        level: 1,
        source: 'SELF',
        commandId: acknowledged[0],
      },
    });
    expect(repeat.errors).toBeUndefined();
    const afterRestart = await inspectStore(dataDir);
    expect(afterRestart.events.length).toBe(afterCrash.events.length);
  });
});
