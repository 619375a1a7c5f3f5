// Attack (and everyday operation): the api replays the store into its read models when they are
// missing or behind (at start, after a rebuild). An embedded store answers reads synchronously, so
// the replay paged through 100,000 events without giving the event loop back: the api did not even
// listen until the replay ended, then answered ready at once. It now serves /health between pages
// and says not-ready (503) until its read models have caught up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { writeLargeStore } from '../support/large-store';

jest.setTimeout(240_000);

const STREAMS = 100;
const EVENTS_PER_STREAM = 1_000;

describe('Read-model replay of a large store (e2e, built api)', () => {
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-replay-stall-'));
    // 100,000 events written straight into the store file: the api starts with no read models.
    await writeLargeStore(dataDir, STREAMS, EVENTS_PER_STREAM);
  });

  afterAll(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should answer /health and say not ready while it replays 100,000 events, then ready with no lag', async () => {
    api = await startApi({ dataDir });
    const healthTimes: number[] = [];
    const readiness: { status: number; projections: string; lag: number | null }[] = [];
    for (;;) {
      const started = performance.now();
      const health = await fetch(`${api.baseUrl}/health/live`);
      healthTimes.push(performance.now() - started);
      expect(health.status).toBe(200);
      const ready = await fetch(`${api.baseUrl}/health/ready`);
      const body = (await ready.json()) as { projections?: string; lag?: number | null; message?: unknown };
      // Nest wraps a ServiceUnavailableException's object as the body itself.
      readiness.push({ status: ready.status, projections: body.projections ?? '', lag: body.lag ?? null });
      if (ready.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Served while replaying: not ready first, with events still to apply.
    expect(readiness[0]).toMatchObject({ status: 503, projections: 'catching-up' });
    expect(readiness[0]?.lag).toBeGreaterThan(0);
    expect(readiness.at(-1)).toMatchObject({ status: 200, projections: 'live', lag: 0 });
    expect(healthTimes.length).toBeGreaterThan(3);
    expect(Math.max(...healthTimes)).toBeLessThan(500);
  });
});
