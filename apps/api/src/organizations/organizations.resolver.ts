import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  ExecuteOrganizationCommand,
  OrganizationReader,
  commandContextOf,
  type Principal,
} from '@app/application';
import { DEFAULT_MATURITY_MODEL_ID, type OrganizationCommand } from '@app/domain';
import { Organization } from './organization.model';
import {
  AddFunctionInput,
  ClearTargetInput,
  LinkFunctionsInput,
  RegisterOrganizationInput,
  RetireFunctionInput,
  SetTargetInput,
  SetTargetsInput,
  UnlinkFunctionsInput,
  UpdateFunctionInput,
} from './organization.inputs';
import { toOrganization } from './organization.mapper';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly organizationReader: OrganizationReader,
  ) {}

  @Query(() => [Organization], { description: 'The organisations the caller may see.' })
  async organizations(@CurrentPrincipal() principal: Principal): Promise<Organization[]> {
    const all = await this.organizationReader.list();
    return all
      .filter(
        (organization) => principal.allOrganizations || principal.organizationIds.includes(organization.id),
      )
      .map(toOrganization);
  }

  @Query(() => Organization, { nullable: true })
  async organization(@Args('id', { type: () => ID }) id: string): Promise<Organization | null> {
    const state = await this.organizationReader.find(id);
    return state ? toOrganization(state) : null;
  }

  @Mutation(() => Organization)
  registerOrganization(
    @Args('input') { id, name, purpose, valueProposition, modelId, commandId }: RegisterOrganizationInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(id, principal, commandId, {
      type: 'RegisterOrganization',
      data: { id, name, purpose, valueProposition, modelId: modelId ?? DEFAULT_MATURITY_MODEL_ID },
    });
  }

  @Mutation(() => Organization)
  addFunction(
    @Args('input') { organizationId, functionId, name, customerFacing, partner, commandId }: AddFunctionInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, {
      type: 'AddFunction',
      data: { functionId, name, customerFacing, partner },
    });
  }

  @Mutation(() => Organization, {
    description: 'Renames a function or changes whether it is customer-facing or a partner.',
  })
  updateFunction(
    @Args('input')
    { organizationId, functionId, name, customerFacing, partner, commandId }: UpdateFunctionInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, {
      type: 'UpdateFunction',
      data: { functionId, name, customerFacing, partner },
    });
  }

  @Mutation(() => Organization, {
    description:
      'Retires a function from a date, optionally naming the function it merged into. Views as of that date or later leave it out (heatmap, coverage, indices, links, targets); earlier views and the audit history keep it; it takes no new ratings or invitations. Cannot be undone.',
  })
  retireFunction(
    @Args('input')
    {
      organizationId,
      functionId,
      effectiveFrom,
      reason,
      mergedIntoFunctionId,
      commandId,
    }: RetireFunctionInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, {
      type: 'RetireFunction',
      data: { functionId, effectiveFrom, reason, mergedIntoFunctionId },
    });
  }

  @Mutation(() => Organization, {
    description: 'Removes the link between two functions: the alignment index stops counting the pair.',
  })
  unlinkFunctions(
    @Args('input') { organizationId, from, to, commandId }: UnlinkFunctionsInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, { type: 'UnlinkFunctions', data: { from, to } });
  }

  @Mutation(() => Organization, {
    description:
      "Removes a target: a function's override (it then follows the capability's target) or the capability's target.",
  })
  clearTarget(
    @Args('input') { organizationId, capabilityId, functionId, commandId }: ClearTargetInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, {
      type: 'ClearTarget',
      data: { capabilityId, functionId },
    });
  }

  @Mutation(() => Organization)
  linkFunctions(
    @Args('input') { organizationId, from, to, weight, commandId }: LinkFunctionsInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, {
      type: 'LinkFunctions',
      data: { from, to, weight },
    });
  }

  @Mutation(() => Organization)
  setTarget(
    @Args('input') { organizationId, capabilityId, functionId, level, commandId }: SetTargetInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, {
      type: 'SetTarget',
      data: { capabilityId, functionId, level },
    });
  }

  @Mutation(() => Organization, {
    description:
      'Sets many targets in one append (a default for every cell, a function row, a capability column): all are set, or none when any is refused.',
  })
  setTargets(
    @Args('input') { organizationId, targets, replaceOverrides, commandId }: SetTargetsInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Organization> {
    return this.run(organizationId, principal, commandId, {
      type: 'SetTargets',
      data: {
        targets: targets.map(({ capabilityId, functionId, level }) => ({ capabilityId, functionId, level })),
        replaceOverrides,
      },
    });
  }

  private async run(
    organizationId: string,
    principal: Principal,
    commandId: string | null | undefined,
    command: OrganizationCommand,
  ): Promise<Organization> {
    const state = await this.commandBus.execute(
      new ExecuteOrganizationCommand(organizationId, command, commandContextOf(principal, commandId)),
    );
    return toOrganization(state);
  }
}
