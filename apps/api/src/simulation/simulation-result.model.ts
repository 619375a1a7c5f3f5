import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LinkScore, MaturityCell } from '../maturity/maturity-view.model';

@ObjectType()
export class Indices {
  @Field(() => Float, { nullable: true }) customerCentricityIndex!: number | null;
  @Field(() => Float, { nullable: true }) alignmentIndex!: number | null;
  @Field(() => Float, { nullable: true }) targetAttainment!: number | null;
}

@ObjectType()
export class TrajectoryPoint extends Indices {
  @Field(() => Int) month!: number;
}

@ObjectType()
export class SimulationWarning {
  @Field({ description: 'MATURITY_UP_ALIGNMENT_DOWN, LINK_MISALIGNMENT_UP or UNRATED_CELL_IGNORED.' })
  code!: string;
  @Field() message!: string;
  @Field(() => ID, { nullable: true, description: 'LINK_MISALIGNMENT_UP: one end of the link.' }) from!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'LINK_MISALIGNMENT_UP: the other end.' }) to!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'UNRATED_CELL_IGNORED: the investment.' }) investmentId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'UNRATED_CELL_IGNORED: the cell.' }) functionId!:
    string | null;
  @Field(() => ID, { nullable: true }) capabilityId!: string | null;
}

@ObjectType()
export class Percentiles {
  @Field(() => Float) p10!: number;
  @Field(() => Float) p50!: number;
  @Field(() => Float) p90!: number;
}

@ObjectType({ description: 'The spread of the indices at the horizon over the Monte Carlo trials.' })
export class Distribution {
  @Field(() => Int) trials!: number;
  @Field(() => Int) seed!: number;
  @Field({ description: 'How the trials were drawn and the percentiles computed.' }) method!: string;
  @Field(() => Percentiles) customerCentricityIndex!: Percentiles;
  @Field(() => Percentiles) alignmentIndex!: Percentiles;
  @Field(() => Float, { description: 'Share of trials whose alignment index ends below the baseline.' })
  probabilityAlignmentDrops!: number;
}

@ObjectType()
export class SimulationResult {
  @Field(() => Int) horizonMonths!: number;
  @Field(() => Indices) baseline!: Indices;
  @Field(() => Indices, { description: 'At the horizon.' }) projected!: Indices;
  @Field(() => [TrajectoryPoint], { description: 'Months 0..horizon.' }) trajectory!: TrajectoryPoint[];
  @Field(() => [MaturityCell], { description: 'Projected at the horizon.' }) cells!: MaturityCell[];
  @Field(() => [LinkScore], { description: 'Projected at the horizon, worst first.' })
  weakestLinks!: LinkScore[];
  @Field(() => [SimulationWarning]) warnings!: SimulationWarning[];
  @Field(() => Distribution, {
    nullable: true,
    description: 'Null unless trials > 0, and null when either index is undefined (nothing to spread).',
  })
  distribution!: Distribution | null;
}
