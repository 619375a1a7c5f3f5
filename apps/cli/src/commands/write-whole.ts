import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, EXIT } from '../exit-codes';

/** Beside the target, then renamed over it: a reader never sees half a file (a report, the links). */
export async function writeWhole(target: string, body: Buffer): Promise<void> {
  const partial = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    await writeFile(partial, body, { flag: 'wx' });
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw new CliError(
      `could not write ${target}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.failure,
    );
  }
}
