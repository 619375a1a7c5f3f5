// Who runs a command that writes: named with --actor, or else the person the operating system
// says is at the terminal (the user sudo was run by, then the login user) at this host. The
// events record it as their actor, so an erasure or a new token is attributable to a person.
import { hostname, userInfo } from 'node:os';
import { CliError, EXIT } from './exit-codes';

/** Where the default actor comes from; the real process by default, pinned in tests. */
export interface ActorSources {
  environment: Readonly<Record<string, string | undefined>>;
  /** The login name of the process's user, or null when the system has no entry for it. */
  loginName: () => string | null;
  hostname: () => string;
}

const PROCESS_SOURCES: ActorSources = {
  environment: process.env,
  loginName: () => {
    try {
      return userInfo().username;
    } catch {
      // A uid without a passwd entry (some containers).
      return null;
    }
  },
  hostname,
};

const ACTOR_MAX_LENGTH = 200;

export const ACTOR_OPTION_DESCRIPTION =
  'who runs this, recorded as the actor of the events written (default: "cli: <user>@<host>", the user sudo was run by or else the login user)';

/**
 * The actor to record: `cli: <--actor>`, else `cli: <user>@<host>`, or null when neither the
 * option nor the system names anyone. A blank or overlong --actor is refused.
 */
export function cliActor(option: string | undefined, sources: ActorSources = PROCESS_SOURCES): string | null {
  if (option !== undefined) {
    const named = option.trim();
    if (named === '' || named.length > ACTOR_MAX_LENGTH)
      throw new CliError(
        `--actor must name who runs this (1 to ${ACTOR_MAX_LENGTH} characters), e.g. --actor "alice@example.org"`,
        EXIT.usage,
      );
    return `cli: ${named}`;
  }
  const user = [
    sources.environment.SUDO_USER,
    sources.loginName(),
    sources.environment.USER,
    sources.environment.LOGNAME,
  ]
    .map((name) => name?.trim() ?? '')
    .find((name) => name !== '');
  if (user === undefined) return null;
  return `cli: ${user}@${sources.hostname()}`;
}

/** For what cannot be undone or grants everything: refused when nobody can be named. */
export function requireCliActor(option: string | undefined, action: string, sources?: ActorSources): string {
  const actor = cliActor(option, sources);
  if (actor === null)
    throw new CliError(
      `${action} must be attributable, and the system names no user for this process: pass --actor <your name>`,
      EXIT.usage,
    );
  return actor;
}

/** Where nobody can be named and the action may go ahead anyway. */
export function cliActorOrUnknown(option: string | undefined, sources?: ActorSources): string {
  return cliActor(option, sources) ?? 'cli: unknown user';
}
