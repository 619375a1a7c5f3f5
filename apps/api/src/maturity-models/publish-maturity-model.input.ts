import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

@InputType()
export class LevelInput {
  @Field(() => Int) value!: number;
  @Field({ description: INPUT_DESCRIPTIONS.name }) name!: string;
  @Field(() => String, { nullable: true, description: INPUT_DESCRIPTIONS.description }) description?:
    string | null;
}

@InputType()
export class CapabilityInput {
  @Field(() => ID) id!: string;
  @Field({ description: INPUT_DESCRIPTIONS.name }) name!: string;
  @Field({ description: INPUT_DESCRIPTIONS.name }) dimension!: string;
  @Field(() => Float, { nullable: true, description: INPUT_DESCRIPTIONS.weight }) weight?: number | null;
  @Field(() => [String], {
    nullable: true,
    description: `One descriptor per level. ${INPUT_DESCRIPTIONS.description}`,
  })
  @ArrayMaxSize(20)
  descriptors?: string[] | null;
}

@InputType()
export class PublishMaturityModelInput {
  @Field(() => ID) id!: string;
  @Field({ description: INPUT_DESCRIPTIONS.name }) name!: string;
  @Field(() => [LevelInput])
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LevelInput)
  levels!: LevelInput[];
  @Field(() => [CapabilityInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CapabilityInput)
  capabilities!: CapabilityInput[];
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}
