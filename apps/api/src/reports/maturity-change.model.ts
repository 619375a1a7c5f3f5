import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { Indices } from '../simulation/simulation-result.model';

@ObjectType({ description: "One cell's effective level at two instants." })
export class CellChange {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float, { nullable: true, description: 'The level as of `from`; null when unrated then.' })
  before!: number | null;
  @Field(() => Float, { nullable: true, description: 'The level as of `to`; null when unrated then.' })
  after!: number | null;
  @Field(() => Float, { nullable: true, description: 'after - before; null unless both exist.' })
  delta!: number | null;
}

@ObjectType({ description: "How an organisation's maturity moved between two valid times." })
export class MaturityChange {
  @Field(() => ID) organizationId!: string;
  @Field(() => DateTimeScalar, { description: 'The earlier valid time, as given (UTC).' }) from!: string;
  @Field(() => DateTimeScalar, { description: 'The later valid time, as given (UTC).' }) to!: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The transaction time both views were read at; null: everything recorded.',
  })
  knownAt!: string | null;
  @Field(() => Indices, { description: 'The indices as of `from`.' }) before!: Indices;
  @Field(() => Indices, { description: 'The indices as of `to`.' }) after!: Indices;
  @Field(() => [CellChange], {
    description:
      'Every cell rated at either instant, functions in organisation order, capabilities in model order.',
  })
  cells!: CellChange[];
}
