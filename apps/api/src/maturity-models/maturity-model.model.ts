import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Level {
  @Field(() => Int) value!: number;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType()
export class Capability {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() dimension!: string;
  @Field(() => Float) weight!: number;
  @Field(() => [String]) descriptors!: string[];
}

@ObjectType()
export class MaturityModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field() name!: string;
  @Field(() => [Level]) levels!: Level[];
  @Field(() => [Capability]) capabilities!: Capability[];
}
