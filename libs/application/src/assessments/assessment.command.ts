import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AssessmentCommand,
  type AssessmentContext,
  type AssessmentState,
  EVENT_SCHEMA_VERSIONS,
  assessmentDecider,
  assessmentStream,
  notFound,
  requireSlug,
} from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { OrganizationReader } from '../organizations/organization-reader';

export type OpenedAssessmentState = Exclude<AssessmentState, { status: 'NONE' }>;

/** Any command on an assessment's stream: open, record a rating, close, correct a rating. */
export class ExecuteAssessmentCommand extends Command<OpenedAssessmentState> {
  constructor(
    readonly assessmentId: string,
    readonly command: AssessmentCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteAssessmentCommand)
export class AssessmentCommandHandler implements ICommandHandler<ExecuteAssessmentCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    assessmentId,
    command,
    context,
  }: ExecuteAssessmentCommand): Promise<OpenedAssessmentState> {
    const { state } = await this.executor.execute({
      stream: assessmentStream(requireSlug('assessmentId', assessmentId)),
      decider: assessmentDecider,
      command,
      organizationId: command.type === 'OpenAssessment' ? command.data.organizationId : null,
      loadContext: async (current): Promise<AssessmentContext> => {
        const organizationId =
          command.type === 'OpenAssessment'
            ? command.data.organizationId
            : current.status === 'NONE'
              ? null
              : current.organizationId;
        if (organizationId === null) {
          throw notFound(
            'assessmentId',
            `assessmentId: no assessment "${assessmentId}" has been opened`,
            'ASSESSMENT.NOT_FOUND',
          );
        }
        const organization = await this.organizations.require(organizationId);
        const model = await this.models.require(organization.modelId, organization.modelVersion);
        return { now: this.clock(), organization, model };
      },
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    if (state.status === 'NONE')
      throw new Error('an executed assessment command leaves an opened assessment');
    return state;
  }
}
