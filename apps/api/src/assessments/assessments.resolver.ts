import { MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS } from '@app/domain';
import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { refusalOfItem } from '../graphql/error-mapping';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  AssessmentCommandHandler,
  AssessmentReader,
  ExecuteAssessmentCommand,
  commandContextOf,
  makeIdentifier,
  type Principal,
} from '@app/application';
import type { AssessmentCommand, RecordRating } from '@app/domain';
import { Assessment, Rating, RatingRefusal } from './assessment.model';
import {
  CheckRatingsInput,
  CorrectRatingInput,
  OpenAssessmentInput,
  RatingEntryInput,
  RecordRatingInput,
  RecordRatingsInput,
} from './assessment.inputs';
import { ratingCountOf, ratingsFor, toAssessment, toRatings } from './assessment.mapper';
import { WithheldRatings } from '../personal-data/withheld-ratings.model';
import { CurrentPrincipal, type OperationContext } from '../auth/current-principal.decorator';
import { nextTurn } from '../graphql/operation-turns';

/** A rating of a batch as the domain takes it (the input's own fields, not its class). */
const ratingOfEntry = ({
  functionId,
  capabilityId,
  level,
  source,
  raterFunctionId,
  evidence,
  respondentId,
}: RatingEntryInput): RecordRating['data'] => ({
  functionId,
  capabilityId,
  level,
  source,
  raterFunctionId,
  evidence,
  respondentId,
});

@Resolver(() => Assessment)
export class AssessmentsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly assessmentReader: AssessmentReader,
    private readonly assessmentHandler: AssessmentCommandHandler,
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

  @ResolveField(() => [Rating], {
    description: `The effective ratings: the latest per function, capability, source, rater and respondent, that the caller may read. A PLANNER reads none, and a CUSTOMER or PEER group of fewer than ${MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS} respondents in a cell is left out for every role: see ratingsWithheld for their group figures.`,
  })
  async ratings(
    @Parent() assessment: Assessment,
    @CurrentPrincipal() principal: Principal,
    @Context() context: OperationContext,
  ): Promise<Rating[]> {
    // Each assessment's ratings in a turn of their own: asked of every assessment, they are many.
    await nextTurn(context);
    return toRatings(ratingsFor(assessment.state, principal.roles).shown);
  }

  @ResolveField(() => [WithheldRatings], {
    description:
      'The rater groups whose individual ratings are left out of ratings for the caller, per cell: their respondents, mean level and why.',
  })
  ratingsWithheld(
    @Parent() assessment: Assessment,
    @CurrentPrincipal() principal: Principal,
  ): WithheldRatings[] {
    return ratingsFor(assessment.state, principal.roles).withheld;
  }

  @ResolveField(() => Int, {
    description:
      'How many effective ratings it holds, without sending them: those withheld from the caller (ratingsWithheld) included.',
  })
  ratingCount(@Parent() assessment: Assessment): number {
    return ratingCountOf(assessment.state);
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

  @Mutation(() => Assessment, {
    description:
      'Records many ratings into an OPEN assessment in one append (a paper-form import): all, or none when any is refused.',
  })
  recordRatings(
    @Args('input') { assessmentId, ratings, commandId }: RecordRatingsInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Assessment> {
    return this.run(assessmentId, principal, commandId, {
      type: 'RecordRatings',
      data: { ratings: ratings.map(ratingOfEntry) },
    });
  }

  @Query(() => [RatingRefusal], {
    description:
      'Checks a batch of ratings as recordRatings would, recording nothing: every rating it would refuse, and why (empty when all would be recorded). A refusal of the whole batch (no such assessment, CLOSED, withdrawn, empty, too many) is an error.',
  })
  async checkRatings(@Args('input') { assessmentId, ratings }: CheckRatingsInput): Promise<RatingRefusal[]> {
    const refused = await this.assessmentHandler.refusedRatings(assessmentId, ratings.map(ratingOfEntry));
    return refused.map(refusalOfItem);
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
