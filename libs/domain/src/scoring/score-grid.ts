import { invalidInput } from '../shared';
import { compileEdges, type GridEdge } from './interaction-edges';
import type {
  ScoredCellInput,
  ScoringCapability,
  ScoringFunction,
  ScoringModel,
  ScoringOrganization,
} from './scoring-input';

export type { GridEdge } from './interaction-edges';

// The organisation compiled to flat arrays once, so that scoring (and re-scoring thousands of
// simulated variants) is arithmetic over typed arrays. A cell is `function * capabilityCount +
// capability`; NaN marks an unrated level or a missing target.

export interface ScoreGrid {
  levelCount: number;
  functions: readonly ScoringFunction[];
  capabilities: readonly ScoringCapability[];
  functionIndex: ReadonlyMap<string, number>;
  capabilityIndex: ReadonlyMap<string, number>;
  capabilityCount: number;
  cellCount: number;
  /** w_c of each cell's capability. */
  cellWeights: Float64Array;
  baselineLevels: Float64Array;
  targets: Float64Array;
  /** The rated input cell behind each cell, for its rating details. */
  cellInputs: readonly (ScoredCellInput | undefined)[];
  ratedCellCount: number;
  edges: readonly GridEdge[];
  /** One pair per (edge, capability rated at both ends): the terms of the alignment index. */
  pairCount: number;
  pairCellA: Int32Array;
  pairCellB: Int32Array;
  pairCapabilityWeight: Float64Array;
  /** w_e * w_c. */
  pairWeight: Float64Array;
  pairEdge: Int32Array;
  /** Sum of w_c over rated cells. */
  customerCentricityDenominator: number;
  /** Sum of w_e * w_c over pairs. */
  alignmentDenominator: number;
}

export const cellOf = (
  grid: Pick<ScoreGrid, 'functionIndex' | 'capabilityIndex' | 'capabilityCount'>,
  functionId: string,
  capabilityId: string,
): number | undefined => {
  const functionPosition = grid.functionIndex.get(functionId);
  const capabilityPosition = grid.capabilityIndex.get(capabilityId);
  if (functionPosition === undefined || capabilityPosition === undefined) return undefined;
  return functionPosition * grid.capabilityCount + capabilityPosition;
};

const validateModel = (model: ScoringModel): void => {
  if (!Number.isInteger(model.levelCount) || model.levelCount < 2) {
    throw invalidInput('levelCount', `a maturity model needs at least 2 levels, got ${model.levelCount}`);
  }
  model.capabilities.forEach((capability, position) => {
    if (!Number.isFinite(capability.weight) || capability.weight <= 0) {
      throw invalidInput(
        `capabilities[${position}].weight`,
        `capability ${capability.id} needs a weight above 0`,
      );
    }
  });
};

const indexById = (items: readonly { id: string }[], field: string): Map<string, number> => {
  const index = new Map<string, number>();
  items.forEach((item, position) => {
    if (index.has(item.id)) throw invalidInput(field, `${item.id} appears twice in ${field}`);
    index.set(item.id, position);
  });
  return index;
};

export const compileScoreGrid = (
  model: ScoringModel,
  organization: ScoringOrganization,
  cells: readonly ScoredCellInput[],
): ScoreGrid => {
  validateModel(model);
  const functionIndex = indexById(organization.functions, 'functions');
  const capabilityIndex = indexById(model.capabilities, 'capabilities');
  const capabilityCount = model.capabilities.length;
  const cellCount = organization.functions.length * capabilityCount;

  const cellWeights = new Float64Array(cellCount);
  for (let cell = 0; cell < cellCount; cell += 1) {
    cellWeights[cell] = model.capabilities[cell % capabilityCount]?.weight ?? 0;
  }

  const baselineLevels = new Float64Array(cellCount).fill(NaN);
  const cellInputs: (ScoredCellInput | undefined)[] = new Array<ScoredCellInput | undefined>(cellCount);
  let ratedCellCount = 0;
  let customerCentricityDenominator = 0;
  cells.forEach((input, position) => {
    const cell = cellOf(
      { functionIndex, capabilityIndex, capabilityCount },
      input.functionId,
      input.capabilityId,
    );
    // A cell of a function or capability no longer in the organisation or model does not count.
    if (cell === undefined) return;
    if (!Number.isFinite(input.level))
      throw invalidInput(`cells[${position}].level`, 'a cell level must be a number');
    if (cellInputs[cell] !== undefined) {
      throw invalidInput('cells', `cell ${input.functionId} / ${input.capabilityId} is given twice`);
    }
    cellInputs[cell] = input;
    baselineLevels[cell] = input.level;
    ratedCellCount += 1;
    customerCentricityDenominator += cellWeights[cell] ?? 0;
  });

  // A function override beats the capability target; among equals the later one wins.
  const targets = new Float64Array(cellCount).fill(NaN);
  const overridden = new Uint8Array(cellCount);
  for (const target of organization.targets) {
    const capabilityPosition = capabilityIndex.get(target.capabilityId);
    if (capabilityPosition === undefined) continue;
    if (target.functionId === null) {
      for (
        let functionPosition = 0;
        functionPosition < organization.functions.length;
        functionPosition += 1
      ) {
        const cell = functionPosition * capabilityCount + capabilityPosition;
        if (overridden[cell] === 0) targets[cell] = target.level;
      }
    } else {
      const functionPosition = functionIndex.get(target.functionId);
      if (functionPosition === undefined) continue;
      const cell = functionPosition * capabilityCount + capabilityPosition;
      targets[cell] = target.level;
      overridden[cell] = 1;
    }
  }

  const edges = compileEdges(organization, functionIndex);
  const pairCellA: number[] = [];
  const pairCellB: number[] = [];
  const pairCapabilityWeight: number[] = [];
  const pairWeight: number[] = [];
  const pairEdge: number[] = [];
  let alignmentDenominator = 0;
  edges.forEach((edge, edgePosition) => {
    for (let capabilityPosition = 0; capabilityPosition < capabilityCount; capabilityPosition += 1) {
      const cellA = edge.from * capabilityCount + capabilityPosition;
      const cellB = edge.to * capabilityCount + capabilityPosition;
      if (Number.isNaN(baselineLevels[cellA]) || Number.isNaN(baselineLevels[cellB])) continue;
      const capabilityWeight = cellWeights[cellA] ?? 0;
      pairCellA.push(cellA);
      pairCellB.push(cellB);
      pairCapabilityWeight.push(capabilityWeight);
      pairWeight.push(edge.weight * capabilityWeight);
      pairEdge.push(edgePosition);
      alignmentDenominator += edge.weight * capabilityWeight;
    }
  });

  return {
    levelCount: model.levelCount,
    functions: organization.functions,
    capabilities: model.capabilities,
    functionIndex,
    capabilityIndex,
    capabilityCount,
    cellCount,
    cellWeights,
    baselineLevels,
    targets,
    cellInputs,
    ratedCellCount,
    edges,
    pairCount: pairCellA.length,
    pairCellA: Int32Array.from(pairCellA),
    pairCellB: Int32Array.from(pairCellB),
    pairCapabilityWeight: Float64Array.from(pairCapabilityWeight),
    pairWeight: Float64Array.from(pairWeight),
    pairEdge: Int32Array.from(pairEdge),
    customerCentricityDenominator,
    alignmentDenominator,
  };
};
