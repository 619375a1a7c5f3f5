import { invalidInput } from '../shared';
import type {
  AssessmentRating,
  AssessmentRatings,
  ContributingRating,
  EffectiveCell,
  RatingSource,
  ScoringModel,
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

const cellKey = (functionId: string, capabilityId: string): string => `${functionId}\u0000${capabilityId}`;

interface DatedAssessment {
  assessment: AssessmentRatings;
  periodEndMilliseconds: number;
}

/**
 * The effective level of every rated cell (docs/reference/scores.md): the most recent assessment that rates
 * the cell (by periodEnd, then sequence) decides it alone; in it the weighted mean of its ratings.
 * Cells come back in organisation function order, then model capability order; unrated cells and
 * ratings of functions or capabilities outside the organisation and model are left out.
 */
export const effectiveCells = (
  model: ScoringModel,
  organization: ScoringOrganization,
  assessments: readonly AssessmentRatings[],
  options: EffectiveCellsOptions = {},
): EffectiveCell[] => {
  const asOfMilliseconds = options.asOf === undefined ? Infinity : parseInstant(options.asOf, 'asOf');
  const dated: DatedAssessment[] = assessments
    .map((assessment) => ({
      assessment,
      periodEndMilliseconds: parseInstant(assessment.periodEnd, 'periodEnd'),
    }))
    .filter((entry) => entry.periodEndMilliseconds <= asOfMilliseconds)
    .sort(
      (left, right) =>
        left.periodEndMilliseconds - right.periodEndMilliseconds ||
        left.assessment.sequence - right.assessment.sequence,
    );

  // Oldest first: a later assessment that rates a cell replaces the earlier one's ratings wholesale.
  const latestByCell = new Map<string, { assessment: AssessmentRatings; ratings: AssessmentRating[] }>();
  for (const { assessment } of dated) {
    const ratingsByCell = new Map<string, AssessmentRating[]>();
    for (const rating of assessment.ratings) {
      const key = cellKey(rating.functionId, rating.capabilityId);
      const cellRatings = ratingsByCell.get(key);
      if (cellRatings === undefined) ratingsByCell.set(key, [rating]);
      else cellRatings.push(rating);
    }
    for (const [key, ratings] of ratingsByCell) latestByCell.set(key, { assessment, ratings });
  }

  const customerFacing = new Map(
    organization.functions.map((business) => [business.id, business.customerFacing]),
  );
  const cells: EffectiveCell[] = [];
  for (const business of organization.functions) {
    for (const capability of model.capabilities) {
      const latest = latestByCell.get(cellKey(business.id, capability.id));
      if (latest === undefined) continue;
      cells.push(describeCell(business.id, capability.id, latest.assessment, latest.ratings, customerFacing));
    }
  }
  return cells;
};

const describeCell = (
  functionId: string,
  capabilityId: string,
  assessment: AssessmentRatings,
  ratings: readonly AssessmentRating[],
  customerFacing: ReadonlyMap<string, boolean>,
): EffectiveCell => {
  // The caller passes effective ratings; should a (source, rater) still repeat, the later one wins.
  const bySourceAndRater = new Map<string, AssessmentRating>();
  for (const rating of ratings)
    bySourceAndRater.set(`${rating.source}\u0000${rating.raterFunctionId ?? ''}`, rating);

  const contributing: ContributingRating[] = [];
  let weightedSum = 0;
  let weightSum = 0;
  let selfSum = 0;
  let selfCount = 0;
  let otherSum = 0;
  let otherCount = 0;
  for (const rating of bySourceAndRater.values()) {
    const raterIsCustomerFacing =
      rating.raterFunctionId !== null && customerFacing.get(rating.raterFunctionId) === true;
    const weight = ratingWeight(rating.source, raterIsCustomerFacing);
    weightedSum += weight * rating.level;
    weightSum += weight;
    if (rating.source === 'SELF') {
      selfSum += rating.level;
      selfCount += 1;
    } else {
      otherSum += rating.level;
      otherCount += 1;
    }
    contributing.push({
      source: rating.source,
      level: rating.level,
      raterFunctionId: rating.raterFunctionId,
      evidence: rating.evidence ?? null,
      evidenceErased: rating.evidenceErased === true,
      weight,
    });
  }
  return {
    functionId,
    capabilityId,
    level: weightedSum / weightSum,
    // Plain means: SELF against every other source's ratings pooled.
    perceptionGap: selfCount > 0 && otherCount > 0 ? selfSum / selfCount - otherSum / otherCount : null,
    ratingCount: contributing.length,
    assessmentId: assessment.assessmentId,
    periodEnd: assessment.periodEnd,
    ratings: contributing,
  };
};
