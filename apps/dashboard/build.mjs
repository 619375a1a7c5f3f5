// Builds the dashboard into apps/dashboard/dist with Vite (called by `npm run build`).
// Prints the size of what the browser downloads, so a growing bundle is noticed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
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
