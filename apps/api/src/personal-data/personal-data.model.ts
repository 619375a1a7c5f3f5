import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@ObjectType({
  description:
    'A respondent the organisation forgot (forgetRespondent): never invited or recorded again. Names no one: the id only.',
})
export class ForgottenRespondent {
  @Field(() => ID, { description: 'The pseudonymous id of the person forgotten.' })
  respondentId!: string;

  @Field(() => DateTimeScalar, { description: 'When they were forgotten.' })
  forgottenAt!: string;
}
