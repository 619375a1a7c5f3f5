import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVENT_SCHEMA_VERSIONS,
  type OrganizationCommand,
  type OrganizationContext,
  type RegisteredOrganizationState,
  organizationDecider,
  organizationStream,
  requireOrganization,
  requireSlug,
} from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';

/** Any command on an organisation's stream: register, add a function, link functions, set a target. */
export class ExecuteOrganizationCommand extends Command<RegisteredOrganizationState> {
  constructor(
    readonly organizationId: string,
    readonly command: OrganizationCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteOrganizationCommand)
export class OrganizationCommandHandler implements ICommandHandler<ExecuteOrganizationCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly models: MaturityModelCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    organizationId,
    command,
    context,
  }: ExecuteOrganizationCommand): Promise<RegisteredOrganizationState> {
    const field = command.type === 'RegisterOrganization' ? 'id' : 'organizationId';
    const { state } = await this.executor.execute({
      stream: organizationStream(requireSlug(field, organizationId)),
      decider: organizationDecider,
      command,
      organizationId,
      loadContext: async (current): Promise<OrganizationContext> => {
        const now = this.clock();
        if (command.type === 'RegisterOrganization') {
          return {
            now,
            model: await this.models.find(
              requireSlug('modelId', command.data.modelId),
              command.data.modelVersion,
            ),
          };
        }
        if (
          (command.type === 'SetTarget' || command.type === 'SetTargets') &&
          current.status === 'REGISTERED'
        ) {
          return { now, model: await this.models.require(current.modelId, current.modelVersion) };
        }
        return { now };
      },
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    return requireOrganization(state, field, organizationId);
  }
}
