import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { RatingSource } from '../graphql/enums/enums';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@InputType({
  description: 'One person to invite: who they are (pseudonymously), their source and what they rate.',
})
export class InvitationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The person, as a pseudonymous slug (e.g. `night-lead`); the server makes one when left out. Their answers are ratings of this respondent. At most one per person in one call.',
  })
  respondentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free text for the office, such as "night shift lead"; never required to be a name.',
  })
  label?: string | null;

  @Field(() => RatingSource, {
    description:
      'SELF: exactly one function, their own, and no raterFunctionId. PEER: raterFunctionId required and not among functionIds. CUSTOMER, AUDIT: no raterFunctionId.',
  })
  source!: RatingSource;

  @Field(() => ID, {
    nullable: true,
    description: 'PEER only: the function the person belongs to (their answers are that function’s view).',
  })
  raterFunctionId?: string | null;

  @Field(() => [ID], { description: 'The functions the person rates (at least one).' })
  functionIds!: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'The capabilities asked about; left out: every capability of the assessment’s model.',
  })
  capabilityIds?: string[] | null;
}

@InputType({ description: 'Invites many people into one open assessment at once: all of them, or none.' })
export class InviteRatersInput {
  @Field(() => ID, { description: 'The open assessment the people answer.' })
  assessmentId!: string;

  @Field(() => [InvitationInput], { description: 'The people to invite (1 to 500 per call).' })
  invitations!: InvitationInput[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the links stop working (in the future); left out: they work until revoked.',
  })
  expiresAt?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Makes the call idempotent: a retry with the same commandId invites nobody again and answers with the same links (while this api process still holds them).',
  })
  commandId?: string | null;
}

@InputType({ description: 'A rater’s answer to one question of their questionnaire.' })
export class AnswerInput {
  @Field(() => ID, { description: 'The function the question is about (one the invitation names).' })
  functionId!: string;

  @Field(() => ID, { description: 'The capability the question is about (one the invitation names).' })
  capabilityId!: string;

  @Field(() => Int, { description: 'The level chosen, one of the question’s levels.' })
  level!: number;

  @Field(() => String, { nullable: true, description: 'What the answer rests on (optional).' })
  evidence?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'One per answer given: a double click or a retry with the same commandId records it once. Scoped to the invitation.',
  })
  commandId?: string | null;
}

@InputType({
  description:
    'A rater’s “Not sure” on one question of their questionnaire: recorded with no level and no text.',
})
export class SetQuestionAsideInput {
  @Field(() => ID, { description: 'The function the question is about (one the invitation names).' })
  functionId!: string;

  @Field(() => ID, { description: 'The capability the question is about (one the invitation names).' })
  capabilityId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'One per choice made: a double click or a retry with the same commandId records it once. Scoped to the invitation.',
  })
  commandId?: string | null;
}
