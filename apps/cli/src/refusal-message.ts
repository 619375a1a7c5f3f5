/**
 * The options whose name is not the api field they carry. Any other field whose kebab-case name
 * is an option of the command (`asOf` and `--as-of`, `role` and `--role`) needs no entry.
 */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  organizationId: '--org',
  organizationIds: '--org',
  respondentId: '--respondent',
  assessmentId: '--assessment',
};

/** An option of the command that ran, as commander describes it. */
export interface CommandOption {
  readonly long?: string;
}

/**
 * The option that carried a refused field on this command, or null when the field came from
 * elsewhere (a file's row, an argument, a default): the user typed the option, not the api's name.
 */
export function optionOfField(field: string, options: readonly CommandOption[]): string | null {
  const option =
    OPTION_OF_FIELD[field] ?? `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return options.some((candidate) => candidate.long === option) ? option : null;
}

/**
 * One line for a refusal: named by the option the user typed when the command has one for the
 * field (the leading field name of the message becomes the option), else by the api field.
 */
export function refusalMessage(
  message: string,
  field: string | undefined,
  options: readonly CommandOption[],
): string {
  if (field === undefined || field === '') return `error: ${message}`;
  const option = optionOfField(field, options);
  if (option === null) return `error: ${message} (field: ${field})`;
  const leadingField = new RegExp(`^${field.replace(/[^A-Za-z0-9]/g, '\\$&')}\\b`);
  return leadingField.test(message)
    ? `error: ${message.replace(leadingField, option)}`
    : `error: ${message} (option: ${option})`;
}
