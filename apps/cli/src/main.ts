import { Command, CommanderError } from 'commander';
import { failureKindOf, OUTCOME_OF_FAILURE } from '@app/application';
import { DomainError } from '@app/domain';
import { CliError, EXIT } from './exit-codes';
import { registerCommands } from './commands';
import { refusalMessage } from './refusal-message';

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name('npm run cli --')
    .description(
      'Operate the customer-centricity maturity platform: demo data, import/export, audit, rebuild, backup, campaigns.',
    )
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  // The command that ran: a refusal is named by its options, which the user typed.
  let ran: Command = program;
  program.hook('preAction', (_program, actionCommand) => {
    ran = actionCommand;
  });
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      return error.exitCode;
    }
    console.error(
      error instanceof Error
        ? refusalMessage(error.message, error instanceof DomainError ? error.field : undefined, ran.options)
        : error,
    );
    // Refusals, a busy or damaged store, bugs: the exit code of their kind, from the one table.
    const kind = failureKindOf(error);
    return kind === null ? EXIT.failure : OUTCOME_OF_FAILURE[kind].exitCode;
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = EXIT.failure;
  },
);
