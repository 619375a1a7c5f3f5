import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class RegisterOrganizationInput {
  @Field(() => ID) id!: string;
  @Field({ description: INPUT_DESCRIPTIONS.name }) name!: string;
  @Field(() => String, { nullable: true, description: INPUT_DESCRIPTIONS.statement }) purpose?: string | null;
  @Field(() => String, { nullable: true, description: INPUT_DESCRIPTIONS.statement }) valueProposition?:
    string | null;
  @Field(() => ID, { nullable: true }) modelId?: string | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType()
export class AddFunctionInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) functionId!: string;
  @Field({ description: INPUT_DESCRIPTIONS.name }) name!: string;
  @Field(() => Boolean, { nullable: true }) customerFacing?: boolean | null;
  @Field(() => Boolean, { nullable: true }) partner?: boolean | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType({ description: 'A function renamed or re-flagged; its id never changes.' })
export class UpdateFunctionInput {
  @Field(() => ID, { description: 'The organisation of the function.' }) organizationId!: string;
  @Field(() => ID, { description: 'The function to change.' }) functionId!: string;
  @Field({ description: 'Its name from now on.' }) name!: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Deals with customers directly; left out: unchanged.',
  })
  customerFacing?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'An external organisation that co-delivers; left out: unchanged.',
  })
  partner?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Repeating a command with the same id changes nothing.' })
  commandId?: string | null;
}

@InputType({
  description:
    'A function retired from a date, optionally merged into another: views as of that date or later leave it out; earlier views and the history keep it. Cannot be undone.',
})
export class RetireFunctionInput {
  @Field(() => ID, { description: 'The organisation of the function.' }) organizationId!: string;
  @Field(() => ID, { description: 'The function to retire; it must not be retired already.' })
  functionId!: string;
  @Field({
    description:
      'ISO-8601 date or date-time from which views leave the function out: not before the organisation was registered, not in the future.',
  })
  effectiveFrom!: string;
  @Field({ description: 'Why it was retired, kept on the record (at most 2,000 characters).' })
  reason!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The function that took over its work: another function not retired. Left out: it simply ended.',
  })
  mergedIntoFunctionId?: string | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType()
export class LinkFunctionsInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Float, { nullable: true, description: INPUT_DESCRIPTIONS.weight }) weight?: number | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType({ description: 'Two linked functions that no longer co-deliver.' })
export class UnlinkFunctionsInput {
  @Field(() => ID, { description: 'The organisation of the functions.' }) organizationId!: string;
  @Field(() => ID, { description: 'One function of the link.' }) from!: string;
  @Field(() => ID, { description: 'The other function of the link (either order).' }) to!: string;
  @Field(() => ID, { nullable: true, description: 'Repeating a command with the same id changes nothing.' })
  commandId?: string | null;
}

@InputType({
  description: 'A target removed: a function override, or the capability target for every function.',
})
export class ClearTargetInput {
  @Field(() => ID, { description: 'The organisation.' }) organizationId!: string;
  @Field(() => ID, { description: 'The capability of the target.' }) capabilityId!: string;
  @Field(() => ID, {
    nullable: true,
    description: "Left out: the capability's target for every function; given: that function's override.",
  })
  functionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Repeating a command with the same id changes nothing.' })
  commandId?: string | null;
}

@InputType()
export class SetTargetInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => ID, { nullable: true }) functionId?: string | null;
  @Field(() => Int) level!: number;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}

@InputType({
  description: "One target of a batch: a capability for every function, or one function's override.",
})
export class TargetLevelInput {
  @Field(() => ID, { description: 'The capability of the target.' }) capabilityId!: string;
  @Field(() => ID, {
    nullable: true,
    description: "Left out: the capability's target for every function; given: that function's override.",
  })
  functionId?: string | null;
  @Field(() => Int, { description: "The target level, one of the model's levels." }) level!: number;
}

@InputType({
  description:
    'Many targets set at once (every cell, a function row, a capability column), recorded in one append: all or nothing.',
})
export class SetTargetsInput {
  @Field(() => ID, { description: 'The organisation.' }) organizationId!: string;
  @Field(() => [TargetLevelInput], {
    description:
      'The targets to set, each cell at most once; a refusal names the entry (`targets[2].level`) and sets none.',
  })
  targets!: TargetLevelInput[];
  @Field(() => Boolean, {
    nullable: true,
    description:
      "True: a capability's target for every function also removes that capability's function overrides not set in the same call, so every cell shows it. Left out or false: overrides stay.",
  })
  replaceOverrides?: boolean | null;
  @Field(() => ID, { nullable: true, description: INPUT_DESCRIPTIONS.commandId }) commandId?: string | null;
}
