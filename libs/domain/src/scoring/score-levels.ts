import {
  alignmentIndexOf,
  customerCentricityIndexOf,
  customerCentricityTerm,
  targetAttainmentOf,
} from './index-formulas';
import type { ScoreGrid } from './score-grid';

/** Every score of one set of levels (the rated cells must be the grid's). NaN stands for null. */
export interface LevelScores {
  customerCentricityIndex: number;
  alignmentIndex: number;
  targetAttainment: number;
  functionIndices: Float64Array;
  /** Per edge: sum_c w_c d / sum_c w_c, NaN when no capability is rated at both ends. */
  edgeMisalignment: Float64Array;
}

/** Scores `levels` (one per grid cell, NaN when unrated) in one pass over cells and one over pairs. */
export const scoreLevels = (grid: ScoreGrid, levels: Float64Array): LevelScores => {
  const levelSteps = grid.levelCount - 1;
  const functionCount = grid.functions.length;
  const functionTermSums = new Float64Array(functionCount);
  const functionWeightSums = new Float64Array(functionCount);
  let customerCentricityTermSum = 0;
  let weightedGapSum = 0;
  let weightedRoom = 0;
  for (let cell = 0; cell < grid.cellCount; cell += 1) {
    const level = levels[cell] ?? NaN;
    if (Number.isNaN(level)) continue;
    const weight = grid.cellWeights[cell] ?? 0;
    const functionPosition = Math.floor(cell / grid.capabilityCount);
    const term = customerCentricityTerm(weight, level, levelSteps);
    customerCentricityTermSum += term;
    functionTermSums[functionPosition] = (functionTermSums[functionPosition] ?? 0) + term;
    functionWeightSums[functionPosition] = (functionWeightSums[functionPosition] ?? 0) + weight;
    const target = grid.targets[cell] ?? NaN;
    if (target > 1) {
      weightedGapSum += weight * Math.max(0, target - level);
      weightedRoom += weight * (target - 1);
    }
  }

  const functionIndices = new Float64Array(functionCount);
  for (let position = 0; position < functionCount; position += 1) {
    functionIndices[position] = customerCentricityIndexOf(
      functionTermSums[position] ?? 0,
      functionWeightSums[position] ?? 0,
    );
  }

  const edgeDistanceSums = new Float64Array(grid.edges.length);
  const edgeWeightSums = new Float64Array(grid.edges.length);
  let weightedDistanceSum = 0;
  for (let pair = 0; pair < grid.pairCount; pair += 1) {
    const distance = Math.abs(
      (levels[grid.pairCellA[pair] ?? 0] ?? 0) - (levels[grid.pairCellB[pair] ?? 0] ?? 0),
    );
    const edge = grid.pairEdge[pair] ?? 0;
    weightedDistanceSum += (grid.pairWeight[pair] ?? 0) * distance;
    edgeDistanceSums[edge] =
      (edgeDistanceSums[edge] ?? 0) + (grid.pairCapabilityWeight[pair] ?? 0) * distance;
    edgeWeightSums[edge] = (edgeWeightSums[edge] ?? 0) + (grid.pairCapabilityWeight[pair] ?? 0);
  }
  const edgeMisalignment = new Float64Array(grid.edges.length);
  for (let edge = 0; edge < grid.edges.length; edge += 1) {
    const weightSum = edgeWeightSums[edge] ?? 0;
    edgeMisalignment[edge] =
      weightSum > 0 ? Math.min(levelSteps, Math.max(0, (edgeDistanceSums[edge] ?? 0) / weightSum)) : NaN;
  }

  return {
    customerCentricityIndex: customerCentricityIndexOf(
      customerCentricityTermSum,
      grid.customerCentricityDenominator,
    ),
    alignmentIndex: alignmentIndexOf(weightedDistanceSum, grid.alignmentDenominator, levelSteps),
    targetAttainment: targetAttainmentOf(weightedGapSum, weightedRoom),
    functionIndices,
    edgeMisalignment,
  };
};
