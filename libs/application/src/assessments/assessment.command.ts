import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AssessmentCommand,
  type AssessmentContext,
  type AssessmentState,
  ASSESSMENT_ERROR_CODES,
  DomainError,
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
      loadContext: async (current) => this.contextOf(this.organizationOf(assessmentId, command, current)),
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    if (state.status === 'NONE')
      throw new Error('an executed assessment command leaves an opened assessment');
    return state;
  }

  /**
   * A dry run: what `execute` would decide for each command against the assessment as it stands
   * now, appending nothing. Each command is decided on its own (not after the ones before it);
   * the answer is its refusal, or null when it would be accepted.
   */
  async dryRun(
    assessmentId: string,
    commands: readonly AssessmentCommand[],
  ): Promise<(DomainError | null)[]> {
    const { state } = await this.executor.load(
      assessmentStream(requireSlug('assessmentId', assessmentId)),
      assessmentDecider,
    );
    const contexts = new Map<string, AssessmentContext>();
    const refusals: (DomainError | null)[] = [];
    for (const command of commands) {
      try {
        const organizationId = this.organizationOf(assessmentId, command, state);
        let context = contexts.get(organizationId);
        if (context === undefined) {
          context = await this.contextOf(organizationId);
          contexts.set(organizationId, context);
        }
        assessmentDecider.decide(command, state, context);
        refusals.push(null);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.push(error);
      }
    }
    return refusals;
  }

  /** The organisation the command concerns: named by OpenAssessment, else the assessment's own. */
  private organizationOf(assessmentId: string, command: AssessmentCommand, current: AssessmentState): string {
    if (command.type === 'OpenAssessment') return command.data.organizationId;
    if (current.status !== 'NONE') return current.organizationId;
    throw notFound(
      'assessmentId',
      `assessmentId: no assessment "${assessmentId}" has been opened`,
      ASSESSMENT_ERROR_CODES.notFound,
    );
  }

  private async contextOf(organizationId: string): Promise<AssessmentContext> {
    const organization = await this.organizations.require(organizationId);
    const model = await this.models.require(organization.modelId, organization.modelVersion);
    return { now: this.clock(), organization, model };
  }
}
