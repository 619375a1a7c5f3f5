import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  ExecuteInvestmentCommand,
  InvestmentReader,
  commandContextOf,
  makeIdentifier,
  type Principal,
} from '@app/application';
import type { InvestmentCommand } from '@app/domain';
import { Investment } from './investment.model';
import { PlanInvestmentInput, ReviseInvestmentInput } from './investment.inputs';
import { toInvestment } from './investment.mapper';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@Resolver(() => Investment)
export class InvestmentsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly investmentReader: InvestmentReader,
  ) {}

  @Query(() => Investment, { nullable: true })
  async investment(@Args('id', { type: () => ID }) id: string): Promise<Investment | null> {
    const state = await this.investmentReader.find(id);
    return state ? toInvestment(state) : null;
  }

  @Query(() => [Investment], {
    description: "The organisation's investments, in the order they were planned.",
  })
  async investments(
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<Investment[]> {
    return (await this.investmentReader.listFor(organizationId)).map(toInvestment);
  }

  @ResolveField(() => DateTimeScalar, {
    nullable: true,
    description:
      "The earliest deployedAt deployInvestment accepts: the end of the organisation's first assessment period (no level is known before it to measure a realisation against); null while it has no assessment.",
  })
  deployableFrom(@Parent() investment: Investment): Promise<string | null> {
    return this.investmentReader.deployableFrom(investment.organizationId);
  }

  @Mutation(() => Investment)
  planInvestment(
    @Args('input') { investmentId, commandId, effects, ...plan }: PlanInvestmentInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Investment> {
    const id = investmentId ?? makeIdentifier('investment', commandId ?? null, plan.organizationId);
    return this.run(id, principal, commandId, {
      type: 'PlanInvestment',
      data: {
        ...plan,
        investmentId: id,
        effects: effects.map(({ functionId, capabilityId, low, likely, high }) => ({
          functionId,
          capabilityId,
          low,
          likely,
          high,
        })),
      },
    });
  }

  @Mutation(() => Investment, {
    description:
      'Revises a planned or approved investment (name, kind, cost, lag, effects) before it is deployed, keeping its id, so scenarios that include it simulate the revised figures. An approved one drops back to PLANNED, to be approved again. Refused for DEPLOYED or CANCELLED investments (CONFLICT) and when nothing changes (BAD_USER_INPUT, field input).',
  })
  reviseInvestment(
    @Args('input') { investmentId, commandId, effects, ...revision }: ReviseInvestmentInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Investment> {
    return this.run(investmentId, principal, commandId, {
      type: 'ReviseInvestment',
      data: {
        ...revision,
        effects:
          effects?.map(({ functionId, capabilityId, low, likely, high }) => ({
            functionId,
            capabilityId,
            low,
            likely,
            high,
          })) ?? null,
      },
    });
  }

  @Mutation(() => Investment)
  approveInvestment(
    @Args('investmentId', { type: () => ID }) investmentId: string,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Investment> {
    return this.run(investmentId, principal, commandId, { type: 'ApproveInvestment' });
  }

  @Mutation(() => Investment)
  deployInvestment(
    @Args('investmentId', { type: () => ID }) investmentId: string,
    @Args('deployedAt', { type: () => DateTimeScalar }) deployedAt: string,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Investment> {
    return this.run(investmentId, principal, commandId, { type: 'DeployInvestment', data: { deployedAt } });
  }

  @Mutation(() => Investment)
  cancelInvestment(
    @Args('investmentId', { type: () => ID }) investmentId: string,
    @Args('reason', { type: () => String, nullable: true, description: INPUT_DESCRIPTIONS.reason })
    reason: string | null,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Investment> {
    return this.run(investmentId, principal, commandId, { type: 'CancelInvestment', data: { reason } });
  }

  private async run(
    investmentId: string,
    principal: Principal,
    commandId: string | null | undefined,
    command: InvestmentCommand,
  ): Promise<Investment> {
    const state = await this.commandBus.execute(
      new ExecuteInvestmentCommand(investmentId, command, commandContextOf(principal, commandId)),
    );
    return toInvestment(state);
  }
}
