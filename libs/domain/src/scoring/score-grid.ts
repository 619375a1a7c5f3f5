import { invalidInput } from '../shared';
import type {
  ScoredCellInput,
  ScoringCapability,
  ScoringFunction,
  ScoringModel,
  ScoringOrganization,
} from './scoring-input';

// The organisation compiled to flat arrays once, so that scoring (and re-scoring thousands of
// simulated variants) is arithmetic over typed arrays. A cell is `function * capabilityCount +
// capability`; NaN marks an unrated level or a missing target.

export interface GridEdge {
  from: number;
  to: number;
  weight: number;
}

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

/**
 * Declared interactions, or every pair with weight 1 when none are declared. A pair declared
 * twice keeps its latest weight; links to unknown functions and self-links carry no alignment.
 */
const compileEdges = (
  organization: ScoringOrganization,
  functionIndex: ReadonlyMap<string, number>,
): GridEdge[] => {
  const functionCount = organization.functions.length;
  if (organization.interactions.length === 0) {
    const edges: GridEdge[] = [];
    for (let from = 0; from < functionCount; from += 1) {
      for (let to = from + 1; to < functionCount; to += 1) edges.push({ from, to, weight: 1 });
    }
    return edges;
  }
  const byPair = new Map<number, GridEdge>();
  organization.interactions.forEach((interaction, position) => {
    if (!Number.isFinite(interaction.weight) || interaction.weight <= 0) {
      throw invalidInput(`interactions[${position}].weight`, 'an interaction needs a weight above 0');
    }
    const from = functionIndex.get(interaction.from);
    const to = functionIndex.get(interaction.to);
    if (from === undefined || to === undefined || from === to) return;
    const key = Math.min(from, to) * functionCount + Math.max(from, to);
    const existing = byPair.get(key);
    if (existing === undefined) byPair.set(key, { from, to, weight: interaction.weight });
    else existing.weight = interaction.weight;
  });
  return [...byPair.values()];
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

/** Every score of one set of levels (the rated cells must be the grid's). NaN stands for null. */
export interface LevelScores {
  customerCentricityIndex: number;
  alignmentIndex: number;
  targetAttainment: number;
  functionIndices: Float64Array;
  /** Per edge: sum_c w_c d / sum_c w_c, NaN when no capability is rated at both ends. */
  edgeMisalignment: Float64Array;
}

/** Round-off can step a hair outside an index's range (e.g. 100 * (1 - 1.0000000000000002)). */
const percent = (value: number): number => Math.min(100, Math.max(0, value));

export const scoreLevels = (grid: ScoreGrid, levels: Float64Array): LevelScores => {
  const steps = grid.levelCount - 1;
  const functionCount = grid.functions.length;
  const functionNumerators = new Float64Array(functionCount);
  const functionDenominators = new Float64Array(functionCount);
  let customerCentricityNumerator = 0;
  let gapSum = 0;
  let room = 0;
  for (let cell = 0; cell < grid.cellCount; cell += 1) {
    const level = levels[cell] ?? NaN;
    if (Number.isNaN(level)) continue;
    const weight = grid.cellWeights[cell] ?? 0;
    const functionPosition = Math.floor(cell / grid.capabilityCount);
    customerCentricityNumerator += (weight * (level - 1)) / steps;
    functionNumerators[functionPosition] =
      (functionNumerators[functionPosition] ?? 0) + (weight * (level - 1)) / steps;
    functionDenominators[functionPosition] = (functionDenominators[functionPosition] ?? 0) + weight;
    const target = grid.targets[cell] ?? NaN;
    if (target > 1) {
      gapSum += weight * Math.max(0, target - level);
      room += weight * (target - 1);
    }
  }

  const functionIndices = new Float64Array(functionCount);
  for (let position = 0; position < functionCount; position += 1) {
    const denominator = functionDenominators[position] ?? 0;
    functionIndices[position] =
      denominator > 0 ? percent((100 * (functionNumerators[position] ?? 0)) / denominator) : NaN;
  }

  const edgeNumerators = new Float64Array(grid.edges.length);
  const edgeDenominators = new Float64Array(grid.edges.length);
  let alignmentNumerator = 0;
  for (let pair = 0; pair < grid.pairCount; pair += 1) {
    const distance = Math.abs(
      (levels[grid.pairCellA[pair] ?? 0] ?? 0) - (levels[grid.pairCellB[pair] ?? 0] ?? 0),
    );
    const edge = grid.pairEdge[pair] ?? 0;
    alignmentNumerator += (grid.pairWeight[pair] ?? 0) * distance;
    edgeNumerators[edge] = (edgeNumerators[edge] ?? 0) + (grid.pairCapabilityWeight[pair] ?? 0) * distance;
    edgeDenominators[edge] = (edgeDenominators[edge] ?? 0) + (grid.pairCapabilityWeight[pair] ?? 0);
  }
  const edgeMisalignment = new Float64Array(grid.edges.length);
  for (let edge = 0; edge < grid.edges.length; edge += 1) {
    const denominator = edgeDenominators[edge] ?? 0;
    edgeMisalignment[edge] =
      denominator > 0 ? Math.min(steps, Math.max(0, (edgeNumerators[edge] ?? 0) / denominator)) : NaN;
  }

  const cciDenominator = grid.customerCentricityDenominator;
  const aiDenominator = grid.alignmentDenominator;
  return {
    customerCentricityIndex:
      cciDenominator > 0 ? percent((100 * customerCentricityNumerator) / cciDenominator) : NaN,
    alignmentIndex:
      aiDenominator > 0 ? percent(100 * (1 - alignmentNumerator / (steps * aiDenominator))) : NaN,
    targetAttainment: room > 0 ? percent(100 * (1 - gapSum / room)) : NaN,
    functionIndices,
    edgeMisalignment,
  };
};

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
  private readonly customerCentricityNumerator: number;
  private readonly alignmentNumerator: number;

  constructor(
    private readonly grid: ScoreGrid,
    touchedCells: Iterable<number>,
  ) {
    this.levels = Float64Array.from(grid.baselineLevels);
    const touched = new Set<number>();
    for (const cell of touchedCells) if (!Number.isNaN(grid.baselineLevels[cell] ?? NaN)) touched.add(cell);
    this.touchedCells = Int32Array.from(touched);

    const steps = grid.levelCount - 1;
    let customerCentricityNumerator = 0;
    for (let cell = 0; cell < grid.cellCount; cell += 1) {
      const level = grid.baselineLevels[cell] ?? NaN;
      if (!Number.isNaN(level))
        customerCentricityNumerator += ((grid.cellWeights[cell] ?? 0) * (level - 1)) / steps;
    }
    this.customerCentricityNumerator = customerCentricityNumerator;

    const affected: number[] = [];
    let alignmentNumerator = 0;
    for (let pair = 0; pair < grid.pairCount; pair += 1) {
      const cellA = grid.pairCellA[pair] ?? 0;
      const cellB = grid.pairCellB[pair] ?? 0;
      alignmentNumerator +=
        (grid.pairWeight[pair] ?? 0) *
        Math.abs((grid.baselineLevels[cellA] ?? 0) - (grid.baselineLevels[cellB] ?? 0));
      if (touched.has(cellA) || touched.has(cellB)) affected.push(pair);
    }
    this.alignmentNumerator = alignmentNumerator;
    this.affectedPairs = Int32Array.from(affected);
    this.baselineDistances = Float64Array.from(affected, (pair) =>
      Math.abs(
        (grid.baselineLevels[grid.pairCellA[pair] ?? 0] ?? 0) -
          (grid.baselineLevels[grid.pairCellB[pair] ?? 0] ?? 0),
      ),
    );
  }

  score(): void {
    const grid = this.grid;
    const levels = this.levels;
    const steps = grid.levelCount - 1;
    let customerCentricityChange = 0;
    for (let position = 0; position < this.touchedCells.length; position += 1) {
      const cell = this.touchedCells[position] ?? 0;
      customerCentricityChange +=
        ((grid.cellWeights[cell] ?? 0) * ((levels[cell] ?? 0) - (grid.baselineLevels[cell] ?? 0))) / steps;
    }
    let alignmentChange = 0;
    for (let position = 0; position < this.affectedPairs.length; position += 1) {
      const pair = this.affectedPairs[position] ?? 0;
      const distance = Math.abs(
        (levels[grid.pairCellA[pair] ?? 0] ?? 0) - (levels[grid.pairCellB[pair] ?? 0] ?? 0),
      );
      alignmentChange += (grid.pairWeight[pair] ?? 0) * (distance - (this.baselineDistances[position] ?? 0));
    }
    const cciDenominator = grid.customerCentricityDenominator;
    const aiDenominator = grid.alignmentDenominator;
    this.customerCentricityIndex =
      cciDenominator > 0
        ? percent((100 * (this.customerCentricityNumerator + customerCentricityChange)) / cciDenominator)
        : NaN;
    this.alignmentIndex =
      aiDenominator > 0
        ? percent(100 * (1 - (this.alignmentNumerator + alignmentChange) / (steps * aiDenominator)))
        : NaN;
  }
}

export const nullWhenNaN = (value: number): number | null => (Number.isNaN(value) ? null : value);
