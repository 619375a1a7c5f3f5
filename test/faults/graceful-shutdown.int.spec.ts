// SIGTERM while clients write: the api finishes what it acknowledged, closes the store cleanly
// (the WAL checkpointed into the database file) before it exits; nothing acknowledged is missing.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { inspectStore, RECORD_RATING, setUpHotel } from './fault-fixtures';

jest.setTimeout(180_000);

describe('Graceful shutdown under write load (fault)', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fault-sigterm-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should keep every acknowledged write, leave an empty WAL and close the store before it exits on SIGTERM', async () => {
    const api = await startApi({ dataDir });
    const hotel = await setUpHotel(api.baseUrl, api.adminToken, 4);
    const acknowledged: string[] = [];
    let running = true;
    const writers = hotel.functionIds.map(async (functionId, writer) => {
      for (let index = 0; running; index += 1) {
        const commandId = `writer-${writer}-${index}`;
        const answer = await postGraphql(api.baseUrl, api.adminToken, RECORD_RATING, {
          input: {
            assessmentId: hotel.assessmentIds[0],
            functionId,
            capabilityId: hotel.capabilityIds[index % hotel.capabilityIds.length],
            level: (index % 5) + 1,
            source: 'SELF',
            commandId,
          },
        }).catch(() => null);
        if (answer === null) return; // the server has gone: stop writing
        if (!answer.errors?.length && answer.data) acknowledged.push(commandId);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      api.process.once('exit', (code, signal) => {
        resolve({ code, signal });
      }),
    );
    api.process.kill('SIGTERM');
    const exit = await exited;
    running = false;
    await Promise.all(writers);

    // Nest closes the application, then re-raises the signal: the exit is by SIGTERM, after the close.
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(acknowledged.length).toBeGreaterThan(10);
    const wal = path.join(dataDir, 'events.db-wal');
    // A clean close checkpoints the WAL into events.db and removes (or empties) it.
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const store = await inspectStore(dataDir);
    expect(store.sqliteIntegrity).toBe('ok');
    expect(store.brokenChain).toBeNull();
    expect(acknowledged.filter((commandId) => !store.commandIds.has(commandId))).toEqual([]);
  });
});
