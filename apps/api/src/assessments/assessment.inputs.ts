import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { RatingSource } from '../graphql/enums/enums';

@InputType()
export class OpenAssessmentInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { nullable: true }) assessmentId?: string | null;
  @Field() title!: string;
  @Field(() => DateTimeScalar) periodEnd!: string;
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}

@InputType()
export class RecordRatingInput {
  @Field(() => ID) assessmentId!: string;
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Int) level!: number;
  @Field(() => RatingSource) source!: RatingSource;
  @Field(() => ID, { nullable: true }) raterFunctionId?: string | null;
  @Field(() => String, { nullable: true }) evidence?: string | null;
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}

@InputType()
export class CorrectRatingInput {
  @Field(() => ID) assessmentId!: string;
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Int) level!: number;
  @Field(() => RatingSource) source!: RatingSource;
  @Field(() => ID, { nullable: true }) raterFunctionId?: string | null;
  @Field() reason!: string;
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}
