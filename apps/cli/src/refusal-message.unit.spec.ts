// A refusal names the option the user typed on the command that ran, not the api field behind it.
import { Command } from 'commander';
import { registerCommands } from './commands';
import { refusalMessage } from './refusal-message';

function optionsOf(...path: string[]): Command['options'] {
  const program = new Command();
  registerCommands(program);
  let command = program;
  for (const name of path) {
    const found = command.commands.find((candidate) => candidate.name() === name);
    if (found === undefined) throw new Error(`no command ${path.join(' ')}`);
    command = found;
  }
  return command.options;
}

describe('refusalMessage', () => {
  it('should name --as-of, not asOf, for a malformed date given to replay', () => {
    expect(
      refusalMessage(
        'asOf must be an ISO-8601 date or date-time such as 2024-03-31',
        'asOf',
        optionsOf('replay'),
      ),
    ).toBe('error: --as-of must be an ISO-8601 date or date-time such as 2024-03-31');
  });

  it.each([
    [['replay'], 'knownAt', '--known-at'],
    [['report'], 'organizationId', '--org'],
    [['forget'], 'respondentId', '--respondent'],
    [['forget'], 'organizationId', '--org'],
    [['campaign'], 'assessmentId', '--assessment'],
    [['invite'], 'expiresAt', '--expires-at'],
    [['token', 'issue'], 'organizationIds', '--org'],
    [['token', 'issue'], 'role', '--role'],
  ])('should name on %j the field %s by its option %s', (path, field, option) => {
    expect(refusalMessage(`${field}: is wrong`, field, optionsOf(...path))).toBe(
      `error: ${option}: is wrong`,
    );
  });

  it('should append the option when the message does not begin with the field', () => {
    expect(refusalMessage('no such organisation is registered', 'organizationId', optionsOf('forget'))).toBe(
      'error: no such organisation is registered (option: --org)',
    );
  });

  it('should keep the field when the command has no option carrying it', () => {
    expect(refusalMessage('organizationId: unknown', 'organizationId', optionsOf('import'))).toBe(
      'error: organizationId: unknown (field: organizationId)',
    );
    expect(refusalMessage('level must be 1 to 5', 'ratings[3].level', optionsOf('import'))).toBe(
      'error: level must be 1 to 5 (field: ratings[3].level)',
    );
  });

  it('should print a message without a field as it is', () => {
    expect(refusalMessage('the store is busy', undefined, optionsOf('replay'))).toBe(
      'error: the store is busy',
    );
  });
});
