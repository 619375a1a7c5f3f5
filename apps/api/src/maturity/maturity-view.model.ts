import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

// Shared by the maturity view and the simulation (projected cells and links): one class per
// GraphQL type name, or the schema would not build.

@ObjectType({ description: 'One function x capability cell.' })
export class MaturityCell {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float, { nullable: true, description: 'Effective level m(f,c); null when unrated.' })
  level!: number | null;
  @Field(() => Int, { nullable: true, description: "The function's override, else the capability target." })
  target!: number | null;
  @Field(() => Float, { nullable: true, description: 'max(0, target - level); null unless both exist.' })
  gap!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean SELF level minus the mean of the other sources; positive: rated higher by itself than by others.',
  })
  perceptionGap!: number | null;
  @Field(() => Int) ratingCount!: number;
}

@ObjectType({ description: 'How far apart two interacting functions are, in levels.' })
export class LinkScore {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Float, { description: 'Weighted mean level difference over the capabilities rated at both ends.' })
  misalignment!: number;
}
