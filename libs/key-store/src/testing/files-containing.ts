// Proof for tests that erased data left no trace: every byte of every file under a directory is
// searched for the given bytes (text is searched as UTF-8).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The files under `directory` (recursively) whose bytes contain `needle`, relative to it. */
export function filesContaining(directory: string, needle: Buffer | string): string[] {
  const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
  const found: string[] = [];
  for (const file of filesUnder(directory)) {
    if (readFileSync(file).includes(bytes)) found.push(path.relative(directory, file));
  }
  return found;
}

/** Every regular file under `directory`, recursively. */
export function filesUnder(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
