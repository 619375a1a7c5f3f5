import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@ObjectType({
  description: 'One effect cell of a deployed investment: baseline, predicted and actual level.',
})
export class RealisationCell {
  @Field(() => ID, { description: 'The function of the cell.' }) functionId!: string;
  @Field(() => ID, { description: 'The capability of the cell.' }) capabilityId!: string;
  @Field(() => Float, { description: 'Effective level as of deployedAt.' }) baselineLevel!: number;
  @Field(() => Float, { description: 'clamp(baseline + likely, 1, L).' }) predictedLevel!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Level as of the latest assessment that made it due (measuredBy); null until due.',
  })
  actualLevel!: number | null;
}

@ObjectType({ description: 'An effect cell left out of a realisation.' })
export class ExcludedRealisationCell {
  @Field(() => ID, { description: 'The function of the cell.' }) functionId!: string;
  @Field(() => ID, { description: 'The capability of the cell.' }) capabilityId!: string;
}

@ObjectType({
  description:
    'What one assessment on or after deployedAt + lagMonths that rates an effect cell showed of a realisation.',
})
export class RealisationMeasurement {
  @Field(() => ID, { description: 'The assessment.' }) assessmentId!: string;
  @Field({ description: 'Its title, as opened.' }) title!: string;
  @Field(() => DateTimeScalar, { description: 'Its period end: the levels are read as of it.' })
  periodEnd!: string;
  @Field({
    description:
      'It is still open: its ratings, and so this figure, may change until it closes (provisional).',
  })
  open!: boolean;
  @Field(() => Float, { description: 'Sum over the counted cells of (level as of this assessment) - m0.' })
  actual!: number;
  @Field(() => Float, { nullable: true, description: 'actual / predicted; null when predicted is 0.' })
  ratio!: number | null;
}

@ObjectType({ description: 'Did a deployed investment deliver the change it promised?' })
export class Realisation {
  @Field(() => ID, { description: 'The deployed investment.' }) investmentId!: string;
  @Field(() => Float, { description: 'Sum over its effect cells of the predicted change in levels.' })
  predicted!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Sum of the observed change as of the latest assessment after the lag that rates an effect cell (measuredBy); null until due.',
  })
  actual!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'actual / predicted; null until due or when predicted is 0.',
  })
  ratio!: number | null;
  @Field({ description: 'An assessment on or after deployedAt + lagMonths rates an effect cell.' })
  due!: boolean;
  @Field(() => DateTimeScalar, { description: 'deployedAt + lagMonths.' }) dueFrom!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The assessment the actual change is read from: the latest after the lag (measuredBy).',
  })
  assessmentId!: string | null;
  @Field(() => RealisationMeasurement, {
    nullable: true,
    description:
      'The assessment actual is read from (the latest after the lag rating an effect cell), named, with what it showed; null until due. While it is open the figure is provisional.',
  })
  measuredBy!: RealisationMeasurement | null;
  @Field(() => [RealisationMeasurement], {
    description:
      'Every assessment after the lag that rates an effect cell, by period end, with what each showed: the last is measuredBy, the earlier ones how the figure got there.',
  })
  measurements!: RealisationMeasurement[];
  @Field(() => [RealisationCell], {
    description:
      'The effect cells that count (rated as of deployedAt), each with baseline, predicted and actual.',
  })
  cells!: RealisationCell[];
  @Field(() => [ExcludedRealisationCell], {
    description: 'Effect cells with no rating as of deployedAt (no baseline), left out of both sums.',
  })
  excludedCells!: ExcludedRealisationCell[];
  @Field({
    description:
      'Some effect cell had a rating as of deployedAt. When false the realisation has no baseline and can never fall due.',
  })
  measurable!: boolean;
}
