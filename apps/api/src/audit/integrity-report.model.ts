import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'Every hash recomputed and every chain link checked over the events as recorded.',
})
export class IntegrityReport {
  @Field()
  ok!: boolean;

  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => String, { nullable: true })
  firstBrokenStream!: string | null;

  @Field(() => Int, { nullable: true })
  firstBrokenRevision!: number | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}
