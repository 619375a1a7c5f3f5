// What a revision of a plan changes, old -> new, in a planner's words: the edit form's
// confirmation lists it before anything is sent, and the history says it beside the recorded
// InvestmentRevised (whose `previous` holds only the fields that changed).
import type { CellNames } from '../shared/cell-names';
import { formatMoney, formatSigned } from '../shared/format';

export interface PlanEffect {
  functionId: string;
  capabilityId: string;
  low: number;
  likely: number;
  high: number;
}

export interface PlanFigures {
  name: string;
  kind: string;
  cost: number;
  lagMonths: number;
  effects: readonly PlanEffect[];
}

export type PlanField = keyof PlanFigures;

export interface PlanChange {
  /** The plan's field, as the api names it. */
  field: PlanField;
  /** Stable, for lists and tests: the field, or the effect's cell. */
  key: string;
  what: string;
  from: string;
  to: string;
}

const kindText = (kind: string) => (kind === 'CAPITAL' ? 'capital' : 'operational');
const months = (count: number) => `${count} ${count === 1 ? 'month' : 'months'}`;
const cellKey = (effect: { functionId: string; capabilityId: string }) =>
  `${effect.functionId}:${effect.capabilityId}`;
/** low / likely / high, as the effect lists show them. */
export const effectRange = ({ low, likely, high }: PlanEffect) =>
  `${formatSigned(low)} / ${formatSigned(likely)} / ${formatSigned(high)}`;

/**
 * The changes from `before` to `after`, name first and effects cell by cell (added, changed,
 * removed). A field `before` leaves out is not compared: the history's `previous` names only what
 * changed.
 */
export function planChanges(
  before: Partial<PlanFigures>,
  after: PlanFigures,
  names: CellNames,
): PlanChange[] {
  const changes: PlanChange[] = [];
  const simple = (field: Exclude<PlanField, 'effects'>, what: string, show: (value: never) => string) => {
    const old = before[field];
    if (old !== undefined && old !== after[field])
      changes.push({ field, key: field, what, from: show(old as never), to: show(after[field] as never) });
  };
  simple('name', 'Name', (value: string) => `“${value}”`);
  simple('kind', 'Kind', kindText);
  simple('cost', 'Cost', formatMoney);
  simple('lagMonths', 'Takes effect after', months);
  if (before.effects !== undefined) {
    const oldByCell = new Map(before.effects.map((effect) => [cellKey(effect), effect]));
    const newByCell = new Map(after.effects.map((effect) => [cellKey(effect), effect]));
    const cell = (effect: PlanEffect) =>
      `Effect on ${names.functionName(effect.functionId)} · ${names.capabilityName(effect.capabilityId)}`;
    for (const effect of after.effects) {
      const old = oldByCell.get(cellKey(effect));
      if (old === undefined)
        changes.push({
          field: 'effects',
          key: cellKey(effect),
          what: cell(effect),
          from: 'none',
          to: effectRange(effect),
        });
      else if (old.low !== effect.low || old.likely !== effect.likely || old.high !== effect.high)
        changes.push({
          field: 'effects',
          key: cellKey(effect),
          what: cell(effect),
          from: effectRange(old),
          to: effectRange(effect),
        });
    }
    for (const old of before.effects)
      if (!newByCell.has(cellKey(old)))
        changes.push({
          field: 'effects',
          key: cellKey(old),
          what: cell(old),
          from: effectRange(old),
          to: 'removed',
        });
  }
  return changes;
}

/** Said once a revision is saved: saved scenarios keep the id, so they now simulate the new figures. */
export function revisionSavedText(name: string, scenarioNames: readonly string[]): string {
  const saved = `Saved the changes to “${name}”.`;
  if (scenarioNames.length === 0) return `${saved} No saved scenario includes it.`;
  const listed = scenarioNames.map((scenarioName) => `“${scenarioName}”`).join(', ');
  return scenarioNames.length === 1
    ? `${saved} The saved scenario ${listed} includes it: it is simulated afresh, so it now simulates the revised figures.`
    : `${saved} The saved scenarios ${listed} include it: they are simulated afresh, so they now simulate the revised figures.`;
}
