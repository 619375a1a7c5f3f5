import type { Command } from 'commander';
import { IntegrityService } from '@app/application';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { startProgress } from '../progress';

interface VerifyOptions {
  org?: string;
  json?: boolean;
}

/** `verify`: recomputes every hash and chain link over the events as recorded. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      `Recompute every hash and chain link over the events as recorded (no upcasting): the whole store, or one organisation. Exit ${EXIT.integrityBroken} when anything was modified, deleted or reordered.`,
    )
    .option('--org <id>', "only this organisation's streams")
    .option('--json', 'print the report as JSON')
    .action(async (options: VerifyOptions) => {
      const report = await withApplication(
        async (app) => {
          const progress = startProgress('Verifying', 0);
          try {
            return await app.get(IntegrityService).verify(options.org ?? null, (checked, total) => {
              progress.setTotal(total);
              progress.update(checked);
            });
          } finally {
            progress.stop();
          }
        },
        { seedOnStartup: false },
      );
      if (options.json === true) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else
        process.stdout.write(
          `${report.ok ? 'ok' : 'BROKEN'}: ${report.checkedEvents} event(s) checked. ${report.message ?? ''}\n`,
        );
      if (!report.ok)
        throw new CliError(
          `integrity broken at stream ${report.firstBrokenStream ?? '(unknown)'} revision ${report.firstBrokenRevision ?? '(unknown)'}`,
          EXIT.integrityBroken,
        );
    });
}
