import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type IntegrityReport, loadAppConfig } from '@app/application';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { startProgress } from '../progress';
import {
  keysBackupOf,
  requireEmbeddedStore,
  requireSqliteKeyStore,
  requireSqliteStore,
  verifyStoreFile,
} from './store-file';

interface BackupOptions {
  force?: boolean;
}

/** `backup <file>`: a consistent copy of the store, safe while the api keeps writing. */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a consistent copy of the event store to a new file and of the key store to <file>.keys, online (the api may keep running and writing), then verify the copy.',
    )
    .argument('<file>', 'the backup file to create')
    .option('--force', 'replace the file when it exists')
    .action(async (file: string, options: BackupOptions) => {
      requireEmbeddedStore(loadAppConfig());
      const target = path.resolve(file);
      if (existsSync(target) && statSync(target).size > 0) {
        if (options.force !== true)
          throw new CliError(`${target} exists; choose a new file or pass --force`, EXIT.refused);
        rmSync(target);
        rmSync(keysBackupOf(target), { force: true });
      }
      const progress = startProgress('Backing up', 2);
      let report: IntegrityReport;
      try {
        await withApplication(
          async (app, config) => {
            await requireSqliteStore(app, config).backupTo(target);
            // After the events: every key an event in the copy needs was written before it.
            await requireSqliteKeyStore(app).backupTo(keysBackupOf(target));
          },
          { seedOnStartup: false },
        );
        progress.update(1);
        report = await verifyStoreFile(target);
        progress.update(2);
      } finally {
        progress.stop();
      }
      if (!report.ok)
        throw new CliError(`the backup does not verify: ${report.message ?? ''}`, EXIT.integrityBroken);
      console.error(
        `backed up ${report.checkedEvents} event(s) to ${target} and the keys to ${keysBackupOf(target)}; integrity ok`,
      );
    });
}
