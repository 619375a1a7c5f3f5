import { MAX_RATINGS_PER_CALL } from '@app/domain';
import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { RatingSource } from '../graphql/enums/enums';

@InputType()
export class OpenAssessmentInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { nullable: true }) assessmentId?: string | null;
  @Field({ description: INPUT_DESCRIPTIONS.name }) title!: string;
  @Field(() => DateTimeScalar) periodEnd!: string;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType()
export class RecordRatingInput {
  @Field(() => ID) assessmentId!: string;
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Int) level!: number;
  @Field(() => RatingSource) source!: RatingSource;
  @Field(() => ID, { nullable: true }) raterFunctionId?: string | null;
  @Field(() => String, { nullable: true, description: INPUT_DESCRIPTIONS.evidence }) evidence?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The person rating within the rater group (source, rater): a pseudonymous slug, never a name. Absent: the group speaks as one.',
  })
  respondentId?: string | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType()
export class CorrectRatingInput {
  @Field(() => ID) assessmentId!: string;
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Int) level!: number;
  @Field(() => RatingSource) source!: RatingSource;
  @Field(() => ID, { nullable: true }) raterFunctionId?: string | null;
  @Field({ description: INPUT_DESCRIPTIONS.reason }) reason!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The respondent whose rating is corrected; they must have rated this cell with this source and rater in this assessment (NOT_FOUND otherwise).',
  })
  respondentId?: string | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType({
  description: 'One rating of a batch (a paper-form import), checked by the rules of recordRating.',
})
export class RatingEntryInput {
  @Field(() => ID, { description: 'The function rated.' }) functionId!: string;
  @Field(() => ID, { description: 'The capability rated.' }) capabilityId!: string;
  @Field(() => Int, { description: "The level, one of the model's levels." }) level!: number;
  @Field(() => RatingSource, { description: 'Who gives the rating.' }) source!: RatingSource;
  @Field(() => ID, {
    nullable: true,
    description: 'The function giving a PEER rating (required for PEER, refused for the other sources).',
  })
  raterFunctionId?: string | null;
  @Field(() => String, { nullable: true, description: INPUT_DESCRIPTIONS.evidence }) evidence?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The person rating within the rater group (source, rater): a pseudonymous slug, never a name. Absent: the group speaks as one.',
  })
  respondentId?: string | null;
}

@InputType({ description: 'Many ratings recorded into an OPEN assessment in one append: all or none.' })
export class RecordRatingsInput {
  @Field(() => ID, { description: 'The OPEN assessment.' }) assessmentId!: string;
  @Field(() => [RatingEntryInput], {
    description: `The ratings, at most ${MAX_RATINGS_PER_CALL}; a refusal names the rating (\`ratings[3].level\`) and records none.`,
  })
  ratings!: RatingEntryInput[];
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType({ description: 'A batch of ratings to check before recording it (checkRatings).' })
export class CheckRatingsInput {
  @Field(() => ID, { description: 'The OPEN assessment.' }) assessmentId!: string;
  @Field(() => [RatingEntryInput], { description: 'The ratings, as recordRatings would take them.' })
  ratings!: RatingEntryInput[];
}
