import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVENT_SCHEMA_VERSIONS,
  type InvestmentCommand,
  type InvestmentContext,
  investmentDecider,
  investmentStream,
  requireSlug,
} from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { OrganizationReader } from '../organizations/organization-reader';
import { InvestmentReader, type PlannedInvestmentState } from './investment-reader';

/** Any command on an investment's stream: plan, revise, approve, deploy, cancel. */
export class ExecuteInvestmentCommand extends Command<PlannedInvestmentState> {
  constructor(
    readonly investmentId: string,
    readonly command: InvestmentCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteInvestmentCommand)
export class InvestmentCommandHandler implements ICommandHandler<ExecuteInvestmentCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
    private readonly investments: InvestmentReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    investmentId,
    command,
    context,
  }: ExecuteInvestmentCommand): Promise<PlannedInvestmentState> {
    const { state } = await this.executor.execute({
      stream: investmentStream(requireSlug('investmentId', investmentId)),
      decider: investmentDecider,
      command,
      organizationId: command.type === 'PlanInvestment' ? command.data.organizationId : null,
      loadContext: async (state): Promise<InvestmentContext> => {
        if (command.type === 'DeployInvestment' && state.status !== 'NONE')
          return {
            now: this.clock(),
            firstPeriodEnd: await this.investments.deployableFrom(state.organizationId),
          };
        // Planning and revising check the effects against the organisation and its model.
        const organizationId =
          command.type === 'PlanInvestment'
            ? command.data.organizationId
            : command.type === 'ReviseInvestment' && state.status !== 'NONE'
              ? state.organizationId
              : null;
        if (organizationId === null) return { now: this.clock() };
        const organization = await this.organizations.require(organizationId);
        const model = await this.models.require(organization.modelId, organization.modelVersion);
        return { now: this.clock(), organization, model };
      },
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    if (state.status === 'NONE')
      throw new Error('an executed investment command leaves a planned investment');
    return state;
  }
}
