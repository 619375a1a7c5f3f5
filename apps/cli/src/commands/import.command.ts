import type { Command } from 'commander';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { importEvents } from './import-events';
import { OPTIONAL_RATING_FILE_COLUMNS, RATING_FILE_COLUMNS } from '@app/domain';
import { ACTOR_OPTION_DESCRIPTION, cliActorOrUnknown } from '../operator-actor';
import { importRatings } from './import-ratings';

interface ImportOptions {
  assessment?: string;
  actor?: string;
}

/** `import <file>`: an export into an empty store, or a CSV of ratings into an assessment. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      `Import an NDJSON export into an EMPTY store, exactly as recorded (ids, revisions, recordedAt, hashes), after verifying every chain; or, with --assessment, a CSV of ratings (header ${RATING_FILE_COLUMNS.join(',')}, optional ${OPTIONAL_RATING_FILE_COLUMNS.join(',')}) into that assessment, every row checked first and then all recorded in one append; the same file run again appends nothing. Nothing is written when anything is refused (exit ${EXIT.refused}).`,
    )
    .argument('<file>', 'an NDJSON file written by `export`, or a CSV of ratings with --assessment')
    .option('--assessment <id>', 'record the CSV ratings into this open assessment')
    .option('--actor <name>', `with --assessment: ${ACTOR_OPTION_DESCRIPTION}`)
    .action(async (file: string, options: ImportOptions) => {
      const assessmentId = options.assessment;
      if (assessmentId === undefined) {
        if (file.toLowerCase().endsWith('.csv'))
          throw new CliError('a CSV of ratings needs --assessment <id>', EXIT.usage);
        if (options.actor !== undefined)
          throw new CliError(
            '--actor goes with --assessment: an export is imported exactly as recorded, each event with its own actor',
            EXIT.usage,
          );
        // The store must stay untouched before the import: nothing is seeded at start.
        const { imported, report } = await withApplication((app) => importEvents(app, file), {
          seedOnStartup: false,
        });
        console.error(
          `imported ${imported} event(s); integrity: ${report.ok ? 'ok' : 'BROKEN'} (${report.message ?? ''})`,
        );
        if (!report.ok) throw new CliError(report.message ?? 'integrity broken', EXIT.integrityBroken);
        return;
      }
      const actor = cliActorOrUnknown(options.actor);
      const { ratings, repeated } = await withApplication((app) =>
        importRatings(app, file, assessmentId, actor),
      );
      console.error(
        repeated
          ? `the ${ratings} rating(s) of ${file} were already recorded into assessment ${assessmentId}; nothing was appended`
          : `recorded ${ratings} rating(s) into assessment ${assessmentId}`,
      );
    });
}
