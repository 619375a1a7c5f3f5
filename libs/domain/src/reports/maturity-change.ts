import type { MaturityCellScore, MaturityIndices, MaturityScores } from '../scoring/maturity';

/** One cell's effective level at two instants. */
export interface CellChange {
  functionId: string;
  capabilityId: string;
  /** The level as of the earlier instant; null when unrated then. */
  before: number | null;
  after: number | null;
  /** after - before; null unless both exist. */
  delta: number | null;
}

export interface ScoresChange {
  before: MaturityIndices;
  after: MaturityIndices;
  /** The cells rated at either instant, in grid order (functions, then capabilities). */
  cells: CellChange[];
}

const indicesOf = (scores: MaturityIndices): MaturityIndices => ({
  customerCentricityIndex: scores.customerCentricityIndex,
  alignmentIndex: scores.alignmentIndex,
  targetAttainment: scores.targetAttainment,
});

const cellKey = (cell: Pick<MaturityCellScore, 'functionId' | 'capabilityId'>): string =>
  `${cell.functionId}\u0000${cell.capabilityId}`;

/**
 * How an organisation's scores moved between two views of it. Both views normally share one grid;
 * a cell only one of them has (a function added in between) still counts when rated there.
 */
export const changeBetween = (before: MaturityScores, after: MaturityScores): ScoresChange => {
  const levels = new Map<
    string,
    { functionId: string; capabilityId: string; before: number | null; after: number | null }
  >();
  const note = (cell: MaturityCellScore, moment: 'before' | 'after'): void => {
    const key = cellKey(cell);
    const entry = levels.get(key) ?? {
      functionId: cell.functionId,
      capabilityId: cell.capabilityId,
      before: null,
      after: null,
    };
    entry[moment] = cell.level;
    levels.set(key, entry);
  };
  for (const cell of after.cells) note(cell, 'after');
  for (const cell of before.cells) note(cell, 'before');
  const cells: CellChange[] = [];
  for (const entry of levels.values()) {
    if (entry.before === null && entry.after === null) continue;
    cells.push({
      ...entry,
      delta: entry.before !== null && entry.after !== null ? entry.after - entry.before : null,
    });
  }
  return { before: indicesOf(before), after: indicesOf(after), cells };
};
