import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@ObjectType()
export class RealisationCell {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float, { description: 'Effective level as of deployedAt.' }) baselineLevel!: number;
  @Field(() => Float, { description: 'clamp(baseline + likely, 1, L).' }) predictedLevel!: number;
  @Field(() => Float, { nullable: true, description: 'Level as of the assessment that made it due.' })
  actualLevel!: number | null;
}

@ObjectType({ description: 'Did a deployed investment deliver the change it promised?' })
export class Realisation {
  @Field(() => ID) investmentId!: string;
  @Field(() => Float, { description: 'Sum over its effect cells of the predicted change in levels.' })
  predicted!: number;
  @Field(() => Float, { nullable: true, description: 'Sum of the observed change; null until due.' })
  actual!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'actual / predicted; null until due or when predicted is 0.',
  })
  ratio!: number | null;
  @Field({ description: 'An assessment on or after deployedAt + lagMonths rates an effect cell.' })
  due!: boolean;
  @Field(() => DateTimeScalar, { description: 'deployedAt + lagMonths.' }) dueFrom!: string;
  @Field(() => ID, { nullable: true, description: 'The assessment the actual change is read from.' })
  assessmentId!: string | null;
  @Field(() => [RealisationCell]) cells!: RealisationCell[];
}
