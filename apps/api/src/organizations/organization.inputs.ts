import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class RegisterOrganizationInput {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) purpose?: string | null;
  @Field(() => String, { nullable: true }) valueProposition?: string | null;
  @Field(() => ID, { nullable: true }) modelId?: string | null;
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}

@InputType()
export class AddFunctionInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) functionId!: string;
  @Field() name!: string;
  @Field(() => Boolean, { nullable: true }) customerFacing?: boolean | null;
  @Field(() => Boolean, { nullable: true }) partner?: boolean | null;
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}

@InputType()
export class LinkFunctionsInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Float, { nullable: true }) weight?: number | null;
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}

@InputType()
export class SetTargetInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => ID, { nullable: true }) functionId?: string | null;
  @Field(() => Int) level!: number;
  @Field(() => ID, { nullable: true }) commandId?: string | null;
}
