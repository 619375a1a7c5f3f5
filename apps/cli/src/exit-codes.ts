import { EXIT } from '@app/application';

// The exit codes, beside the failure kinds they come from, live in the one table of failures.
export { EXIT };

/** An error the CLI reports in one line, with its exit code, instead of a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
