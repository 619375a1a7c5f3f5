import type { ScoreGrid } from '../scoring/score-grid';
import type { GridEffect } from '../simulation/scenario-effects';

/** Above this many contributing candidates a cell's table would be too big; it is re-summed instead. */
const MAXIMUM_TABLE_CONTRIBUTORS = 12;

/**
 * The objective of a selection of candidates, kept up to date one toggle at a time, so that the
 * exact enumeration costs a few operations per subset:
 * - a touched cell ("slot") takes one level per subset of the candidates acting on it, so its
 *   level, its CCI term and the AI terms of its links to untouched cells (most links when every
 *   pair is linked) are tabled once per subset and looked up on toggle;
 * - links between two touched cells, and cells with too many contributors for a table, are
 *   re-measured on toggle.
 * Levels come from the selected contributors, never from adding and subtracting, so they do not
 * drift however long the enumeration runs.
 */
export class PortfolioState {
  readonly selected: Uint8Array;
  private readonly levels: Float64Array;
  // Per candidate: the slots it acts on, with its bit in each slot's contributor mask.
  private readonly candidateEntryStart: Int32Array;
  private readonly entrySlots: Int32Array;
  private readonly entryBits: Int32Array;
  // Per slot.
  private readonly slotCells: Int32Array;
  private readonly slotMasks: Int32Array;
  private readonly slotTableStart: Int32Array;
  private readonly tableLevels: Float64Array;
  private readonly tableCustomerCentricity: Float64Array;
  private readonly tableAlignment: Float64Array;
  // Slots with too many contributors for a table: re-summed from their contributors.
  private readonly contributorStart: Int32Array;
  private readonly contributorCandidates: Int32Array;
  private readonly contributorDeltas: Float64Array;
  private readonly slotWeights: Float64Array;
  // Links, numbered locally: between two touched cells, or at an untabled slot.
  private readonly pairCellA: Int32Array;
  private readonly pairCellB: Int32Array;
  private readonly pairWeights: Float64Array;
  private readonly pairDistances: Float64Array;
  private readonly candidatePairStart: Int32Array;
  private readonly candidatePairs: Int32Array;
  private readonly customerCentricityScale: number;
  private readonly alignmentScale: number;
  /** Sum over touched cells of w_c (m' - m) / (L - 1). */
  private customerCentricityChange = 0;
  /** Sum over touched links of w_e w_c (d' - d). */
  private alignmentChange = 0;

