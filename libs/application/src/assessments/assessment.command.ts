import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AssessmentCommand,
  type AssessmentContext,
  type AssessmentEvent,
  type AssessmentState,
  ASSESSMENT_ERROR_CODES,
  DomainError,
  EVENT_SCHEMA_VERSIONS,
  assessmentDecider,
  assessmentStream,
  notFound,
  organizationStream,
  personalDataDecider,
  type RecordRating,
  requireSlug,
} from '@app/domain';
import { EventSourcedExecutor, type ExecutionResult } from '../command-handling/event-sourced-executor';
import { StreamStateLoader } from '../streams/stream-state-loader';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { OrganizationReader } from '../organizations/organization-reader';

export type OpenedAssessmentState = Exclude<AssessmentState, { status: 'NONE' }>;

/** What a command would do: the events it would append, or why it is refused. */
export type DryRunDecision =
  { accepted: true; events: AssessmentEvent[] } | { accepted: false; refusal: DomainError };

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
    private readonly streams: StreamStateLoader,
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    assessmentId,
    command,
    context,
  }: ExecuteAssessmentCommand): Promise<OpenedAssessmentState> {
    return (await this.run(assessmentId, command, context)).state;
  }

  /** Executes, answering also whether the command was a repeat (its commandId already applied). */
  async run(
    assessmentId: string,
    command: AssessmentCommand,
    context: CommandContext,
  ): Promise<ExecutionResult<OpenedAssessmentState>> {
    const result = await this.executor.execute({
      stream: assessmentStream(requireSlug('assessmentId', assessmentId)),
      decider: assessmentDecider,
      command,
      organizationId: command.type === 'OpenAssessment' ? command.data.organizationId : null,
      loadContext: async (current) =>
        this.contextOf(this.organizationOf(assessmentId, command, current), needsForgotten(command)),
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    const { state } = result;
    if (state.status === 'NONE')
      throw new Error('an executed assessment command leaves an opened assessment');
    return { ...result, state };
  }

  /**
   * A dry run: what `execute` would decide for each command against the assessment as it stands
   * now, with the same context and clock, appending nothing. Each command is decided on its own
   * (not after the ones before it).
   */
  async dryRun(assessmentId: string, commands: readonly AssessmentCommand[]): Promise<DryRunDecision[]> {
    const { state } = await this.streams.load(
      assessmentStream(requireSlug('assessmentId', assessmentId)),
      assessmentDecider,
    );
    const contexts = new Map<string, AssessmentContext>();
    const decisions: DryRunDecision[] = [];
    for (const command of commands) {
      try {
        const organizationId = this.organizationOf(assessmentId, command, state);
        let context = contexts.get(organizationId);
        if (context === undefined) {
          context = await this.contextOf(organizationId, needsForgotten(command));
          contexts.set(organizationId, context);
        }
        decisions.push({ accepted: true, events: assessmentDecider.decide(command, state, context) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        decisions.push({ accepted: false, refusal: error });
      }
    }
    return decisions;
  }

  /**
   * Every rating of a batch that recording would refuse, each by the rules of one rating, with
   * its place in the batch; none when the batch would be recorded. A refusal of the batch as a
   * whole (no such assessment, CLOSED, withdrawn, empty, too many) is thrown instead: no rating
   * could be recorded, whatever the rows say.
   */
  async refusedRatings(
    assessmentId: string,
    ratings: readonly RecordRating['data'][],
  ): Promise<{ index: number; refusal: DomainError }[]> {
    const [whole] = await this.dryRun(assessmentId, [{ type: 'RecordRatings', data: { ratings } }]);
    if (whole?.accepted !== false) return [];
    if (!(whole.refusal.field ?? '').startsWith('ratings[')) throw whole.refusal;
    const decisions = await this.dryRun(
      assessmentId,
      ratings.map((data) => ({ type: 'RecordRating', data })),
    );
    return decisions.flatMap((decision, index) =>
      decision.accepted ? [] : [{ index, refusal: decision.refusal }],
    );
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

  /** The organisation, its model and, for invitations, who of its respondents was forgotten. */
  private async contextOf(organizationId: string, forInvitations: boolean): Promise<AssessmentContext> {
    const organization = await this.organizations.require(organizationId);
    const model = await this.models.require(organization.modelId, organization.modelVersion);
    if (!forInvitations) return { now: this.clock(), organization, model };
    const { state } = await this.streams.load(organizationStream(organizationId), personalDataDecider);
    return { now: this.clock(), organization, model, forgottenRespondents: state.forgotten };
  }
}

/** The commands that may name a forgotten person: inviting one, or a new link for one. */
function needsForgotten(command: AssessmentCommand): boolean {
  return (
    command.type === 'InviteRaters' ||
    command.type === 'ReissueInvitation' ||
    command.type === 'ReissueInvitations'
  );
}
