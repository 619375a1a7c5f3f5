import { chmodSync, copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { EVENT_STORE, type EventStore, SQLITE_EVENT_STORE_FILE_NAME } from '@app/event-store';
import { READ_MODELS_FILE_NAME } from '@app/projections';
import { SQLITE_KEY_STORE_FILE_NAME } from '@app/key-store';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { startProgress } from '../progress';
import { keysBackupOf, requireSqliteStore, verifyStoreFile } from './store-file';

interface RestoreOptions {
  force?: boolean;
}

/** `restore <file>`: a verified backup becomes the store in DATA_DIR. */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      `Replace the store in DATA_DIR with a backup, after verifying the backup's integrity (exit ${EXIT.integrityBroken} when it is broken). Refuses a non-empty store unless --force (exit ${EXIT.refused}). Stop the api first.`,
    )
    .argument('<file>', 'a backup written by `backup`')
    .option('--force', 'replace a store that already holds events')
    .action(async (file: string, options: RestoreOptions) => {
      const progress = startProgress('Restoring', 3);
      // Checked on a private copy: opening a store file may touch it, and the backup stays as it was.
      const scratch = mkdtempSync(path.join(tmpdir(), 'maturity-restore-'));
      try {
        const copy = path.join(scratch, SQLITE_EVENT_STORE_FILE_NAME);
        copyFileSync(path.resolve(file), copy);
        const report = await verifyStoreFile(copy);
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
        restoreKeys(path.resolve(file), path.dirname(target));
        progress.update(3);
        console.error(`restored ${report.checkedEvents} event(s) into ${target}; integrity ok`);
      } finally {
        progress.stop();
        rmSync(scratch, { recursive: true, force: true });
      }
    });
}

/** The backup's key store replaces keys.db; a backup made before keys existed has none. */
function restoreKeys(backup: string, dataDir: string): void {
  const keys = keysBackupOf(backup);
  const target = path.join(dataDir, SQLITE_KEY_STORE_FILE_NAME);
  if (!existsSync(keys)) {
    console.error(
      `the backup has no key store (${keys}); ${target} was left as it was, and evidence sealed after that backup cannot be read`,
    );
    return;
  }
  const staged = `${target}.restoring`;
  copyFileSync(keys, staged);
  chmodSync(staged, 0o600);
  for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
  renameSync(staged, target);
}
