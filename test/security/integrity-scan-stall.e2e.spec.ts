// Attack: an ADMIN's global verifyIntegrity over a large store hashed every event without giving
// the event loop back (an embedded store answers reads synchronously), so /health stalled for
// seconds while it ran. The scan now lets other requests through between pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { writeLargeStore } from '../support/large-store';
import { postGraphql } from '../support/graphql-client';

jest.setTimeout(240_000);

const STREAMS = 40;
const EVENTS_PER_STREAM = 1_000;

describe('Integrity scan of a large store (e2e, built api)', () => {
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-integrity-stall-'));
    // 40,000 chained events written straight into the store file before the api starts.
    await writeLargeStore(dataDir, STREAMS, EVENTS_PER_STREAM);
    api = await startApi({ dataDir });
  });

  afterAll(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should keep answering /health while a global verifyIntegrity reads 40,000 events', async () => {
    let running = true;
    const healthTimes: number[] = [];
    const probe = (async () => {
      while (running as boolean) {
        const started = performance.now();
        const health = await fetch(`${api.baseUrl}/health`);
        healthTimes.push(performance.now() - started);
        expect(health.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answer = await postGraphql(
      api.baseUrl,
      api.adminToken,
      '{ verifyIntegrity { ok checkedEvents } }',
      {},
    );
    running = false;
    await probe;
    expect(answer.errors).toBeUndefined();
    const report = (answer.data as { verifyIntegrity: { ok: boolean; checkedEvents: number } })
      .verifyIntegrity;
    expect(report.ok).toBe(true);
    expect(report.checkedEvents).toBeGreaterThanOrEqual(STREAMS * EVENTS_PER_STREAM);
    expect(healthTimes.length).toBeGreaterThan(3);
    expect(Math.max(...healthTimes)).toBeLessThan(500);
  });
});
