import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Indices, SimulationWarning } from './simulation-result.model';

@ObjectType()
export class FrontierPoint {
  @Field(() => Float) cost!: number;
  @Field(() => Float) objective!: number;
  @Field(() => [ID]) investmentIds!: string[];
}

@ObjectType()
export class PortfolioResult {
  @Field(() => [ID], { description: 'In candidate order.' }) selectedIds!: string[];
  @Field(() => Float) totalCost!: number;
  @Field(() => Float, { description: 'alpha * dCCI + (1 - alpha) * dAI at the horizon.' }) objective!: number;
  @Field({ description: 'True when every subset was scored, so the selection is proven best.' })
  exact!: boolean;
  @Field({ description: 'What was done, in words: exhaustive search or the heuristic used.' })
  method!: string;
  @Field(() => [FrontierPoint], { description: 'Pareto-efficient subsets within budget, cheapest first.' })
  frontier!: FrontierPoint[];
  @Field(() => Indices) baseline!: Indices;
  @Field(() => Indices, { description: 'Of the selection, at the horizon.' }) projected!: Indices;
  @Field(() => [SimulationWarning]) warnings!: SimulationWarning[];
  @Field(() => Float, {
    description:
      'The weight of customer-centricity used, 0 to 1 (alignment weighs 1 - alpha): the one asked for, or the default 0.5.',
  })
  alpha!: number;
  @Field(() => Int, { description: 'The horizon used, in months: the one asked for, or the default 12.' })
  horizonMonths!: number;
}
