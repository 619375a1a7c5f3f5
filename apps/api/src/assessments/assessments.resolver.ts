import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  AssessmentReader,
  ExecuteAssessmentCommand,
  commandContextOf,
  makeIdentifier,
  type Principal,
} from '@app/application';
import type { AssessmentCommand } from '@app/domain';
import { Assessment } from './assessment.model';
import { CorrectRatingInput, OpenAssessmentInput, RecordRatingInput } from './assessment.inputs';
import { toAssessment } from './assessment.mapper';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

@Resolver(() => Assessment)
export class AssessmentsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly assessmentReader: AssessmentReader,
  ) {}

  @Query(() => Assessment, { nullable: true })
  async assessment(@Args('id', { type: () => ID }) id: string): Promise<Assessment | null> {
    const state = await this.assessmentReader.find(id);
    return state ? toAssessment(state) : null;
  }

  @Query(() => [Assessment], { description: "The organisation's assessments, by periodEnd." })
  async assessments(
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<Assessment[]> {
    return (await this.assessmentReader.listFor(organizationId)).map(toAssessment);
  }

  @Mutation(() => Assessment)
  openAssessment(
    @Args('input') { organizationId, assessmentId, title, periodEnd, commandId }: OpenAssessmentInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Assessment> {
    const id = assessmentId ?? makeIdentifier('assessment', commandId ?? null, organizationId);
    return this.run(id, principal, commandId, {
      type: 'OpenAssessment',
      data: { assessmentId: id, organizationId, title, periodEnd },
    });
  }

  @Mutation(() => Assessment)
  recordRating(
    @Args('input') { assessmentId, commandId, ...rating }: RecordRatingInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Assessment> {
    return this.run(assessmentId, principal, commandId, { type: 'RecordRating', data: rating });
  }

  @Mutation(() => Assessment)
  closeAssessment(
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Assessment> {
    return this.run(assessmentId, principal, commandId, { type: 'CloseAssessment' });
  }

  @Mutation(() => Assessment)
  withdrawAssessment(
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('reason', { type: () => String, description: INPUT_DESCRIPTIONS.reason }) reason: string,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Assessment> {
    return this.run(assessmentId, principal, commandId, { type: 'WithdrawAssessment', data: { reason } });
  }

  @Mutation(() => Assessment)
  correctRating(
    @Args('input') { assessmentId, commandId, ...correction }: CorrectRatingInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Assessment> {
    return this.run(assessmentId, principal, commandId, { type: 'CorrectRating', data: correction });
  }

  private async run(
    assessmentId: string,
    principal: Principal,
    commandId: string | null | undefined,
    command: AssessmentCommand,
  ): Promise<Assessment> {
    const state = await this.commandBus.execute(
      new ExecuteAssessmentCommand(assessmentId, command, commandContextOf(principal, commandId)),
    );
    return toAssessment(state);
  }
}
