import { RATING_SOURCES } from '../maturity-model';
import { invalidInput } from '../shared';
import { agreementOfVariance, sampleVariance } from './agreement';
import type {
  AssessmentRating,
  AssessmentRatings,
  ContributingRating,
  EffectiveCell,
  RaterGroupScore,
  RatingSource,
  ScoringModel,
  ScoringFunction,
  ScoringOrganization,
} from './scoring-input';

export interface EffectiveCellsOptions {
  /** Valid time: only assessments with periodEnd <= asOf count. Absent: every assessment counts. */
  asOf?: string;
}

/** Parses an ISO-8601 instant to epoch milliseconds, naming the field when it is not one. */
export const parseInstant = (value: string, field: string): number => {
  const milliseconds = Date.parse(value);
  if (Number.isNaN(milliseconds))
    throw invalidInput(field, `${field} must be an ISO-8601 date, got "${value}"`);
  return milliseconds;
};

/** docs/reference/scores.md: SELF 1, PEER 1 (2 from a customer-facing rater), CUSTOMER 2, AUDIT 2. */
export const ratingWeight = (source: RatingSource, raterIsCustomerFacing: boolean): number => {
  switch (source) {
    case 'SELF':
      return 1;
    case 'PEER':
      // Listen to those who listen to customers.
      return raterIsCustomerFacing ? 2 : 1;
    case 'CUSTOMER':
    case 'AUDIT':
      return 2;
  }
};

/**
 * The one rule of which functions a view has (docs/reference/scores.md, "Retired functions"): a
 * function retired from a date is left out of every view as of that date or later, and kept in
 * views of earlier dates. Without `asOf` (the latest view) every recorded retirement applies.
 * Links and targets that name a left-out function are kept as recorded: the score grid ignores
 * what names no function of its own, and dropping them could turn "the declared links" into
 * "no links declared", which means every pair.
 */
export const organizationAsOf = (organization: ScoringOrganization, asOf?: string): ScoringOrganization => {
  const until = asOf === undefined ? Infinity : parseInstant(asOf, 'asOf');
  const inPlace: ScoringFunction[] = [];
  const former: ScoringFunction[] = [...(organization.formerFunctions ?? [])];
  for (const business of organization.functions) {
    const { retiredFrom } = business;
    const retired =
      retiredFrom !== undefined && retiredFrom !== null && parseInstant(retiredFrom, 'retiredFrom') <= until;
    (retired ? former : inPlace).push(business);
  }
  if (former.length === (organization.formerFunctions ?? []).length) return organization;
  return { ...organization, functions: inPlace, formerFunctions: former };
};

const cellKey = (functionId: string, capabilityId: string): string => `${functionId}\u0000${capabilityId}`;

/**
 * An assessment's ratings by cell. Inputs are never changed, so the grouping is kept for as long
 * as the caller keeps the assessment: reading one organisation at many dates groups each
 * assessment once.
 */
const groupedRatings = new WeakMap<AssessmentRatings, ReadonlyMap<string, readonly AssessmentRating[]>>();

const ratingsByCellOf = (assessment: AssessmentRatings): ReadonlyMap<string, readonly AssessmentRating[]> => {
  const kept = groupedRatings.get(assessment);
  if (kept !== undefined) return kept;
  const byCell = new Map<string, AssessmentRating[]>();
  for (const rating of assessment.ratings) {
    const key = cellKey(rating.functionId, rating.capabilityId);
    const cellRatings = byCell.get(key);
    if (cellRatings === undefined) byCell.set(key, [rating]);
    else cellRatings.push(rating);
  }
  groupedRatings.set(assessment, byCell);
  return byCell;
};

interface DatedAssessment {
  assessment: AssessmentRatings;
  periodEndMilliseconds: number;
}

/** The deciding assessment of a cell and its ratings of that cell. */
type LatestByCell = Map<string, { assessment: AssessmentRatings; ratings: readonly AssessmentRating[] }>;

