// The peer event stores live in their own package, bench/peers, so the root `npm ci` never
// downloads or compiles them (sqlite3 builds from source here). The bench installs them on first
// use from the committed lockfile; when that fails the peers are skipped, the bench goes on.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** bench/peers, from dist/bench/src where the compiled bench runs. */
export const PEERS_DIRECTORY = path.resolve(__dirname, '..', '..', '..', 'bench', 'peers');

export type PeerPackages = { loaded: true; require: NodeJS.Require } | { loaded: false; reason: string };

const INSTALL_TIMEOUT_MS = 15 * 60_000;

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/** Requires each module from bench/peers; returns the first failure's message, or null. */
function probe(require: NodeJS.Require, modules: readonly string[]): string | null {
  for (const name of modules) {
    try {
      require(name);
    } catch (error: unknown) {
      return `${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
  }
  return null;
}

/**
 * A require() rooted in bench/peers once `modules` load from it (native ones included), installing
 * the package first when they do not.
 */
export function loadPeerPackages(modules: readonly string[]): PeerPackages {
  const manifest = path.join(PEERS_DIRECTORY, 'package.json');
  if (!existsSync(manifest)) return { loaded: false, reason: `${manifest} is missing` };
  const require = createRequire(manifest);
  const missing = probe(require, modules);
  if (missing === null) return { loaded: true, require };

  progress(`peer event stores not installed yet (${missing})`);
  progress(
    'installing them: npm ci --prefix bench/peers --legacy-peer-deps (first use only; sqlite3 compiles from source, about 2 minutes on 2 cores)',
  );
  // Run the same npm that runs the bench when there is one (npm run sets npm_execpath).
  const npmCli = process.env['npm_execpath'];
  const viaNode = npmCli !== undefined && npmCli.endsWith('.js');
  const installArguments = [
    'ci',
    '--prefix',
    PEERS_DIRECTORY,
    '--legacy-peer-deps',
    '--no-audit',
    '--no-fund',
    // Fail within minutes, not a quarter of an hour, when the registry cannot be reached.
    '--fetch-retries=1',
    '--fetch-timeout=60000',
  ];
  const startedAt = performance.now();
  const install = spawnSync(
    viaNode ? process.execPath : 'npm',
    viaNode ? [npmCli, ...installArguments] : installArguments,
    // npm's own output goes to stderr: stdout carries only the figures (and the JSON line).
    { stdio: ['ignore', 2, 2], timeout: INSTALL_TIMEOUT_MS },
  );
  const seconds = Math.round((performance.now() - startedAt) / 1000);
  if (install.error !== undefined || install.status !== 0) {
    const cause =
      install.error?.message ?? `npm ci exited with ${install.status ?? install.signal ?? 'unknown status'}`;
    progress(`could not install bench/peers after ${seconds} s (${cause}); is the npm registry reachable?`);
    return { loaded: false, reason: `install failed: ${cause}` };
  }
  progress(`bench/peers installed in ${seconds} s`);
  const stillMissing = probe(require, modules);
  if (stillMissing !== null) {
    progress(`bench/peers installed but does not load: ${stillMissing}`);
    return { loaded: false, reason: `installed but does not load: ${stillMissing}` };
  }
  return { loaded: true, require };
}
