// `import <file.csv> --assessment <id>`: ratings into an assessment by the command the page's import
// sends (RecordRatings). Every rating is first checked by the command handler's own rules, appending
// nothing, with progress; then all are recorded in one append, or none. The commandId is the
// file's content, so running the same file again appends nothing twice.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { AssessmentCommandHandler, AssessmentReader, type CommandContext } from '@app/application';
import {
  DomainError,
  firstLineOfRecord,
  MAX_RATINGS_PER_CALL,
  type RatingOfFile,
  ratingFileLineOf,
  ratingsFromRecords,
} from '@app/domain';
import { CliError, EXIT } from '../exit-codes';
import { startProgress } from '../progress';

const REPORTED_BAD_ROWS = 50;
/** How many ratings are checked at once, so a large file shows progress (as the page does). */
const CHECK_CHUNK_SIZE = 500;

export interface RatingsImport {
  ratings: number;
  /** This very file had already been recorded into the assessment: nothing was appended. */
  repeated: boolean;
}

export async function importRatings(
  app: INestApplicationContext,
  file: string,
  assessmentId: string,
  actor: string,
): Promise<RatingsImport> {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`, EXIT.usage);
  const content = readFileSync(file, 'utf8');
  const ratings = parseRatings(content);
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
  if (ratings.length > MAX_RATINGS_PER_CALL)
    throw new CliError(
      `the file holds ${ratings.length} ratings and at most ${MAX_RATINGS_PER_CALL} are recorded at once; split it into files of at most ${MAX_RATINGS_PER_CALL} ratings; nothing was written`,
      EXIT.refused,
    );
  const handler = app.get(AssessmentCommandHandler);
  const problems = await refusedLines(handler, assessmentId, ratings);
  if (problems.length > 0) {
    for (const problem of problems.slice(0, REPORTED_BAD_ROWS)) console.error(problem);
    if (problems.length > REPORTED_BAD_ROWS)
      console.error(`... and ${problems.length - REPORTED_BAD_ROWS} more`);
    throw new CliError(
      `${problems.length} of ${ratings.length} row(s) refused (${problems
        .map((problem) => problem.split(/[,:]/)[0])
        .slice(0, 10)
        .join(', ')}); nothing was written`,
      EXIT.refused,
    );
  }
  const fileDigest = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const context: CommandContext = {
    actor,
    role: 'ADMIN',
    commandId: `ratings-file-${fileDigest}`,
    correlationId: `ratings-file-${fileDigest}`,
  };
  const { repeated } = await handler.run(
    assessmentId,
    { type: 'RecordRatings', data: { ratings: ratings.map(({ rating }) => rating) } },
    context,
  );
  return { ratings: ratings.length, repeated };
}

function parseRatings(content: string): RatingOfFile[] {
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
    );
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message, EXIT.refused);
    throw error;
  }
}

/** Every rating recording would refuse, as `line 4, column level: why`, checked chunk by chunk. */
async function refusedLines(
  handler: AssessmentCommandHandler,
  assessmentId: string,
  ratings: readonly RatingOfFile[],
): Promise<string[]> {
  const progress = startProgress(`Checking ratings for ${assessmentId}`, ratings.length);
  const problems: string[] = [];
  try {
    for (let start = 0; start < ratings.length; start += CHECK_CHUNK_SIZE) {
      const chunk = ratings.slice(start, start + CHECK_CHUNK_SIZE);
      const refused = await handler.refusedRatings(
        assessmentId,
        chunk.map(({ rating }) => rating),
      );
      for (const { index, refusal } of refused) {
        const where =
          ratingFileLineOf(refusal.field, ratings, start + index) ?? `line ${chunk[index]?.line ?? '?'}`;
        problems.push(`${where}: ${refusal.message}`);
      }
      progress.update(start + chunk.length);
    }
  } finally {
    progress.stop();
  }
  return problems;
}
