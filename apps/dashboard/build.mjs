// Builds the dashboard into apps/dashboard/dist with Vite (called by `npm run build`).
// Prints the size of what the browser downloads, so a growing bundle is noticed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// With --if-stale (npm start, npm run cli) the build is skipped when dist is newer than every source.
function newestSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}
const built = path.join(root, 'dist', 'index.html');
const sources = Math.max(
  newestSource(path.join(root, 'src')),
  // The page bundles the domain's maturity-model rules.
  newestSource(path.join(root, '..', '..', 'libs', 'domain', 'src')),
  statSync(path.join(root, 'index.html')).mtimeMs,
  statSync(path.join(root, 'rate.html')).mtimeMs,
  statSync(path.join(root, 'vite.config.mjs')).mtimeMs,
);
if (process.argv.includes('--if-stale') && existsSync(built) && statSync(built).mtimeMs >= sources)
  process.exit(0);

await build({ configFile: path.join(root, 'vite.config.mjs') });

const assets = path.join(root, 'dist', 'assets');
let raw = 0;
let gzipped = 0;
for (const name of readdirSync(assets)) {
  const file = path.join(assets, name);
  raw += statSync(file).size;
  gzipped += gzipSync(readFileSync(file)).length;
}
console.error(
  `dashboard: built to apps/dashboard/dist (${(raw / 1024).toFixed(1)} kB, ${(gzipped / 1024).toFixed(1)} kB gzip)`,
);
