import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVENT_SCHEMA_VERSIONS,
  type ScenarioBookState,
  type ScenarioCommand,
  type ScenarioContext,
  requireSlug,
  scenarioBookStream,
  scenarioDecider,
} from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';
import { InvestmentReader } from '../investments/investment-reader';
import { OrganizationReader } from '../organizations/organization-reader';

/**
 * Save or delete one of an organisation's scenarios, or choose the one for the board; answers the
 * organisation's scenarios after it.
 */
export class ExecuteScenarioCommand extends Command<ScenarioBookState> {
  constructor(
    readonly command: ScenarioCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteScenarioCommand)
export class ScenarioCommandHandler implements ICommandHandler<ExecuteScenarioCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly organizations: OrganizationReader,
    private readonly investments: InvestmentReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ command, context }: ExecuteScenarioCommand): Promise<ScenarioBookState> {
    const organizationId = requireSlug('organizationId', command.data.organizationId);
    const { state } = await this.executor.execute({
      stream: scenarioBookStream(organizationId),
      decider: scenarioDecider,
      command,
      organizationId,
      loadContext: async (): Promise<ScenarioContext> => {
        await this.organizations.require(organizationId);
        const investments = await this.investments.listFor(organizationId);
        return { now: this.clock(), investmentIds: new Set(investments.map((investment) => investment.id)) };
      },
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    return state;
  }
}