  constructor(
    private readonly grid: ScoreGrid,
    candidateCount: number,
    /** Effects applicable at the horizon, on rated cells. */
    effects: readonly GridEffect[],
    private readonly alpha: number,
    maximumTableContributors = MAXIMUM_TABLE_CONTRIBUTORS,
  ) {
    this.selected = new Uint8Array(candidateCount);
    this.levels = Float64Array.from(grid.baselineLevels);
    const steps = grid.levelCount - 1;

    // Slots and their contributors: (candidate, summed likely delta of its effects on the cell).
    const deltasByCell = new Map<number, Map<number, number>>();
    for (const effect of effects) {
      const byCandidate = deltasByCell.get(effect.cell) ?? new Map<number, number>();
      byCandidate.set(
        effect.investmentPosition,
        (byCandidate.get(effect.investmentPosition) ?? 0) + effect.likely,
      );
      deltasByCell.set(effect.cell, byCandidate);
    }
    const slotCells = [...deltasByCell.keys()];
    const slotByCell = new Map(slotCells.map((cell, slot) => [cell, slot]));
    const contributors = slotCells.map((cell) => [...(deltasByCell.get(cell) ?? new Map<number, number>())]);
    const tabled = contributors.map((list) => list.length <= maximumTableContributors);

    // Links at touched cells: one-sided links of tabled slots go into the tables, the rest are tracked.
    const oneSidedPairs: number[][] = slotCells.map(() => []);
    const trackedPairs: number[] = [];
    for (let pair = 0; pair < grid.pairCount; pair += 1) {
      const slotA = slotByCell.get(grid.pairCellA[pair] ?? -1);
      const slotB = slotByCell.get(grid.pairCellB[pair] ?? -1);
      if (slotA === undefined && slotB === undefined) continue;
      const lone = slotA === undefined ? slotB : slotB === undefined ? slotA : undefined;
      if (lone !== undefined && tabled[lone] === true) oneSidedPairs[lone]?.push(pair);
      else trackedPairs.push(pair);
    }

    const entriesOfCandidate: [number, number][][] = Array.from({ length: candidateCount }, () => []);
    const tableStart = [0];
    const tableLevels: number[] = [];
    const tableCustomerCentricity: number[] = [];
    const tableAlignment: number[] = [];
    slotCells.forEach((cell, slot) => {
      const list = contributors[slot] ?? [];
      list.forEach(([candidate], bit) =>
        entriesOfCandidate[candidate]?.push([slot, tabled[slot] === true ? 1 << bit : 0]),
      );
      if (tabled[slot] !== true) {
        tableStart.push(tableLevels.length);
        return;
      }
      const baseline = grid.baselineLevels[cell] ?? 0;
      const weight = (grid.cellWeights[cell] ?? 0) / steps;
      const rawDeltas = new Float64Array(1 << list.length);
      for (let mask = 0; mask < rawDeltas.length; mask += 1) {
        if (mask > 0) {
          const lowest = 31 - Math.clz32(mask & -mask);
          rawDeltas[mask] = (rawDeltas[mask & (mask - 1)] ?? 0) + (list[lowest]?.[1] ?? 0);
        }
        const level = Math.min(grid.levelCount, Math.max(1, baseline + (rawDeltas[mask] ?? 0)));
        let alignment = 0;
        for (const pair of oneSidedPairs[slot] ?? []) {
          const cellA = grid.pairCellA[pair] ?? 0;
          const other = grid.baselineLevels[cellA === cell ? (grid.pairCellB[pair] ?? 0) : cellA] ?? 0;
          alignment += (grid.pairWeight[pair] ?? 0) * (Math.abs(level - other) - Math.abs(baseline - other));
        }
        tableLevels.push(level);
        tableCustomerCentricity.push(weight * (level - baseline));
        tableAlignment.push(alignment);
      }
      tableStart.push(tableLevels.length);
    });

    this.slotCells = Int32Array.from(slotCells);
    this.slotMasks = new Int32Array(slotCells.length);
    this.slotTableStart = Int32Array.from(tableStart);
    this.tableLevels = Float64Array.from(tableLevels);
    this.tableCustomerCentricity = Float64Array.from(tableCustomerCentricity);
    this.tableAlignment = Float64Array.from(tableAlignment);
    this.candidateEntryStart = Int32Array.from([0, ...cumulativeLengths(entriesOfCandidate)]);
    this.entrySlots = Int32Array.from(entriesOfCandidate.flat(), ([slot]) => slot);
    this.entryBits = Int32Array.from(entriesOfCandidate.flat(), ([, bit]) => bit);
    this.contributorStart = Int32Array.from([0, ...cumulativeLengths(contributors)]);
    this.contributorCandidates = Int32Array.from(contributors.flat(), ([candidate]) => candidate);
    this.contributorDeltas = Float64Array.from(contributors.flat(), ([, delta]) => delta);
    this.slotWeights = Float64Array.from(slotCells, (cell) => (grid.cellWeights[cell] ?? 0) / steps);

    // Per candidate, the tracked links at the cells it acts on.
    const pairsOfCandidate: Set<number>[] = Array.from({ length: candidateCount }, () => new Set<number>());
    trackedPairs.forEach((pair, position) => {
      const slotA = slotByCell.get(grid.pairCellA[pair] ?? -1);
      const slotB = slotByCell.get(grid.pairCellB[pair] ?? -1);
      for (const slot of [slotA, slotB]) {
        if (slot === undefined) continue;
        for (const [candidate] of contributors[slot] ?? []) pairsOfCandidate[candidate]?.add(position);
      }
    });
    this.pairCellA = Int32Array.from(trackedPairs, (pair) => grid.pairCellA[pair] ?? 0);
    this.pairCellB = Int32Array.from(trackedPairs, (pair) => grid.pairCellB[pair] ?? 0);
    this.pairWeights = Float64Array.from(trackedPairs, (pair) => grid.pairWeight[pair] ?? 0);
    this.pairDistances = Float64Array.from(trackedPairs, (pair) =>
      Math.abs(
        (grid.baselineLevels[grid.pairCellA[pair] ?? 0] ?? 0) -
          (grid.baselineLevels[grid.pairCellB[pair] ?? 0] ?? 0),
      ),
    );
    const pairLists = pairsOfCandidate.map((pairs) => [...pairs]);
    this.candidatePairStart = Int32Array.from([0, ...cumulativeLengths(pairLists)]);
    this.candidatePairs = Int32Array.from(pairLists.flat());

    // A null index (empty sums) contributes a delta of 0.
    this.customerCentricityScale =
      grid.customerCentricityDenominator > 0 ? 100 / grid.customerCentricityDenominator : 0;
    this.alignmentScale = grid.alignmentDenominator > 0 ? 100 / (steps * grid.alignmentDenominator) : 0;
  }

