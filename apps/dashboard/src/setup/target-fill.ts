// Filling targets in bulk: every cell, one capability's column or one function's row at one level.
// What to send (setTargets) and what the confirmation says are worked out here, from the targets
// as they stand, with the api's rule: a cell shows its function's override, else its capability's
// target for every function.

export type FillScope =
  { kind: 'every' } | { kind: 'capability'; capabilityId: string } | { kind: 'function'; functionId: string };

interface TargetShape {
  capabilityId: string;
  functionId: string | null;
  level: number;
}

export interface FillGrid {
  functionIds: readonly string[];
  capabilityIds: readonly string[];
  targets: readonly TargetShape[];
}

export interface TargetFill {
  /** What setTargets records. */
  targets: TargetShape[];
  replaceOverrides: boolean;
  /** The cells of the scope. */
  cells: number;
  /** Of those, the cells whose target would change. */
  changedCells: number;
  /** The function overrides in the scope: replaced (a row, or when asked) or kept. */
  overrides: number;
  /** Whether those overrides take the new level. */
  overridesReplaced: boolean;
}

const shownTarget = (targets: readonly TargetShape[], capabilityId: string, functionId: string) =>
  (
    targets.find((target) => target.capabilityId === capabilityId && target.functionId === functionId) ??
    targets.find((target) => target.capabilityId === capabilityId && target.functionId === null)
  )?.level ?? null;

export function planTargetFill(
  grid: FillGrid,
  scope: FillScope,
  level: number,
  replaceOverrides: boolean,
): TargetFill {
  const capabilityIds = scope.kind === 'capability' ? [scope.capabilityId] : grid.capabilityIds;
  const functionIds = scope.kind === 'function' ? [scope.functionId] : grid.functionIds;
  // A row sets each cell's own override; every cell or a column sets the capability's target.
  const rowFill = scope.kind === 'function';
  const targets = capabilityIds.map((capabilityId) => ({
    capabilityId,
    functionId: rowFill ? scope.functionId : null,
    level,
  }));
  const overridesReplaced = rowFill || replaceOverrides;
  let changedCells = 0;
  let overrides = 0;
  for (const capabilityId of capabilityIds) {
    for (const functionId of functionIds) {
      const override = grid.targets.some(
        (target) => target.capabilityId === capabilityId && target.functionId === functionId,
      );
      if (override) overrides += 1;
      const before = shownTarget(grid.targets, capabilityId, functionId);
      const after = override && !overridesReplaced ? before : level;
      if (before !== after) changedCells += 1;
    }
  }
  return {
    targets,
    replaceOverrides: !rowFill && replaceOverrides,
    cells: capabilityIds.length * functionIds.length,
    changedCells,
    overrides,
    overridesReplaced,
  };
}
