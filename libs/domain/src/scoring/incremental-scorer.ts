import { alignmentIndexOf, customerCentricityIndexOf, customerCentricityTerm } from './index-formulas';
import type { ScoreGrid } from './score-grid';

/**
 * Re-scores CCI and AI after changes to a fixed set of cells in time proportional to those cells
 * and their links, not to the organisation: baseline sums are kept and only the touched terms are
 * recomputed. Write the new levels of touched cells into `levels`, then call `score()`.
 */
export class IncrementalScorer {
  readonly levels: Float64Array;
  /** NaN when the index is null. */
  customerCentricityIndex = NaN;
  alignmentIndex = NaN;
  private readonly touchedCells: Int32Array;
  private readonly affectedPairs: Int32Array;
  private readonly baselineDistances: Float64Array;
  private readonly customerCentricityTermSum: number;
  private readonly weightedDistanceSum: number;

  constructor(
    private readonly grid: ScoreGrid,
    touchedCells: Iterable<number>,
  ) {
    this.levels = Float64Array.from(grid.baselineLevels);
    const touched = new Set<number>();
    for (const cell of touchedCells) if (!Number.isNaN(grid.baselineLevels[cell] ?? NaN)) touched.add(cell);
    this.touchedCells = Int32Array.from(touched);

    const levelSteps = grid.levelCount - 1;
    let customerCentricityTermSum = 0;
    for (let cell = 0; cell < grid.cellCount; cell += 1) {
      const level = grid.baselineLevels[cell] ?? NaN;
      if (!Number.isNaN(level))
        customerCentricityTermSum += customerCentricityTerm(grid.cellWeights[cell] ?? 0, level, levelSteps);
    }
    this.customerCentricityTermSum = customerCentricityTermSum;

    const affected: number[] = [];
    let weightedDistanceSum = 0;
    for (let pair = 0; pair < grid.pairCount; pair += 1) {
      weightedDistanceSum += (grid.pairWeight[pair] ?? 0) * this.pairDistance(grid.baselineLevels, pair);
      const cellA = grid.pairCellA[pair] ?? 0;
      const cellB = grid.pairCellB[pair] ?? 0;
      if (touched.has(cellA) || touched.has(cellB)) affected.push(pair);
    }
    this.weightedDistanceSum = weightedDistanceSum;
    this.affectedPairs = Int32Array.from(affected);
    this.baselineDistances = Float64Array.from(affected, (pair) =>
      this.pairDistance(grid.baselineLevels, pair),
    );
  }

  score(): void {
    const grid = this.grid;
    const levels = this.levels;
    const levelSteps = grid.levelCount - 1;
    let termChange = 0;
    for (let position = 0; position < this.touchedCells.length; position += 1) {
      const cell = this.touchedCells[position] ?? 0;
      const weight = grid.cellWeights[cell] ?? 0;
      termChange +=
        customerCentricityTerm(weight, levels[cell] ?? 0, levelSteps) -
        customerCentricityTerm(weight, grid.baselineLevels[cell] ?? 0, levelSteps);
    }
    let distanceChange = 0;
    for (let position = 0; position < this.affectedPairs.length; position += 1) {
      const pair = this.affectedPairs[position] ?? 0;
      distanceChange +=
        (grid.pairWeight[pair] ?? 0) *
        (this.pairDistance(levels, pair) - (this.baselineDistances[position] ?? 0));
    }
    this.customerCentricityIndex = customerCentricityIndexOf(
      this.customerCentricityTermSum + termChange,
      grid.customerCentricityDenominator,
    );
    this.alignmentIndex = alignmentIndexOf(
      this.weightedDistanceSum + distanceChange,
      grid.alignmentDenominator,
      levelSteps,
    );
  }

  /** d = |m(f,c) - m(g,c)| of one pair. */
  private pairDistance(levels: Float64Array, pair: number): number {
    return Math.abs(
      (levels[this.grid.pairCellA[pair] ?? 0] ?? 0) - (levels[this.grid.pairCellB[pair] ?? 0] ?? 0),
    );
  }
}
