import { MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS } from '@app/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type WithheldReason as WithheldReasonName } from '@app/application';
import { RatingSource } from '../graphql/enums/enums';

export enum WithheldReason {
  ROLE = 'ROLE',
  SMALL_GROUP = 'SMALL_GROUP',
}

registerEnumType(WithheldReason, {
  name: 'WithheldReason',
  description: 'Why the individual ratings of a rater group are not shown to the caller.',
  valuesMap: {
    ROLE: {
      description: 'The caller reads group figures only (a PLANNER): no individual answers, no evidence.',
    },
    SMALL_GROUP: {
      description: `A CUSTOMER or PEER group with fewer than ${MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS} respondents in the cell: its answers would show who said what.`,
    },
  },
});

@ObjectType({
  description:
    'A rater group of one cell whose individual ratings (levels, evidence, respondents) are withheld from the caller: its figures, and why.',
})
export class WithheldRatings {
  @Field(() => ID, { description: 'The function rated.' }) functionId!: string;
  @Field(() => ID, { description: 'The capability rated.' }) capabilityId!: string;
  @Field(() => RatingSource, { description: 'The source of the group.' }) source!: `${RatingSource}`;
  @Field(() => ID, { nullable: true, description: 'The rating function of a PEER group; null otherwise.' })
  raterFunctionId!: string | null;
  @Field(() => Int, {
    description:
      'How many respondents rated the cell in this group (ratings without a respondent count as one).',
  })
  respondents!: number;
  @Field(() => Float, { description: "The group's level: the plain mean of its respondents' levels." })
  level!: number;
  @Field(() => WithheldReason, { description: 'Why its ratings are withheld.' })
  reason!: WithheldReasonName;
}
