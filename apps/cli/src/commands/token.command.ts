import type { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiTokenIndex,
  IssueApiTokenCommand,
  RevokeApiTokenCommand,
  SYSTEM_CONTEXT,
  type CommandContext,
} from '@app/application';
import { withApplication } from '../cli-runtime';
import { ACTOR_OPTION_DESCRIPTION, cliActorOrUnknown, requireCliActor } from '../operator-actor';

interface IssueOptions {
  role: string;
  org: string[];
  label?: string;
  actor?: string;
}

// Whoever can run the CLI can read DATA_DIR, so the CLI may issue tokens: this is how an operator
// recovers when the admin token printed at first start is lost. The events name who ran it.
const operatorContext = (actor: string): CommandContext => ({ ...SYSTEM_CONTEXT, actor });

/** `token issue | list | revoke`: API tokens from the command line. */
export function registerTokenCommand(program: Command): void {
  const token = program
    .command('token')
    .description('Issue, list and revoke API tokens (the secret is shown once).');

  token
    .command('issue')
    .description('Issue a token and print it once. ADMIN reaches every organisation; other roles need --org.')
    .requiredOption('--role <role>', 'ADMIN, ASSESSOR, PLANNER or AUDITOR')
    .option('--org <id>', 'an organisation the token reaches (repeat for several)', collect, [])
    .option('--label <text>', 'who or what the token is for, shown in audits')
    .option(
      '--actor <name>',
      `${ACTOR_OPTION_DESCRIPTION}; an ADMIN token is refused when neither names anyone`,
    )
    .action(async (options: IssueOptions) => {
      // A token that reaches everything must say who made it.
      const actor =
        options.role.trim().toUpperCase() === 'ADMIN'
          ? requireCliActor(options.actor, 'token issue --role ADMIN')
          : cliActorOrUnknown(options.actor);
      const issued = await withApplication((app) =>
        app
          .get(CommandBus)
          .execute(
            new IssueApiTokenCommand(
              options.role,
              options.org,
              options.label ?? null,
              operatorContext(actor),
            ),
          ),
      );
      process.stderr.write(
        `issued ${issued.record.role} token ${issued.record.tokenId}; keep the secret, it is not stored:\n`,
      );
      process.stdout.write(`${issued.token}\n`);
    });

  token
    .command('list')
    .description('List every token without its secret.')
    .action(async () => {
      const tokens = await withApplication(async (app) => {
        const index = app.get(ApiTokenIndex);
        await index.ready();
        return index.list();
      });
      for (const entry of tokens) {
        const scope =
          entry.organizationIds.length === 0 ? 'all organisations' : entry.organizationIds.join(',');
        process.stdout.write(
          `${entry.tokenId}\t${entry.role}\t${scope}\t${entry.revoked ? 'REVOKED' : 'active'}\t${entry.label ?? ''}\n`,
        );
      }
    });

  token
    .command('revoke <tokenId>')
    .description('Revoke a token: it is refused from then on.')
    .option('--actor <name>', ACTOR_OPTION_DESCRIPTION)
    .action(async (tokenId: string, options: { actor?: string }) => {
      const actor = cliActorOrUnknown(options.actor);
      await withApplication((app) =>
        app.get(CommandBus).execute(new RevokeApiTokenCommand(tokenId, operatorContext(actor))),
      );
      process.stdout.write(`revoked ${tokenId}\n`);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
