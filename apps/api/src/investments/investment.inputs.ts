import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { InvestmentKind } from '../graphql/enums/enums';

@InputType()
export class EffectInput {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float, { description: INPUT_DESCRIPTIONS.effectChange }) low!: number;
  @Field(() => Float, { description: INPUT_DESCRIPTIONS.effectChange }) likely!: number;
  @Field(() => Float, { description: INPUT_DESCRIPTIONS.effectChange }) high!: number;
}

@InputType()
export class PlanInvestmentInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { nullable: true }) investmentId?: string | null;
  @Field({ description: INPUT_DESCRIPTIONS.name }) name!: string;
  @Field(() => InvestmentKind) kind!: InvestmentKind;
  @Field(() => Float, { description: INPUT_DESCRIPTIONS.cost }) cost!: number;
  @Field(() => Int) lagMonths!: number;
  @Field(() => [EffectInput])
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => EffectInput)
  effects!: EffectInput[];
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}
