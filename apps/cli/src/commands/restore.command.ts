import { chmodSync, copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { type IntegrityReport, loadAppConfig } from '@app/application';
import {
  EVENT_STORE,
  EventStoreCorruptError,
  type EventStore,
  isHeldOpenElsewhere,
  SQLITE_EVENT_STORE_FILE_NAME,
} from '@app/event-store';
import { READ_MODELS_FILE_NAME } from '@app/projections';
import { SQLITE_KEY_STORE_FILE_NAME } from '@app/key-store';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { startProgress } from '../progress';
import { keysBackupOf, requireEmbeddedStore, requireSqliteStore, verifyStoreFile } from './store-file';

interface RestoreOptions {
  force?: boolean;
  withoutKeys?: boolean;
}

/** `restore <file>`: a verified backup becomes the store in DATA_DIR. */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      `Replace the store in DATA_DIR with a backup, after verifying the backup's integrity (exit ${EXIT.integrityBroken} when it is broken or damaged). Refuses a non-empty store unless --force, and a backup without its .keys file unless --without-keys (exit ${EXIT.refused}). Refuses while a running api holds the store (exit ${EXIT.unavailable}): stop the api first.`,
    )
    .argument('<file>', 'a backup written by `backup`')
    .option('--force', 'replace a store that already holds events')
    .option(
      '--without-keys',
      'restore a backup that has no <file>.keys beside it: evidence sealed before it then stays unreadable',
    )
    .action(async (file: string, options: RestoreOptions) => {
      requireEmbeddedStore(loadAppConfig());
      const backup = path.resolve(file);
      if (!existsSync(backup))
        throw new CliError(`no backup file at ${backup}; nothing was restored`, EXIT.usage);
      if (!existsSync(keysBackupOf(backup)) && options.withoutKeys !== true)
        throw new CliError(
          `the backup has no key store beside it (${keysBackupOf(backup)}), so the evidence it seals could not be read after restoring; nothing was restored. Put the .keys file written with the backup next to it, or pass --without-keys to restore the events alone.`,
          EXIT.refused,
        );
      const progress = startProgress('Restoring', 3);
      // Checked on a private copy: opening a store file may touch it, and the backup stays as it was.
      const scratch = mkdtempSync(path.join(tmpdir(), 'maturity-restore-'));
      try {
        const copy = path.join(scratch, SQLITE_EVENT_STORE_FILE_NAME);
        copyFileSync(backup, copy);
        const report = await verifyBackupCopy(copy, backup);
        progress.update(1);
        if (!report.ok)
          throw new CliError(
            `the backup does not verify, nothing was restored: ${report.message ?? ''}`,
            EXIT.integrityBroken,
          );
        const target = await withApplication(
          async (app, config) => {
            const head = await app.get<EventStore>(EVENT_STORE).headPosition();
            if (head > 0 && options.force !== true)
              throw new CliError(
                `the store in DATA_DIR holds ${head} event(s); nothing was restored. Pass --force to replace it.`,
                EXIT.refused,
              );
            return requireSqliteStore(app, config).file;
          },
          { seedOnStartup: false },
        );
        refuseWhileHeldOpen(target);
        progress.update(2);
        // Same directory, then rename: the store file is replaced whole or not at all.
        const staged = `${target}.restoring`;
        copyFileSync(copy, staged);
        // The read models describe the replaced store: dropped, they rebuild from the restored one.
        const readModels = path.join(path.dirname(target), READ_MODELS_FILE_NAME);
        for (const leftover of [
          `${target}-wal`,
          `${target}-shm`,
          readModels,
          `${readModels}-wal`,
          `${readModels}-shm`,
        ])
          rmSync(leftover, { force: true });
        renameSync(staged, target);
        restoreKeys(backup, path.dirname(target));
        progress.update(3);
        console.error(`restored ${report.checkedEvents} event(s) into ${target}; integrity ok`);
        // The backup cannot know of later erasures: whoever restores it must repeat them.
        console.error(
          'erasures recorded after this backup was made are not in it: run each of those `forget` commands again (docs/reference/personal-data.md, "Backups and exports made before an erasure")',
        );
      } finally {
        progress.stop();
        rmSync(scratch, { recursive: true, force: true });
      }
    });
}

/** The private copy of the backup, verified; a file that is no store at all is a damaged backup. */
async function verifyBackupCopy(copy: string, backup: string): Promise<IntegrityReport> {
  try {
    return await verifyStoreFile(copy);
  } catch (error) {
    if (error instanceof EventStoreCorruptError)
      throw new CliError(
        `the backup ${backup} is damaged or not a store written by \`backup\`; nothing was restored. Restore an earlier backup.`,
        EXIT.integrityBroken,
      );
    throw error;
  }
}

/** A running api keeps the store open; replacing the file under it would leave it refusing every request. */
function refuseWhileHeldOpen(target: string): void {
  if (isHeldOpenElsewhere(target))
    throw new CliError(
      `another process holds ${target} open (is the api running on this DATA_DIR?); nothing was restored. Stop it, then restore again.`,
      EXIT.unavailable,
    );
}

/** The backup's key store replaces keys.db; --without-keys leaves keys.db as it was. */
function restoreKeys(backup: string, dataDir: string): void {
  const keys = keysBackupOf(backup);
  const target = path.join(dataDir, SQLITE_KEY_STORE_FILE_NAME);
  if (!existsSync(keys)) {
    console.error(`the backup has no key store (${keys}); ${target} was left as it was (--without-keys)`);
    return;
  }
  const staged = `${target}.restoring`;
  copyFileSync(keys, staged);
  chmodSync(staged, 0o600);
  for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
  renameSync(staged, target);
}
