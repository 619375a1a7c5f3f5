// A throwaway PostgreSQL server for tests and the bench (ADR 0010): initdb into a temporary
// directory, `postgres` on a free loopback port with its socket in that directory, databases
// handed out per test file, everything stopped and deleted at the end. PostgreSQL refuses to run
// as root, so under root (CI) the server runs as the `postgres` user that Debian's package creates.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const SUPERUSER = 'postgres';

export type PostgresAvailability =
  | { available: true; binDir: string; runAs: { uid: number; gid: number } | null }
  | { available: false; reason: string };

/**
 * Whether a server can be started here: the binaries (POSTGRES_BIN_DIR, else the newest
 * /usr/lib/postgresql/<version>/bin) and, under root, a `postgres` user to run them as.
 */
export function postgresAvailability(): PostgresAvailability {
  const binDir = findBinDir();
  if (binDir === null)
    return {
      available: false,
      reason:
        "no PostgreSQL server binaries (initdb, postgres) found: install Debian's postgresql package (`apt-get install -y postgresql`) or set POSTGRES_BIN_DIR",
    };
  if (process.getuid?.() !== 0) return { available: true, binDir, runAs: null };
  const user = systemUser(SUPERUSER);
  if (user === null)
    return {
      available: false,
      reason:
        "running as root, and PostgreSQL refuses to run as root, but there is no 'postgres' user to run it as (Debian's postgresql package creates one)",
    };
  return { available: true, binDir, runAs: user };
}

/**
 * For spec files: runs `define` when a server can be started, else says loudly why not and
 * registers a skipped suite. With POSTGRES_TESTS=required (CI) a missing server fails instead.
 */
export function describeWithPostgres(name: string, define: () => void): void {
  const availability = postgresAvailability();
  if (availability.available) {
    describe(name, define);
    return;
  }
  if (process.env.POSTGRES_TESTS === 'required')
    throw new Error(`${name}: PostgreSQL is required (POSTGRES_TESTS=required) but ${availability.reason}`);
  console.warn(`PostgreSQL suite "${name}" SKIPPED: ${availability.reason}.`);
  describe.skip(`${name} (SKIPPED: ${availability.reason})`, () => {
    it('runs against a real PostgreSQL server', () => undefined);
  });
}

export interface PostgresTestServer {
  port: number;
  /** The server's data directory (PGDATA), e.g. to search its files. */
  dataDirectory: string;
  /** The maintenance database `postgres`, as the superuser. */
  adminUrl: string;
  /** A new empty database; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Ends every session of a database (a dropped connection as the clients see it). */
  terminateConnections(databaseUrl: string): Promise<number>;
  /** Stops the server: 'fast' rolls back sessions and checkpoints; 'immediate' is a crash (recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same directory and port. */
  start(): Promise<void>;
  /** Stops it and deletes its directory. */
  destroy(): Promise<void>;
  /** The server's last log lines, for failure messages. */
  log(): string;
}

export interface PostgresTestServerOptions {
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
}

export async function startPostgresTestServer(
  options: PostgresTestServerOptions = {},
): Promise<PostgresTestServer> {
  const availability = postgresAvailability();
  if (!availability.available) throw new Error(`Cannot start PostgreSQL: ${availability.reason}`);
  const { binDir, runAs } = availability;
  const directory = mkdtempSync(path.join(tmpdir(), 'postgres-test-'));
  if (runAs !== null) chownSync(directory, runAs.uid, runAs.gid);
  const dataDir = path.join(directory, 'data');
  let output = '';
  const remember = (chunk: Buffer | string): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  await runToEnd(
    directory,
    path.join(binDir, 'initdb'),
    ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    runAs,
    remember,
  );
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: directory,
    max_connections: '200',
    ...options.settings,
  };
  const adminUrl = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  let server: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const killOnExit = (): void => {
    server?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  async function start(): Promise<void> {
    const args = ['-D', dataDir, '-p', String(port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const child = spawn(path.join(binDir, 'postgres'), args, {
      cwd: directory,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs === null ? {} : { uid: runAs.uid, gid: runAs.gid }),
    });
    child.stdout.on('data', remember);
    child.stderr.on('data', remember);
    server = child;
    exited = new Promise((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    await waitUntilAccepting(adminUrl, child, () => output);
  }

  async function stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const child = server;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    server = null;
  }

  await start();
  return {
    port,
    dataDirectory: dataDir,
    adminUrl,
    async createDatabase(name = `test_${randomBytes(6).toString('hex')}`) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      return `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
    },
    async terminateConnections(databaseUrl) {
      const database = new URL(databaseUrl).pathname.slice(1);
      const result = await withClient(adminUrl, (client) =>
        client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        ),
      );
      return result.rowCount ?? 0;
    },
    stop,
    start,
    async destroy() {
      await stop('fast');
      process.removeListener('exit', killOnExit);
      rmSync(directory, { recursive: true, force: true });
    },
    log: () => output,
  };
}

/** One connection for `work`, closed after it whatever happens. */
export async function withClient<Result>(
  url: string,
  work: (client: Client) => Promise<Result>,
): Promise<Result> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function findBinDir(): string | null {
  const configured = process.env.POSTGRES_BIN_DIR?.trim();
  if (configured) return existsSync(path.join(configured, 'postgres')) ? configured : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((left, right) => Number(right) - Number(left));
  const newest = versions[0];
  return newest === undefined ? null : path.join(root, newest, 'bin');
}

function systemUser(name: string): { uid: number; gid: number } | null {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return null;
  }
  for (const line of passwd.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined)
      return { uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

function runToEnd(
  cwd: string,
  command: string,
  args: string[],
  runAs: { uid: number; gid: number } | null,
  remember: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs === null ? {} : { uid: runAs.uid, gid: runAs.gid }),
    });
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      remember(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} failed with exit code ${String(code)}:\n${output}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitUntilAccepting(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`PostgreSQL exited while starting:\n${output()}`);
    try {
      await withClient(url, (client) => client.query('SELECT 1'));
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(
          `PostgreSQL did not accept connections within ${START_TIMEOUT_MS} ms (${String(error)}):\n${output()}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