/** Oldest first: by periodEnd, then sequence (the order in which later ones replace earlier ones). */
const datedInOrder = (assessments: readonly AssessmentRatings[]): DatedAssessment[] =>
  assessments
    .map((assessment) => ({
      assessment,
      periodEndMilliseconds: parseInstant(assessment.periodEnd, 'periodEnd'),
    }))
    .sort(
      (left, right) =>
        left.periodEndMilliseconds - right.periodEndMilliseconds ||
        left.assessment.sequence - right.assessment.sequence,
    );

/** A later assessment that rates a cell replaces the earlier one's ratings of it wholesale. */
const takeRatingsOf = (latestByCell: LatestByCell, assessment: AssessmentRatings): void => {
  for (const [key, ratings] of ratingsByCellOf(assessment)) latestByCell.set(key, { assessment, ratings });
};

/**
 * The effective level of every rated cell (docs/reference/scores.md): the most recent assessment
 * that rates the cell (by periodEnd, then sequence) decides it alone; in it the weighted mean of
 * its rater groups' levels, each group's level the plain mean of its respondents.
 * Cells come back in organisation function order, then model capability order; unrated cells and
 * ratings of functions or capabilities outside the organisation and model are left out, and so are
 * the cells of functions retired as of `asOf` (`organizationAsOf`).
 */
export const effectiveCells = (
  model: ScoringModel,
  organization: ScoringOrganization,
  assessments: readonly AssessmentRatings[],
  options: EffectiveCellsOptions = {},
): EffectiveCell[] => {
  const asOfMilliseconds = options.asOf === undefined ? Infinity : parseInstant(options.asOf, 'asOf');
  const latestByCell: LatestByCell = new Map();
  for (const { assessment, periodEndMilliseconds } of datedInOrder(assessments)) {
    if (periodEndMilliseconds > asOfMilliseconds) break;
    takeRatingsOf(latestByCell, assessment);
  }
  return cellsOf(model, organizationAsOf(organization, options.asOf), latestByCell);
};

/**
 * `effectiveCells` as of each date of `dates` (ascending), one date at a time: each assessment is
 * taken once, when the walk reaches its periodEnd, instead of every earlier assessment again at
 * every date. The caller may pause between dates (the timeline serves other work there).
 */
export function* effectiveCellsByDate(
  model: ScoringModel,
  organization: ScoringOrganization,
  assessments: readonly AssessmentRatings[],
  dates: readonly string[],
): Generator<{ at: string; cells: EffectiveCell[] }> {
  const dated = datedInOrder(assessments);
  const latestByCell: LatestByCell = new Map();
  let taken = 0;
  let previous = -Infinity;
  for (const at of dates) {
    const asOfMilliseconds = parseInstant(at, 'asOf');
    if (asOfMilliseconds < previous) throw invalidInput('asOf', 'dates must be in ascending order');
    previous = asOfMilliseconds;
    let next = dated[taken];
    while (next !== undefined && next.periodEndMilliseconds <= asOfMilliseconds) {
      takeRatingsOf(latestByCell, next.assessment);
      taken += 1;
      next = dated[taken];
    }
    yield { at, cells: cellsOf(model, organizationAsOf(organization, at), latestByCell) };
  }
}

/** The described cells of the functions in place, in function then capability order. */
const cellsOf = (
  model: ScoringModel,
  inPlace: ScoringOrganization,
  latestByCell: LatestByCell,
): EffectiveCell[] => {
  // A retired rater's ratings of functions still in place keep the weight they were given.
  const customerFacing = new Map(
    [...(inPlace.formerFunctions ?? []), ...inPlace.functions].map((business) => [
      business.id,
      business.customerFacing,
    ]),
  );
  const cells: EffectiveCell[] = [];
  for (const business of inPlace.functions) {
    for (const capability of model.capabilities) {
      const latest = latestByCell.get(cellKey(business.id, capability.id));
      if (latest === undefined) continue;
      cells.push(
        describeCell(
          business.id,
          capability.id,
          latest.assessment,
          latest.ratings,
          customerFacing,
          model.levelCount,
        ),
      );
    }
  }
  return cells;
};

