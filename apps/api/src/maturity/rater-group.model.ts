import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { RatingSource } from '../graphql/enums/enums';

@ObjectType({
  description:
    'The ratings of one source and rater in a cell: its respondents speak for it together, with one weight.',
})
export class RaterGroup {
  /** The enum's values as text: the domain's groups fit without mapping. */
  @Field(() => RatingSource, { description: 'SELF, PEER, CUSTOMER or AUDIT.' })
  source!: `${RatingSource}`;
  @Field(() => ID, { nullable: true, description: 'The rating function of a PEER group; null otherwise.' })
  raterFunctionId!: string | null;
  @Field(() => Int, {
    description:
      'How many respondents rated the cell in this group (ratings without a respondent count as one).',
  })
  respondents!: number;
  @Field(() => Float, { description: "The group's level: the plain mean of its respondents' levels." })
  level!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Rater agreement r_wg = 1 - s2 / ((L^2 - 1) / 12), s2 the sample variance of the respondents' levels, 0 when s2 exceeds the null variance; null with fewer than two respondents. Below 0.7 the respondents disagree.",
  })
  agreement!: number | null;
}
