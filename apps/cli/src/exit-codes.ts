/** Exit codes scripts can trust. */
export const EXIT = {
  ok: 0,
  /** Something failed that the user cannot fix by changing the command (a bug, a broken disk). */
  failure: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** The input was refused (bad rows, unknown ids); nothing was written. */
  refused: 3,
  /** An integrity check found a broken chain or hash. */
  integrityBroken: 4,
} as const;

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