interface GroupTally {
  source: RatingSource;
  raterFunctionId: string | null;
  weight: number;
  levels: number[];
}

/** (source, rater): the rater group a rating belongs to. */
const groupKey = (rating: AssessmentRating): string =>
  `${rating.source}\u0000${rating.raterFunctionId ?? ''}`;

const describeCell = (
  functionId: string,
  capabilityId: string,
  assessment: AssessmentRatings,
  ratings: readonly AssessmentRating[],
  customerFacing: ReadonlyMap<string, boolean>,
  levelCount: number,
): EffectiveCell => {
  // The caller passes effective ratings; should a (source, rater, respondent) still repeat, the later one wins.
  const latest = new Map<string, AssessmentRating>();
  for (const rating of ratings) latest.set(`${groupKey(rating)}\u0000${rating.respondentId ?? ''}`, rating);

  // Groups in the order their first rating comes: the sums below then add up as they always have.
  const groups = new Map<string, GroupTally>();
  for (const rating of latest.values()) {
    const key = groupKey(rating);
    const group = groups.get(key);
    if (group !== undefined) {
      group.levels.push(rating.level);
      continue;
    }
    const raterIsCustomerFacing =
      rating.raterFunctionId !== null && customerFacing.get(rating.raterFunctionId) === true;
    groups.set(key, {
      source: rating.source,
      raterFunctionId: rating.raterFunctionId,
      weight: ratingWeight(rating.source, raterIsCustomerFacing),
      levels: [rating.level],
    });
  }

  // m = weighted mean of the group levels; each group's level is the plain mean of its respondents.
  let weightedSum = 0;
  let weightSum = 0;
  let selfSum = 0;
  let selfCount = 0;
  let otherSum = 0;
  let otherCount = 0;
  const scoredGroups: RaterGroupScore[] = [];
  let agreement: number | null = null;
  for (const group of groups.values()) {
    const level = meanOf(group.levels);
    weightedSum += group.weight * level;
    weightSum += group.weight;
    if (group.source === 'SELF') {
      selfSum += level;
      selfCount += 1;
    } else {
      otherSum += level;
      otherCount += 1;
    }
    const variance = sampleVariance(group.levels);
    const groupAgreement = variance === null ? null : agreementOfVariance(variance, levelCount);
    if (groupAgreement !== null && (agreement === null || groupAgreement < agreement))
      agreement = groupAgreement;
    scoredGroups.push({
      source: group.source,
      raterFunctionId: group.raterFunctionId,
      respondents: group.levels.length,
      level,
      variance,
      agreement: groupAgreement,
    });
  }

  const contributing: ContributingRating[] = [];
  for (const rating of latest.values()) {
    const group = groups.get(groupKey(rating));
    contributing.push({
      source: rating.source,
      level: rating.level,
      raterFunctionId: rating.raterFunctionId,
      respondentId: rating.respondentId ?? null,
      evidence: rating.evidence ?? null,
      evidenceErased: rating.evidenceErased === true,
      weight: group === undefined ? 0 : group.weight / group.levels.length,
    });
  }
  return {
    functionId,
    capabilityId,
    level: weightedSum / weightSum,
    // Means over rater groups: SELF against every other source's groups pooled.
    perceptionGap: selfCount > 0 && otherCount > 0 ? selfSum / selfCount - otherSum / otherCount : null,
    ratingCount: contributing.length,
    assessmentId: assessment.assessmentId,
    periodEnd: assessment.periodEnd,
    ratings: contributing,
    groups: scoredGroups.sort(
      (left, right) =>
        RATING_SOURCES.indexOf(left.source) - RATING_SOURCES.indexOf(right.source) ||
        (left.raterFunctionId ?? '').localeCompare(right.raterFunctionId ?? ''),
    ),
    agreement,
  };
};

/** A single level is its own mean: no division, so a group of one keeps its level exactly. */
const meanOf = (levels: readonly number[]): number => {
  if (levels.length === 1) return levels[0] ?? NaN;
  let sum = 0;
  for (const level of levels) sum += level;
  return sum / levels.length;
};
