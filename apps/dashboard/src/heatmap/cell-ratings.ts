// Which ratings stand behind a heatmap cell: for the date being viewed, the most recent assessment
// (by period end, then by the order the api lists them) that rates the cell, and its ratings.
import type { Assessment, Rating } from '../api/types';

export interface CellRatings {
  assessment: Pick<Assessment, 'id' | 'title' | 'periodEnd'>;
  ratings: Rating[];
}

export type CellRatingIndex = Map<string, CellRatings>;

export function cellKey(functionId: string, capabilityId: string): string {
  return `${functionId}:${capabilityId}`;
}

/**
 * The api's rule for a withdrawn assessment, as the heatmap's cells are scored: it counts nowhere
 * from its withdrawal on, and still counts as known at an earlier date.
 */
function countsAsKnownAt(assessment: Pick<Assessment, 'withdrawnAt'>, knownAt: string | null): boolean {
  if (assessment.withdrawnAt === null) return true;
  return knownAt !== null && Date.parse(assessment.withdrawnAt) > Date.parse(knownAt);
}

export function indexRatings(
  assessments: readonly Assessment[],
  asOf: string | null,
  knownAt: string | null = null,
): CellRatingIndex {
  const limit = asOf === null ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  const ordered = assessments
    .filter((assessment) => countsAsKnownAt(assessment, knownAt))
    .map((assessment, order) => ({ assessment, order, time: Date.parse(assessment.periodEnd) }))
    .filter(({ time }) => time <= limit)
    .sort((a, b) => a.time - b.time || a.order - b.order);
  const index: CellRatingIndex = new Map();
  for (const { assessment } of ordered) {
    const byCell = new Map<string, Rating[]>();
    for (const rating of assessment.ratings) {
      const key = cellKey(rating.functionId, rating.capabilityId);
      const list = byCell.get(key) ?? [];
      list.push(rating);
      byCell.set(key, list);
    }
    for (const [key, ratings] of byCell) index.set(key, { assessment, ratings });
  }
  return index;
}
