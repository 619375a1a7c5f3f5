import { Field, ID, InputType } from '@nestjs/graphql';
import { RatingSource } from '../graphql/enums/enums';
import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';

@InputType({
  description:
    'One rating of an assessment, as recordRating names it, whose evidence is to be erased (every recording of it).',
})
export class RedactEvidenceInput {
  @Field(() => ID, { description: 'The assessment holding the rating.' }) assessmentId!: string;
  @Field(() => ID, { description: 'The rated function.' }) functionId!: string;
  @Field(() => ID, { description: 'The rated capability.' }) capabilityId!: string;
  @Field(() => RatingSource, { description: 'The source of the rating.' }) source!: RatingSource;
  @Field(() => ID, { nullable: true, description: 'The rating function, for PEER ratings.' })
  raterFunctionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The respondent, when the rating names one.' })
  respondentId?: string | null;
  @Field({
    description: `Why, e.g. "pasted the wrong text"; kept in the history in the clear, so never the text itself. ${INPUT_DESCRIPTIONS.reason}`,
  })
  reason!: string;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId })
  commandId?: string | null;
}
