// The BUILT api (dist/apps/api/src/main.js) as a child process on a real SQLite directory, as an
// operator runs it: PORT=0, the port read back from its "api listening on" line, ready at /health.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const LISTENING = /api listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ApiProcess {
  /** e.g. http://127.0.0.1:43123, without a trailing slash. */
  baseUrl: string;
  adminToken: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then wait for the exit (SIGKILL if it hangs). */
  stop(): Promise<void>;
  /** SIGKILL (kill -9), resolving once it is gone. */
  kill(): Promise<void>;
}

export interface StartApiOptions {
  dataDir: string;
  /** Extra environment; ADMIN_TOKEN: '' starts without one, so a new store creates and prints one. */
  env?: Record<string, string>;
}

let built: Promise<void> | null = null;

/** `node scripts/build.mjs` once per test process; a lock directory keeps parallel workers from writing dist/ together. */
export function buildApi(): Promise<void> {
  built ??= withBuildLock(async () => {
    await run(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
  });
  return built;
}

async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const lock = path.join(tmpdir(), `maturity-build-${Buffer.from(root).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed worker is taken over after two minutes.
      const age = Date.now() - (statOrNull(lock)?.mtimeMs ?? Date.now());
      if (age > 120_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for too long`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await work();
  } finally {
    rmdirSync(lock);
  }
}

function statOrNull(file: string): { mtimeMs: number } | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

export async function startApi(options: StartApiOptions): Promise<ApiProcess> {
  await buildApi();
  const adminToken = options.env?.ADMIN_TOKEN ?? `admin-${randomBytes(18).toString('base64url')}`;
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(root, 'dist', 'apps', 'api', 'src', 'main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '0',
        FAILED_AUTHENTICATIONS_PER_MINUTE: '0',
        ...options.env,
        PORT: '0',
        DATA_DIR: options.dataDir,
        ADMIN_TOKEN: adminToken,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null;

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the api did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const look = (): void => {
      const match = LISTENING.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1].replace(/\/+$/, ''));
    };
    child.stdout.on('data', look);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the api exited before listening (code ${String(code)}, signal ${String(signal)}):\n${output}`,
        ),
      );
    });
  });
  await waitForHealth(baseUrl, isRunning, () => output);

  return {
    baseUrl,
    adminToken,
    dataDir: options.dataDir,
    process: child,
    output: () => output,
    async stop() {
      if (!isRunning()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (!isRunning()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitForHealth(baseUrl: string, isRunning: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const healthy = await fetch(`${baseUrl}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    if (!isRunning() || Date.now() > deadline)
      throw new Error(`the api never answered /health:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
