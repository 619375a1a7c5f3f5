import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { InvestmentKind } from '../graphql/enums/enums';

@InputType()
export class EffectInput {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float) low!: number;
  @Field(() => Float) likely!: number;
  @Field(() => Float) high!: number;
}

@InputType()
export class PlanInvestmentInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { nullable: true }) investmentId?: string | null;
  @Field() name!: string;
  @Field(() => InvestmentKind) kind!: InvestmentKind;
  @Field(() => Float) cost!: number;
  @Field(() => Int) lagMonths!: number;
  @Field(() => [EffectInput])
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => EffectInput)
  effects!: EffectInput[];
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}
