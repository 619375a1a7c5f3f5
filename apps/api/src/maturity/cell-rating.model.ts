import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { RatingSource } from '../graphql/enums/enums';

@ObjectType({
  description: "One rating behind a cell's effective level (latest per source, rater and respondent).",
})
export class CellRating {
  /** The enum's values as text: the domain's ratings fit without mapping (the simulation's cells too). */
  @Field(() => RatingSource) source!: `${RatingSource}`;
  @Field(() => Int) level!: number;
  @Field(() => ID, { nullable: true }) raterFunctionId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The person who rated within the rater group; null: the group spoke as one.',
  })
  respondentId!: string | null;
  @Field(() => String, { nullable: true }) evidence!: string | null;
  @Field({
    description:
      'True when the evidence was erased (forgetRespondent or redactEvidence): evidence is then null, the level stays.',
  })
  evidenceErased!: boolean;
  @Field(() => Float, {
    description:
      "Its weight in the effective level: its rater group's weight (SELF 1, PEER 1 or 2 from a customer-facing rater, CUSTOMER 2, AUDIT 2) shared equally among the group's respondents.",
  })
  weight!: number;
}