  /** dCCI of the current selection. */
  customerCentricityDelta(): number {
    return this.customerCentricityScale * this.customerCentricityChange;
  }

  /** dAI of the current selection. */
  alignmentDelta(): number {
    return -this.alignmentScale * this.alignmentChange;
  }

  /** alpha dCCI + (1 - alpha) dAI. */
  objective(): number {
    return this.alpha * this.customerCentricityDelta() + (1 - this.alpha) * this.alignmentDelta();
  }

  toggle(candidate: number): void {
    // The hot loop of the exact enumeration: arrays in locals, clamping inlined.
    const levels = this.levels;
    const selected = this.selected;
    const slotCells = this.slotCells;
    const slotMasks = this.slotMasks;
    const slotTableStart = this.slotTableStart;
    selected[candidate] = selected[candidate] === 1 ? 0 : 1;
    let customerCentricityChange = this.customerCentricityChange;
    let alignmentChange = this.alignmentChange;
    const entryEnd = this.candidateEntryStart[candidate + 1] ?? 0;
    for (let entry = this.candidateEntryStart[candidate] ?? 0; entry < entryEnd; entry += 1) {
      const slot = this.entrySlots[entry] ?? 0;
      const bit = this.entryBits[entry] ?? 0;
      const cell = slotCells[slot] ?? 0;
      if (bit === 0) {
        const level = this.resumSlot(slot, cell);
        customerCentricityChange += (this.slotWeights[slot] ?? 0) * (level - (levels[cell] ?? 0));
        levels[cell] = level;
        continue;
      }
      const start = slotTableStart[slot] ?? 0;
      const before = start + (slotMasks[slot] ?? 0);
      const mask = (slotMasks[slot] ?? 0) ^ bit;
      const after = start + mask;
      slotMasks[slot] = mask;
      customerCentricityChange +=
        (this.tableCustomerCentricity[after] ?? 0) - (this.tableCustomerCentricity[before] ?? 0);
      alignmentChange += (this.tableAlignment[after] ?? 0) - (this.tableAlignment[before] ?? 0);
      levels[cell] = this.tableLevels[after] ?? 0;
    }
    this.customerCentricityChange = customerCentricityChange;

    const candidatePairs = this.candidatePairs;
    const pairCellA = this.pairCellA;
    const pairCellB = this.pairCellB;
    const pairWeights = this.pairWeights;
    const pairDistances = this.pairDistances;
    const pairEnd = this.candidatePairStart[candidate + 1] ?? 0;
    for (let position = this.candidatePairStart[candidate] ?? 0; position < pairEnd; position += 1) {
      const pair = candidatePairs[position] ?? 0;
      const distance = Math.abs((levels[pairCellA[pair] ?? 0] ?? 0) - (levels[pairCellB[pair] ?? 0] ?? 0));
      alignmentChange += (pairWeights[pair] ?? 0) * (distance - (pairDistances[pair] ?? 0));
      pairDistances[pair] = distance;
    }
    this.alignmentChange = alignmentChange;
  }

  /** Level of an untabled slot from its selected contributors. */
  private resumSlot(slot: number, cell: number): number {
    let delta = 0;
    const end = this.contributorStart[slot + 1] ?? 0;
    for (let contributor = this.contributorStart[slot] ?? 0; contributor < end; contributor += 1) {
      if (this.selected[this.contributorCandidates[contributor] ?? 0] === 1)
        delta += this.contributorDeltas[contributor] ?? 0;
    }
    return Math.min(this.grid.levelCount, Math.max(1, (this.grid.baselineLevels[cell] ?? 0) + delta));
  }
}

const cumulativeLengths = (lists: readonly (readonly unknown[])[]): number[] => {
  let total = 0;
  return lists.map((list) => (total += list.length));
};
