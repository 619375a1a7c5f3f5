import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "An organisation's level on one capability." })
export class CapabilityLevel {
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float, {
    nullable: true,
    description:
      "The plain mean of the organisation's effective levels of the capability over its rated functions; null when none is rated.",
  })
  level!: number | null;
}

@ObjectType({ description: 'One organisation in a side-by-side comparison.' })
export class OrganizationComparison {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) name!: string;
  @Field(() => Float, { nullable: true }) customerCentricityIndex!: number | null;
  @Field(() => Float, { nullable: true }) alignmentIndex!: number | null;
  @Field(() => Float, { nullable: true }) targetAttainment!: number | null;
  @Field(() => Float, { description: 'Share of function x capability cells with a rating.' })
  coverage!: number;
  @Field(() => [CapabilityLevel], { description: "One per capability of the model, in the model's order." })
  capabilityLevels!: CapabilityLevel[];
}
