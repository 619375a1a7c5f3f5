import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { ExecutePersonalDataCommand, SYSTEM_CONTEXT } from '@app/application';
import { withApplication } from '../cli-runtime';
import { CliError, EXIT } from '../exit-codes';
import { ACTOR_OPTION_DESCRIPTION, requireCliActor } from '../operator-actor';

interface ForgetOptions {
  org: string;
  respondent: string;
  reason: string;
  yes?: boolean;
  actor?: string;
}

/** `forget --org --respondent --reason`: forgetRespondent from the command line (docs/reference/personal-data.md). */
export function registerForgetCommand(program: Command): void {
  program
    .command('forget')
    .description(
      "Forget a respondent: record it (who ran it, when, why) and destroy the respondent's key, so all their evidence reads as erased. Levels and scores stay; verify still passes. Irreversible: asks to confirm unless --yes.",
    )
    .requiredOption('--org <id>', 'the organisation')
    .requiredOption('--respondent <id>', 'the respondent to forget')
    .requiredOption('--reason <text>', 'why, e.g. the request reference (kept in the history: never a name)')
    .option('--yes', 'do not ask to confirm (scripts)')
    .option('--actor <name>', `${ACTOR_OPTION_DESCRIPTION}; refused when neither names anyone`)
    .action(async (options: ForgetOptions) => {
      // Asked first: an erasure nobody can be named for is refused before anything else.
      const actor = requireCliActor(options.actor, 'forget');
      if (options.yes !== true) await confirm(options);
      await withApplication(
        (app) =>
          app.get(CommandBus).execute(
            new ExecutePersonalDataCommand(
              options.org,
              {
                type: 'ForgetRespondent',
                data: { respondentId: options.respondent, reason: options.reason },
              },
              { ...SYSTEM_CONTEXT, actor },
            ),
          ),
        { seedOnStartup: false },
      );
      console.error(
        `forgot respondent ${options.respondent} of ${options.org}: their evidence now reads as erased`,
      );
    });
}

async function confirm({ org, respondent }: ForgetOptions): Promise<void> {
  if (!process.stdin.isTTY)
    throw new CliError('forget cannot be undone: pass --yes to confirm when not at a terminal', EXIT.usage);
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await terminal.question(
      `This destroys the key of respondent ${respondent} of ${org}; their evidence cannot be read again. Type the respondent id to confirm: `,
    );
    if (answer.trim() !== respondent)
      throw new CliError('not confirmed; nothing was forgotten', EXIT.refused);
  } finally {
    terminal.close();
  }
}
