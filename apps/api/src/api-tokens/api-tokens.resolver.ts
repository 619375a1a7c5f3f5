import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiTokenIndex,
  type ApiTokenRecord,
  commandContextOf,
  IssueApiTokenCommand,
  type Principal,
  RevokeApiTokenCommand,
} from '@app/application';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Role } from '../graphql/enums/enums';
import { ApiToken, IssuedToken } from './api-token.model';

const toApiToken = ({
  tokenId,
  role,
  organizationIds,
  label,
  issuedAt,
  revokedAt,
  revoked,
}: ApiTokenRecord): ApiToken => ({
  tokenId,
  role: Role[role],
  organizationIds,
  label,
  issuedAt,
  revokedAt,
  revoked,
});

@Resolver(() => ApiToken)
export class ApiTokensResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly tokens: ApiTokenIndex,
  ) {}

  @Query(() => [ApiToken], { description: 'Every API token ever issued, oldest first, without secrets.' })
  apiTokens(): ApiToken[] {
    return this.tokens.list().map(toApiToken);
  }

  @Mutation(() => IssuedToken, { description: 'Issues a token; its secret is shown in this answer only.' })
  async issueApiToken(
    @Args('role', { type: () => Role }) role: Role,
    @Args('organizationIds', { type: () => [ID] }) organizationIds: string[],
    @Args('label', { type: () => String, nullable: true, description: INPUT_DESCRIPTIONS.name })
    label: string | null,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssuedToken> {
    const { token, record } = await this.commandBus.execute(
      new IssueApiTokenCommand(role, organizationIds, label, commandContextOf(principal, commandId)),
    );
    const { tokenId, organizationIds: reached } = record;
    return { token, tokenId, role: Role[record.role], organizationIds: reached, label: record.label };
  }

  @Mutation(() => ApiToken, {
    description: 'Revokes a token: from now on it is refused. Revoking twice changes nothing.',
  })
  async revokeApiToken(
    @Args('tokenId', { type: () => ID }) tokenId: string,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiToken> {
    return toApiToken(
      await this.commandBus.execute(
        new RevokeApiTokenCommand(tokenId, commandContextOf(principal, commandId)),
      ),
    );
  }
}
