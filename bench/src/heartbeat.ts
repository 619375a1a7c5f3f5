// "still running" lines on stderr while a long section runs. From a worker thread writing to fd 2
// directly: the sections' loops await already-settled promises (better-sqlite3 is synchronous),
// so the main thread's timers would not fire until the section ends.
import { Worker } from 'node:worker_threads';

const HEARTBEAT_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const startedAt = Date.now();
setInterval(() => {
  writeSync(2, 'bench: ' + workerData.name + ': still running (' + Math.round((Date.now() - startedAt) / 1000) + ' s)\\n');
}, workerData.intervalMs);
`;

/** Starts the heartbeat; the returned function stops it. */
export function startHeartbeat(name: string, intervalMs = 20_000): () => Promise<void> {
  const worker = new Worker(HEARTBEAT_SOURCE, { eval: true, workerData: { name, intervalMs } });
  worker.unref();
  return async () => {
    await worker.terminate();
  };
}
