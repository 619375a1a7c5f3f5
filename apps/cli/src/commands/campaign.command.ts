import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  CampaignReader,
  InviteRatersCommand,
  type IssuedInvitationResult,
  SYSTEM_CONTEXT,
  type CommandContext,
  type RaterInvitationView,
} from '@app/application';
import {
  DomainError,
  fileLineOf,
  linksFileRecords,
  peopleFromRecords,
  type PersonOfFile,
  raterLink,
} from '@app/domain';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { ACTOR_OPTION_DESCRIPTION, cliActorOrUnknown } from '../operator-actor';
import { writeWhole } from './write-whole';

interface InviteOptions {
  assessment: string;
  file: string;
  out?: string;
  origin?: string;
  expiresAt?: string;
  commandId?: string;
  actor?: string;
}

interface CampaignOptions {
  assessment: string;
  org?: string;
  all?: boolean;
}

// As with tokens: whoever can run the cli can read DATA_DIR, so it may invite; the events name
// who ran it (operator-actor).
const operatorContext = (commandId: string | undefined, actor: string | undefined): CommandContext => ({
  ...SYSTEM_CONTEXT,
  actor: cliActorOrUnknown(actor),
  commandId: commandId ?? null,
});

/** `invite` and `campaign`: a campaign from the command line, through the api's own handlers. */
export function registerCampaignCommands(program: Command): void {
  program
    .command('invite')
    .description(
      "Invite the people of a people file to answer an open assessment, all or none, and print their links as CSV (the page's links file). The links are shown this once: only their hashes are stored.",
    )
    .requiredOption('--assessment <id>', 'the open assessment')
    .requiredOption(
      '--file <people.csv>',
      'columns label,source,raterFunction,functions (lists separated by ;), optionally capabilities and respondent',
    )
    .option('--out <links.csv>', 'write the links to this file instead of printing them')
    .option(
      '--origin <url>',
      'where raters open the page, e.g. https://maturity.example.org (default: http://localhost:PORT)',
    )
    .option('--expires-at <date-time>', 'the links stop working then (ISO-8601); default: never')
    .option('--command-id <id>', 'makes the invitation idempotent: the same id again invites nobody twice')
    .option('--actor <name>', ACTOR_OPTION_DESCRIPTION)
    .action(async (options: InviteOptions) => {
      const context = operatorContext(options.commandId, options.actor);
      const origin = originOf(options.origin);
      const people = await readPeopleFile(options.file);
      const issued = await withApplication(
        (app, config) =>
          app
            .get(CommandBus)
            .execute(new InviteRatersCommand(options.assessment, people, options.expiresAt ?? null, context))
            .then((result) => ({ result, origin: origin ?? `http://localhost:${config.port || 3000}` }))
            .catch((error: unknown) => {
              throw pointAtTheFile(error, options.file, people);
            }),
        { seedOnStartup: false },
      );
      const body = linksFile(issued.result, issued.origin);
      if (options.out === undefined) {
        process.stdout.write(body);
      } else {
        await writeWhole(options.out, Buffer.from(`\uFEFF${body}`, 'utf8'));
      }
      process.stderr.write(
        `invited ${issued.result.length} ${issued.result.length === 1 ? 'person' : 'people'}${
          options.out === undefined ? '' : `; links written to ${options.out}`
        }. The links are shown this once: keep them until they are sent.\n`,
      );
    });

  program
    .command('campaign')
    .description("Print an assessment campaign's progress: overall, by function and by invitation.")
    .requiredOption('--assessment <id>', 'the assessment')
    .option('--org <id>', 'the organisation the assessment must belong to (refused otherwise)')
    .option('--all', "also list the links replaced by new ones or revoked (each person's old rows)")
    .action(async (options: CampaignOptions) => {
      const { progress, invitations } = await withApplication(
        async (app) => {
          const reader = app.get(CampaignReader);
          const assessment = await reader.requireAssessment(options.assessment);
          // Answered as an unknown id, as the api answers an id of another organisation.
          if (options.org !== undefined && assessment.organizationId !== options.org)
            throw new CliError(
              `--assessment: organisation "${options.org}" has no assessment "${options.assessment}"; leave --org out or name the assessment's organisation`,
              EXIT.refused,
            );
          return {
            progress: await reader.progress(options.assessment),
            invitations: await reader.invitations(options.assessment),
          };
        },
        { seedOnStartup: false },
      );
      // After "New links for all" every person has a revoked link beside the new one, with the
      // same answers (answers belong to the person): listed once unless asked, as on the page.
      const shown =
        options.all === true ? invitations : invitations.filter(({ status }) => status !== 'REVOKED');
      const hidden = invitations.length - shown.length;
      const lines = [
        `assessment ${progress.assessmentId}: ${progress.invited} invited, ${progress.started} started, ${progress.completed} completed; answered ${progress.answered} of ${progress.expected}; ${progress.notSure} not sure; ${progress.finished} finished (answered or not sure on every question)`,
        '',
        table(
          ['function', 'answered', 'not sure', 'expected'],
          progress.byFunction.map((row) => [
            row.functionId,
            String(row.answered),
            String(row.notSure),
            String(row.expected),
          ]),
        ),
        '',
        table(
          ['respondent', 'label', 'source', 'status', 'answered', 'not sure', 'expected', 'last answer'],
          shown.map(invitationRow),
        ),
        ...(hidden > 0 ? [`${hidden} revoked link(s) not listed: --all lists them`] : []),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

function originOf(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  if (!/^https?:\/\/[^/\s]+\/?$/i.test(given))
    throw new CliError(
      `--origin must be a scheme and host such as https://maturity.example.org, not "${given}"`,
      EXIT.usage,
    );
  return given;
}

async function readPeopleFile(file: string): Promise<PersonOfFile[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.usage,
    );
  }
  try {
    // Blank lines are kept (and skipped by the reader) so a refusal names the file's own line.
    const records: string[][] = parse(content, { bom: true, relax_column_count: true });
    return peopleFromRecords(records);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new CliError(
      `${file} cannot be read as CSV: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.refused,
    );
  }
}

/** A refusal of the n-th invitation is a refusal of a line of the file: say which. */
function pointAtTheFile(error: unknown, file: string, people: readonly PersonOfFile[]): unknown {
  if (!(error instanceof DomainError)) return error;
  const line = fileLineOf(error.field, people);
  return line === null ? error : new CliError(`${file}, ${line}: ${error.message}`, EXIT.refused);
}

function linksFile(issued: readonly IssuedInvitationResult[], origin: string): string {
  return stringify(
    linksFileRecords(
      issued.map(({ invitation, token }) => ({ ...invitation, link: raterLink(origin, token) })),
    ),
  );
}

function invitationRow(invitation: RaterInvitationView): string[] {
  return [
    invitation.respondentId,
    invitation.labelErased ? '(erased)' : (invitation.label ?? ''),
    invitation.raterFunctionId === null
      ? invitation.source
      : `${invitation.source} from ${invitation.raterFunctionId}`,
    invitation.status,
    String(invitation.answered),
    String(invitation.notSure),
    String(invitation.expected),
    invitation.lastAnsweredAt ?? '-',
  ];
}

/** Columns padded to their widest cell, numbers right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        /^\d+$/.test(cell) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
