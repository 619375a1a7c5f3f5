// A small tmpfs as a data directory: a real ENOSPC or EROFS, which is what production meets (root
// ignores chmod). Mounting needs root with CAP_SYS_ADMIN; where it is not allowed the fault specs
// say so and skip. A run killed half-way leaves a mount behind: see docs/contributing.md.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs mount with these arguments; false when it refuses. */
export function mount(...args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether this process may mount, resize and remount read-only a tmpfs (probed once, then said). */
export function canMountTmpfs(): boolean {
  const probe = mkdtempSync(path.join(tmpdir(), 'mount-probe-'));
  const allowed =
    mount('-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe) &&
    mount('-o', 'remount,ro', probe) &&
    (execFileSync('umount', [probe]), true);
  rmSync(probe, { recursive: true, force: true });
  if (!allowed)
    console.warn(
      'disk fault tests skipped: this environment may not mount a tmpfs (needs root with CAP_SYS_ADMIN)',
    );
  return allowed;
}

/** A new directory under the system's temporary one (named fault-disk-…) with a tmpfs of `size` on it. */
export function mountTmpfs(size: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'fault-disk-'));
  if (!mount('-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', directory)) throw new Error('mount failed');
  return directory;
}

export function unmountTmpfs(directory: string): void {
  mount('-o', 'remount,rw', directory);
  execFileSync('umount', [directory]);
  rmSync(directory, { recursive: true, force: true });
}

/** Writes `file` until the disk refuses (ENOSPC): nothing else on it can grow afterwards. */
export function fillDisk(file: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const descriptor = openSync(file, 'w');
  try {
    for (;;) {
      try {
        writeSync(descriptor, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    // The last pages: byte by byte, up to the very end.
    for (;;) {
      try {
        writeSync(descriptor, chunk, 0, 1);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
        throw error;
      }
    }
  } finally {
    closeSync(descriptor);
  }
}
