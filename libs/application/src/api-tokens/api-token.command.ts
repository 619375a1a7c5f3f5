import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  API_TOKEN_ERROR_CODES,
  API_TOKEN_ROLES,
  apiTokenDecider,
  apiTokenStream,
  type ApiTokenCommand,
  type ApiTokenRole,
  conflict,
  EVENT_SCHEMA_VERSIONS,
  notFound,
  ORGANIZATION_ERROR_CODES,
  requireOneOf,
  requireSlug,
} from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';
import { makeIdentifier } from '../command-handling/identifiers';
import { OrganizationReader } from '../organizations/organization-reader';
import { ApiTokenIndex, type ApiTokenRecord } from './api-token-index';
import { formatToken, generateSecret, hashSecret, newTokenId } from './api-token-secrets';

export interface IssuedApiTokenResult {
  /** `<tokenId>.<secret>`: shown once, never stored. */
  token: string;
  record: ApiTokenRecord;
}

export class IssueApiTokenCommand extends Command<IssuedApiTokenResult> {
  constructor(
    readonly role: string,
    readonly organizationIds: readonly string[],
    readonly label: string | null | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RevokeApiTokenCommand extends Command<ApiTokenRecord> {
  constructor(
    readonly tokenId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Runs a token command and folds what it appended into the index at once, so the next request sees it. */
async function executeTokenCommand(
  executor: EventSourcedExecutor,
  index: ApiTokenIndex,
  clock: Clock,
  tokenId: string,
  command: ApiTokenCommand,
  context: CommandContext,
): Promise<{ repeated: boolean; record: ApiTokenRecord }> {
  const { state, repeated } = await executor.execute({
    stream: apiTokenStream(tokenId),
    decider: apiTokenDecider,
    command,
    organizationId: null,
    loadContext: () => Promise.resolve({ now: clock() }),
    context,
    schemaVersions: EVENT_SCHEMA_VERSIONS,
  });
  index.remember(state);
  if (state.status === 'NONE') throw new Error('an executed token command leaves an issued token');
  const { status, ...token } = state;
  return { repeated, record: { ...token, revoked: status === 'REVOKED' } };
}

@CommandHandler(IssueApiTokenCommand)
export class IssueApiTokenHandler implements ICommandHandler<IssueApiTokenCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly index: ApiTokenIndex,
    private readonly organizations: OrganizationReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    role,
    organizationIds,
    label,
    context,
  }: IssueApiTokenCommand): Promise<IssuedApiTokenResult> {
    const checkedRole: ApiTokenRole = requireOneOf('role', role, API_TOKEN_ROLES);
    for (const [position, organizationId] of organizationIds.entries()) {
      const field = `organizationIds[${position}]`;
      if ((await this.organizations.find(requireSlug(field, organizationId))) === null) {
        throw notFound(
          field,
          `${field}: no organisation "${organizationId}" is registered`,
          ORGANIZATION_ERROR_CODES.notFound,
        );
      }
    }
    // A commandId names the token, so a repeat lands on the same stream and appends nothing.
    const tokenId =
      context.commandId === null ? newTokenId() : makeIdentifier('token', context.commandId, null);
    const secret = generateSecret();
    const { repeated, record } = await executeTokenCommand(
      this.executor,
      this.index,
      this.clock,
      tokenId,
      {
        type: 'IssueApiToken',
        data: { tokenId, role: checkedRole, organizationIds, label, secretHash: hashSecret(secret) },
      },
      context,
    );
    if (repeated) {
      throw conflict(
        `commandId: this command already issued token "${tokenId}"; its secret was shown once and cannot be shown again`,
        API_TOKEN_ERROR_CODES.secretShownOnce,
        'commandId',
      );
    }
    return { token: formatToken(tokenId, secret), record };
  }
}

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly index: ApiTokenIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ tokenId, context }: RevokeApiTokenCommand): Promise<ApiTokenRecord> {
    const stream = requireSlug('tokenId', tokenId);
    const { record } = await executeTokenCommand(
      this.executor,
      this.index,
      this.clock,
      stream,
      { type: 'RevokeApiToken' },
      context,
    );
    return record;
  }
}
