import { Command, CommanderError } from 'commander';
import { DomainError } from '@app/domain';
import { CliError, EXIT } from './exit-codes';
import { registerCommands } from './commands';

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name('npm run cli --')
    .description(
      'Operate the customer-centricity maturity platform: demo data, import/export, audit, rebuild, backup.',
    )
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
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
    if (error instanceof DomainError) {
      console.error(`error: ${error.message}${error.field ? ` (field: ${error.field})` : ''}`);
      return EXIT.refused;
    }
    console.error(error instanceof Error ? `error: ${error.message}` : error);
    return EXIT.failure;
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
