import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@ObjectType({
  description: 'A named scenario a planner saved, to compare it with others or take it to the board.',
})
export class SavedScenario {
  @Field(() => ID, { description: 'The scenario, unique within its organisation.' }) id!: string;
  @Field(() => ID, { description: 'The organisation it belongs to.' }) organizationId!: string;
  @Field({ description: 'Its name, as the planner gave it.' }) name!: string;
  @Field(() => [ID], { description: 'Its investments, in the order saved.' }) investmentIds!: string[];
  @Field(() => Int, { description: 'The horizon it is simulated over, in months.' }) horizonMonths!: number;
  @Field(() => Float, {
    nullable: true,
    description: "The optimiser's budget when the scenario is its answer; null when the planner picked it.",
  })
  budget!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "The optimiser's weight of CCI against alignment (0 to 1) when the scenario is its answer; null otherwise.",
  })
  alpha!: number | null;
  @Field(() => DateTimeScalar, { description: 'When it was last saved.' }) savedAt!: string;
  @Field({
    description:
      'The portfolio the board report shows as recommended (chooseScenarioForBoard): at most one scenario of the organisation.',
  })
  chosenForBoard!: boolean;
}
