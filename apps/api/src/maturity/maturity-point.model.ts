import { Field, Float, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@ObjectType({ description: "The indices as of one assessment's periodEnd." })
export class MaturityPoint {
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => Float, { nullable: true }) customerCentricityIndex!: number | null;
  @Field(() => Float, { nullable: true }) alignmentIndex!: number | null;
  @Field(() => Float, { nullable: true }) targetAttainment!: number | null;
  @Field(() => Float) coverage!: number;
  @Field({
    description:
      'True when an assessment ending at this date was still open (as known at knownAt): the point is provisional.',
  })
  provisional!: boolean;
}
