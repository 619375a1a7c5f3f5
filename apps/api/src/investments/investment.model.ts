import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { InvestmentKind, InvestmentStatus } from '../graphql/enums/enums';

@ObjectType()
export class Effect {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float) low!: number;
  @Field(() => Float) likely!: number;
  @Field(() => Float) high!: number;
}

@ObjectType()
export class Investment {
  @Field(() => ID) id!: string;
  @Field(() => ID) organizationId!: string;
  @Field() name!: string;
  @Field(() => InvestmentKind) kind!: InvestmentKind;
  @Field(() => Float) cost!: number;
  @Field(() => Int) lagMonths!: number;
  @Field(() => InvestmentStatus) status!: InvestmentStatus;
  @Field(() => DateTimeScalar, { nullable: true }) deployedAt!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When its plan was last revised (reviseInvestment); null while it is as first planned. A saved scenario saved before this simulates the revised figures.',
  })
  revisedAt!: string | null;
  @Field(() => [Effect]) effects!: Effect[];
  @Field(() => DateTimeScalar, { nullable: true }) cancelledAt!: string | null;
  @Field(() => String, { nullable: true }) cancellationReason!: string | null;
}
