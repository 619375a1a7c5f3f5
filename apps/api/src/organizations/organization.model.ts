import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class BusinessFunction {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() customerFacing!: boolean;
  @Field() partner!: boolean;
}

@ObjectType()
export class Interaction {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType()
export class Target {
  @Field(() => ID) capabilityId!: string;
  @Field(() => ID, { nullable: true }) functionId!: string | null;
  @Field(() => Int) level!: number;
}

@ObjectType()
export class Organization {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) purpose!: string | null;
  @Field(() => String, { nullable: true }) valueProposition!: string | null;
  @Field(() => ID) modelId!: string;
  @Field(() => Int, {
    description: 'The version of the maturity model the organisation is assessed against.',
  })
  modelVersion!: number;
  @Field(() => [BusinessFunction]) functions!: BusinessFunction[];
  @Field(() => [Interaction]) interactions!: Interaction[];
  @Field(() => [Target]) targets!: Target[];
}
