import type { Command } from 'commander';
import {
  coversSameScope,
  describeScope,
  type FingerprintScope,
  type IntegrityReport,
  IntegrityService,
  organizationScope,
  parseFingerprint,
} from '@app/application';
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
      'a fingerprint printed by an earlier check of the same scope (v2:org=<id>:<head>:<count>:<digest> needs --org <id>; v2:store:… none; the Audit page gives the first kind): also fail when anything up to its head changed or vanished',
    )
    .option('--json', 'print the report as JSON')
    .action(async (options: VerifyOptions) => {
      if (options.since !== undefined) requireScopeOfFingerprint(options.since, options.org);
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

/**
 * A fingerprint of another scope counts other events: comparing would report a tampering that
 * never happened, so the command line is refused, saying which --org it needs.
 */
function requireScopeOfFingerprint(since: string, org: string | undefined): void {
  const kept = parseFingerprint(since);
  const checked: FingerprintScope = org === undefined ? 'store' : organizationScope([org]);
  if (kept.scope === null || coversSameScope(kept, checked)) return;
  const fix =
    kept.scope === 'store'
      ? 'leave --org out'
      : kept.scope.organizationIds.length === 1
        ? `add --org ${kept.scope.organizationIds[0]}`
        : 'check it through the api with a token of exactly those organisations';
  throw new CliError(
    `--since: this fingerprint was kept from a check of ${describeScope(kept.scope)}, and this check covers ${describeScope(checked)}: they count different events and cannot be compared (nothing was checked); ${fix}`,
    EXIT.usage,
  );
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
