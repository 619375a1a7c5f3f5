import type { MaturityCellScore } from '../scoring/maturity';

/** The plain mean of one capability's effective levels over the functions rated on it. */
export interface CapabilityLevel {
  capabilityId: string;
  /** null when no function is rated on the capability. */
  level: number | null;
}

/**
 * One entry per capability, in the order given (the model's), so organisations on one model line
 * up in a comparison grid. Unweighted on purpose: it answers "how mature is this organisation on
 * this capability", not the index's weighted question.
 */
export const capabilityLevelsOf = (
  capabilityIds: readonly string[],
  cells: readonly Pick<MaturityCellScore, 'capabilityId' | 'level'>[],
): CapabilityLevel[] => {
  const sums = new Map<string, { total: number; count: number }>();
  for (const cell of cells) {
    if (cell.level === null) continue;
    const sum = sums.get(cell.capabilityId) ?? { total: 0, count: 0 };
    sum.total += cell.level;
    sum.count += 1;
    sums.set(cell.capabilityId, sum);
  }
  return capabilityIds.map((capabilityId) => {
    const sum = sums.get(capabilityId);
    return { capabilityId, level: sum === undefined ? null : sum.total / sum.count };
  });
};
