import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'When and why a function left the structure.' })
export class FunctionRetirement {
  @Field({ description: 'ISO-8601: views as of this instant or later leave the function out.' })
  effectiveFrom!: string;
  @Field({ description: 'Why it was retired, as given.' }) reason!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The function that took over its work; null when it simply ended.',
  })
  mergedIntoFunctionId!: string | null;
}

@ObjectType()
export class BusinessFunction {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() customerFacing!: boolean;
  @Field() partner!: boolean;
  @Field(() => FunctionRetirement, {
    nullable: true,
    description:
      'Its retirement; null while it is in place. A retired function stays listed for its history.',
  })
  retirement!: FunctionRetirement | null;
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
