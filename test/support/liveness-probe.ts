// How long other callers wait while a read runs: /health/live asked every 20 ms meanwhile. A read
// that holds the event loop shows as a probe that waits about as long as the read takes.

export interface ProbedRead<T> {
  value: T;
  /** How long the read took (ms). */
  took: number;
  /** The slowest /health/live answer meanwhile (ms). */
  slowest: number;
  /** How many probes were answered. */
  asked: number;
}

export async function whileProbingLiveness<T>(
  baseUrl: string,
  read: () => Promise<T>,
): Promise<ProbedRead<T>> {
  let slowest = 0;
  let asked = 0;
  let running = true;
  const probe = (async () => {
    while (running as boolean) {
      const started = performance.now();
      const live = await fetch(`${baseUrl}/health/live`);
      await live.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - started);
      asked += 1;
      expect(live.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  // The probe is under way before the read starts.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  const value = await read().finally(() => {
    running = false;
  });
  const took = performance.now() - started;
  await probe;
  return { value, took, slowest, asked };
}
