import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize } from 'class-validator';

@InputType({ description: 'A scenario to save under a name; saving again under the same id replaces it.' })
export class SaveScenarioInput {
  @Field(() => ID, { description: 'The organisation.' }) organizationId!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The scenario: a client-chosen slug (lower-case letters, digits and dashes, at most 64 characters); left out: the server makes one.',
  })
  scenarioId?: string | null;
  @Field({ description: INPUT_DESCRIPTIONS.name }) name!: string;
  @Field(() => [ID], { description: 'The investments of the scenario, at least one, each once.' })
  @ArrayMaxSize(1000)
  investmentIds!: string[];
  @Field(() => Int, { nullable: true, description: 'The horizon in months, 0 to 120 (default 12).' })
  horizonMonths?: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "The optimiser's budget, when the scenario is its answer (0 to 1e+12).",
  })
  budget?: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "The optimiser's weight of CCI against alignment, 0 to 1, when the scenario is its answer.",
  })
  alpha?: number | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}
