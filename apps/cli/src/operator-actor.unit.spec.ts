import { cliActor, type ActorSources, requireCliActor } from './operator-actor';
import { CliError, EXIT } from './exit-codes';

function sources(
  environment: Record<string, string | undefined>,
  loginName: string | null = null,
): ActorSources {
  return { environment, loginName: () => loginName, hostname: () => 'desk-7' };
}

describe('the actor a cli command records', () => {
  it('should record the name given with --actor, marked as the cli', () => {
    expect(cliActor('  alice@example.org ', sources({}, 'root'))).toBe('cli: alice@example.org');
  });

  it('should refuse a blank or overlong --actor as a usage error', () => {
    for (const named of ['', '   ', 'x'.repeat(201)]) {
      expect(() => cliActor(named, sources({}, 'root'))).toThrow(CliError);
      try {
        cliActor(named, sources({}, 'root'));
      } catch (error) {
        expect((error as CliError).exitCode).toBe(EXIT.usage);
        expect((error as CliError).message).toContain('--actor');
      }
    }
  });

  it('should default to the user sudo was run by, then the login user, at this host', () => {
    expect(cliActor(undefined, sources({ SUDO_USER: 'bob', USER: 'root' }, 'root'))).toBe('cli: bob@desk-7');
    expect(cliActor(undefined, sources({ USER: 'someone' }, 'carol'))).toBe('cli: carol@desk-7');
    expect(cliActor(undefined, sources({ USER: 'dave' }, null))).toBe('cli: dave@desk-7');
    expect(cliActor(undefined, sources({ LOGNAME: 'erin' }, null))).toBe('cli: erin@desk-7');
  });

  it('should name nobody when neither the option nor the system does', () => {
    expect(cliActor(undefined, sources({ USER: ' ' }, null))).toBeNull();
  });

  it('should refuse what must be attributable when nobody can be named, saying to pass --actor', () => {
    expect(() => requireCliActor(undefined, 'forget', sources({}, null))).toThrow(
      /forget must be attributable.*--actor/,
    );
    expect(requireCliActor(undefined, 'forget', sources({}, 'frank'))).toBe('cli: frank@desk-7');
  });
});
