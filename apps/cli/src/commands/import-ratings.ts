// `import <file.csv> --assessment <id>`: ratings into an assessment through the command bus. Every
// row is first decided by the command handler in a dry run (nothing appended), and nothing is
// written when any row is bad.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { parse } from 'csv-parse/sync';
import {
  AssessmentCommandHandler,
  AssessmentReader,
  type CommandContext,
  ExecuteAssessmentCommand,
} from '@app/application';
import { DomainError, firstLineOfRecord, ratingsFromRecords, type RecordRating } from '@app/domain';
import { CliError, EXIT } from '../exit-codes';
import { startProgress } from '../progress';

const REPORTED_BAD_ROWS = 50;

interface RatingRow {
  lineNumber: number;
  command: RecordRating;
}

export async function importRatings(
  app: INestApplicationContext,
  file: string,
  assessmentId: string,
): Promise<number> {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`, EXIT.usage);
  const content = readFileSync(file, 'utf8');
  const rows = parseRows(content);
  const assessment = await app.get(AssessmentReader).find(assessmentId);
  if (assessment === null)
    throw new CliError(
      `--assessment: no assessment "${assessmentId}" has been opened; nothing was written`,
      EXIT.refused,
    );
  if (assessment.status === 'CLOSED')
    throw new CliError(
      `--assessment: assessment "${assessmentId}" is CLOSED; ratings change only by correction; nothing was written`,
      EXIT.refused,
    );
  if (assessment.status === 'WITHDRAWN')
    throw new CliError(
      `--assessment: assessment "${assessmentId}" was withdrawn; it takes no more ratings; nothing was written`,
      EXIT.refused,
    );
  // The handler's own decision, appending nothing: every row is checked before any is written.
  const decisions = await app.get(AssessmentCommandHandler).dryRun(
    assessmentId,
    rows.map((row) => row.command),
  );
  const problems = rows.flatMap((row, index) => {
    const decision = decisions[index];
    return decision?.accepted === false ? [`line ${row.lineNumber}: ${decision.refusal.message}`] : [];
  });
  if (problems.length > 0) {
    for (const problem of problems.slice(0, REPORTED_BAD_ROWS)) console.error(problem);
    if (problems.length > REPORTED_BAD_ROWS)
      console.error(`... and ${problems.length - REPORTED_BAD_ROWS} more`);
    throw new CliError(
      `${problems.length} of ${rows.length} row(s) refused (${problems
        .map((problem) => problem.split(':')[0])
        .slice(0, 10)
        .join(', ')}); nothing was written`,
      EXIT.refused,
    );
  }
  await record(
    app.get(CommandBus),
    assessmentId,
    rows,
    createHash('sha256').update(content).digest('hex').slice(0, 16),
    file,
  );
  return rows.length;
}

function parseRows(content: string): RatingRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true each record comes with where it was read (the typings do not say so).
    records = parse(content, {
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new CliError(
      `the CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.refused,
    );
  }
  try {
    // What the records mean is the file's one rule, shared with the page's import.
    return ratingsFromRecords(
      records.map(({ record, info }) => ({ cells: record, line: firstLineOfRecord(record, info.lines) })),
    ).map(({ line, rating }) => ({ lineNumber: line, command: { type: 'RecordRating', data: rating } }));
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message, EXIT.refused);
    throw error;
  }
}

async function record(
  bus: CommandBus,
  assessmentId: string,
  rows: readonly RatingRow[],
  fileDigest: string,
  file: string,
): Promise<void> {
  const progress = startProgress(`Recording ratings into ${assessmentId}`, rows.length);
  try {
    for (const [index, row] of rows.entries()) {
      // One commandId per file line: running the same import again after a crash appends nothing twice.
      const context: CommandContext = {
        actor: `cli import ${path.basename(file)}`,
        role: 'ADMIN',
        commandId: `csv-${fileDigest}-${row.lineNumber}`,
        correlationId: `csv-${fileDigest}`,
      };
      await bus.execute(new ExecuteAssessmentCommand(assessmentId, row.command, context));
      progress.update(index + 1);
    }
  } finally {
    progress.stop();
  }
}
