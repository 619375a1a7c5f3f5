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

@InputType({
  description:
    'A correction of a planned or approved investment before it is deployed: the fields given replace the old values, a field left out (or null) keeps its value. Checked as planInvestment checks a new plan. An APPROVED investment drops back to PLANNED, to be approved again as it now stands.',
})
export class ReviseInvestmentInput {
  @Field(() => ID, { description: 'The investment to revise (PLANNED or APPROVED).' }) investmentId!: string;
  @Field(() => String, {
    nullable: true,
    description: `Its new name; left out: kept. ${INPUT_DESCRIPTIONS.name}`,
  })
  name?: string | null;
  @Field(() => InvestmentKind, { nullable: true, description: 'Its new kind; left out: kept.' })
  kind?: InvestmentKind | null;
  @Field(() => Float, {
    nullable: true,
    description: `Its new cost; left out: kept. ${INPUT_DESCRIPTIONS.cost}`,
  })
  cost?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Its new lag: months after deployment before the effects apply, 0 to 120; left out: kept.',
  })
  lagMonths?: number | null;
  @Field(() => [EffectInput], {
    nullable: true,
    description:
      'Its new effects, the whole list (at least one, one per cell), replacing the old one; left out: kept.',
  })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => EffectInput)
  effects?: EffectInput[] | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}
