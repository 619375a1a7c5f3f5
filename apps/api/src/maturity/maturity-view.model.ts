import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import type { CellRating } from './cell-rating.model';
import { RaterGroup } from './rater-group.model';

// Shared by the maturity view and the simulation (projected cells and links): one class per
// GraphQL type name, or the schema would not build.

@ObjectType({ description: 'One function x capability cell.' })
export class MaturityCell {
  @Field(() => ID) functionId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float, { nullable: true, description: 'Effective level m(f,c); null when unrated.' })
  level!: number | null;
  @Field(() => Int, { nullable: true, description: "The function's override, else the capability target." })
  target!: number | null;
  @Field(() => Float, { nullable: true, description: 'max(0, target - level); null unless both exist.' })
  gap!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Mean SELF level minus the mean of the other sources; positive: rated higher by itself than by others.',
  })
  perceptionGap!: number | null;
  @Field(() => Int) ratingCount!: number;
  /** A field whose answer depends on the caller: resolved by MaturityCellResolver. */
  ratings!: CellRating[];
  @Field(() => Float, {
    nullable: true,
    description:
      'Rater agreement of the cell: the smallest r_wg of its rater groups; null when no group has two respondents. Below 0.7 the raters disagree.',
  })
  agreement!: number | null;
  @Field(() => [RaterGroup], {
    description: 'The rater groups behind the level (one per source and rater), by source then rater.',
  })
  groups!: RaterGroup[];
}

@ObjectType({ description: 'How far apart two interacting functions are, in levels.' })
export class LinkScore {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Float, {
    description: 'Weighted mean level difference over the capabilities rated at both ends.',
  })
  misalignment!: number;
}

@ObjectType({ description: "A function's customer-centricity index over its rated cells." })
export class FunctionScore {
  @Field(() => ID) functionId!: string;
  @Field(() => Float, { nullable: true }) customerCentricityIndex!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "Rater agreement over the function's capabilities: per rater group r_wg(J) over the J capabilities where it has two or more respondents, the smallest of them; null when no group has. Below 0.7 the raters disagree.",
  })
  agreement!: number | null;
}

@ObjectType({
  description:
    'An assessment still open whose ratings a view includes: its numbers are provisional until it closes.',
})
export class IncludedOpenAssessment {
  @Field(() => ID, { description: 'The open assessment.' }) assessmentId!: string;
  @Field({ description: 'Its title, as opened.' }) title!: string;
  @Field(() => DateTimeScalar, { description: 'The valid time its ratings describe.' })
  periodEnd!: string;
  @Field(() => Int, {
    description:
      'The cells whose level comes from this assessment (the most recent one rating them); 0 while it has no rating.',
  })
  decidedCells!: number;
}

@ObjectType({
  description: 'The scores of an organisation as of a valid time, as known at a transaction time.',
})
export class MaturityView {
  @Field(() => ID) organizationId!: string;
  @Field(() => DateTimeScalar, { nullable: true }) asOf!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) knownAt!: string | null;
  @Field(() => [MaturityCell], { description: 'Every function x capability.' })
  cells!: MaturityCell[];
  @Field(() => Float, { nullable: true }) customerCentricityIndex!: number | null;
  @Field(() => Float, { nullable: true }) alignmentIndex!: number | null;
  @Field(() => Float, { nullable: true }) targetAttainment!: number | null;
  @Field(() => Float) coverage!: number;
  @Field(() => [FunctionScore]) functionScores!: FunctionScore[];
  @Field(() => [LinkScore], { description: 'Largest misalignment first.' })
  weakestLinks!: LinkScore[];
  @Field(() => [IncludedOpenAssessment], {
    description:
      'The assessments still open (as known at knownAt, periodEnd up to asOf) that these scores include, by periodEnd. Open assessments count, so while this is not empty the scores are provisional.',
  })
  openAssessments!: IncludedOpenAssessment[];
}
