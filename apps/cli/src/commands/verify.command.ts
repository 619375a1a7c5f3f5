import type { Command } from 'commander';
import { type IntegrityReport, IntegrityService } from '@app/application';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { startProgress } from '../progress';

interface VerifyOptions {
  org?: string;
  since?: string;
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
    .option(
      '--since <fingerprint>',
      'a fingerprint printed by an earlier check (v1:<head>:<count>:<digest>): also fail when anything up to its head changed or vanished',
    )
    .option('--json', 'print the report as JSON')
    .action(async (options: VerifyOptions) => {
      const report = await withApplication(
        async (app) => {
          const progress = startProgress('Verifying', 0);
          try {
            return await app.get(IntegrityService).verify(
              options.org ?? null,
              (checked, total) => {
                progress.setTotal(total);
                progress.update(checked);
              },
              options.since ?? null,
            );
          } finally {
            progress.stop();
          }
        },
        { seedOnStartup: false },
      );
      if (options.json === true) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write(reportLines(report));
      if (!report.ok) throw new CliError(`integrity broken: ${whereBroken(report)}`, EXIT.integrityBroken);
    });
}

function reportLines(report: IntegrityReport): string {
  const lines = [
    `${report.ok ? 'ok' : 'BROKEN'}: ${report.checkedEvents} event(s) checked. ${report.message ?? ''}`,
  ];
  if (report.limit !== null) lines.push(`limit: ${report.limit}`);
  if (report.fingerprint !== null)
    lines.push(
      `fingerprint (keep it; pass it back with --since): ${report.fingerprint.text}`,
      `  head position ${report.fingerprint.headPosition}, ${report.fingerprint.eventCount} event(s), checked ${report.fingerprint.checkedAt}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The stream and revision when a chain names them; otherwise what the check found. */
function whereBroken(report: IntegrityReport): string {
  if (report.firstBrokenStream !== null)
    return `stream ${report.firstBrokenStream} revision ${report.firstBrokenRevision ?? '?'}: ${report.message ?? ''}`;
  return report.message ?? 'see the report above';
}
