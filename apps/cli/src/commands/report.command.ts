import type { Command } from 'commander';
import { REPORT_FORMATS, ReportDocuments, type ReportFormat } from '@app/application';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { writeWhole } from './write-whole';

interface ReportOptions {
  org: string;
  format: string;
  out: string;
  asOf?: string;
  knownAt?: string;
}

const isReportFormat = (format: string): format is ReportFormat =>
  (REPORT_FORMATS as readonly string[]).includes(format);

/** `report`: the maturity download of the api (CSV or XLSX) written to a file, without the api running. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      "Write an organisation's maturity report: as CSV one row per function x capability cell; as XLSX also the indices over time and the weakest links. The file appears whole or not at all.",
    )
    .requiredOption('--org <id>', 'the organisation')
    .requiredOption('--format <format>', REPORT_FORMATS.join(' or '))
    .requiredOption('--out <file>', 'the file to write (replaced if it exists)')
    .option('--as-of <date>', 'valid time: only assessments with periodEnd up to this date count')
    .option('--known-at <date>', 'transaction time: ignore every event recorded after this date')
    .action(async (options: ReportOptions) => {
      const { format } = options;
      if (!isReportFormat(format)) {
        throw new CliError(`--format must be ${REPORT_FORMATS.join(' or ')}, not "${format}"`, EXIT.usage);
      }
      const file = await withApplication(
        (app) =>
          app.get(ReportDocuments).maturityFile(options.org, format, {
            asOf: options.asOf ?? null,
            knownAt: options.knownAt ?? null,
          }),
        { seedOnStartup: false },
      );
      await writeWhole(options.out, file.body);
      console.error(`wrote ${file.body.length} bytes to ${options.out}`);
    });
}
