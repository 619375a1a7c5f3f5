import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * apps/dashboard/dist, built by `npm run build`, or null when it has not been built. Looked up from
 * this file both in the sources (tests) and in dist/ (npm start), which sit at different depths.
 */
export function dashboardDirectory(): string | null {
  for (let directory = __dirname, depth = 0; depth < 6; directory = path.dirname(directory), depth += 1) {
    const candidate = path.join(directory, 'apps', 'dashboard', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}
