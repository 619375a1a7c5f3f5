import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OpenedAssessmentState } from '@app/application';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { RatingSource } from '../graphql/enums/enums';

@ObjectType({ description: 'The latest correction of a rating: the level it replaced, why and when.' })
export class RatingCorrection {
  @Field(() => Int, {
    nullable: true,
    description: 'The level the correction replaced; null when the correction added the rating.',
  })
  previousLevel!: number | null;
  @Field({ description: 'Why the rating was corrected, as given to correctRating.' })
  reason!: string;
  @Field(() => DateTimeScalar, { description: 'When the correction was recorded.' })
  correctedAt!: string;
}

@ObjectType()
export class Rating {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Int) level!: number;
  @Field(() => RatingSource) source!: RatingSource;
  @Field(() => ID, { nullable: true }) raterFunctionId!: string | null;
  @Field(() => String, { nullable: true }) evidence!: string | null;
  @Field({
    description:
      'True when the evidence was erased (forgetRespondent or redactEvidence): evidence is then null, the level stays.',
  })
  evidenceErased!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'The person who rated within the rater group; null: the group spoke as one.',
  })
  respondentId!: string | null;
  @Field(() => RatingCorrection, {
    nullable: true,
    description:
      'The correction that put this level in force (correctRating); null when the level was recorded as given.',
  })
  correction!: RatingCorrection | null;
}

@ObjectType()
export class Assessment {
  @Field(() => ID) id!: string;
  @Field(() => ID) organizationId!: string;
  @Field() title!: string;
  @Field(() => DateTimeScalar) periodEnd!: string;
  @Field({
    description:
      'OPEN, CLOSED or WITHDRAWN (withdrawAssessment: it counts in no view from then on, and its rater links stop).',
  })
  status!: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was withdrawn (withdrawAssessment); null unless WITHDRAWN.',
  })
  withdrawnAt!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why it was withdrawn, as given to withdrawAssessment; null unless WITHDRAWN.',
  })
  withdrawalReason!: string | null;
  /** What `ratings` and `ratingCount` are resolved from, when a query asks for them (not a field). */
  state!: OpenedAssessmentState;
}

@ObjectType({ description: 'A rating of a batch that recording would refuse, and why.' })
export class RatingRefusal {
  @Field(() => Int, { description: 'Its place in the batch, from 0.' }) index!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The field of the rating at fault (`level`, `raterFunctionId`), as recordRating names it.',
  })
  field!: string | null;
  @Field({ description: 'The error code recordRating would answer (BAD_USER_INPUT, NOT_FOUND, CONFLICT).' })
  code!: string;
  @Field({ description: 'The refusal reason, e.g. ASSESSMENT.RATER_REQUIRED.' }) reason!: string;
  @Field({ description: 'What is wrong, in words.' }) message!: string;
}
