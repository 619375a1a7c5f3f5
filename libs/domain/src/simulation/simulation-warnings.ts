import type { ScoringFunction } from '../scoring/scoring-input';
import type { ScoreGrid } from '../scoring/score-grid';
import type { ScenarioEffect, ScenarioInvestment } from './scenario-input';

export type SimulationWarningCode =
  'MATURITY_UP_ALIGNMENT_DOWN' | 'LINK_MISALIGNMENT_UP' | 'UNRATED_CELL_IGNORED';

export interface SimulationWarning {
  code: SimulationWarningCode;
  /** Plain words for a planner, naming the functions concerned. */
  message: string;
  /** LINK_MISALIGNMENT_UP: the link's functions. */
  from?: string;
  to?: string;
  /** UNRATED_CELL_IGNORED: the investment and cell of the ignored effect. */
  investmentId?: string;
  functionId?: string;
  capabilityId?: string;
}

/** A link's misalignment must grow by at least this many levels to be worth a warning. */
export const LINK_MISALIGNMENT_THRESHOLD = 0.5;

/** Keeps floating-point noise from raising or hiding a warning. */
export const COMPARISON_TOLERANCE = 1e-9;

const functionName = (grid: ScoreGrid, functionId: string): string => {
  const position = grid.functionIndex.get(functionId);
  return (position === undefined ? undefined : grid.functions[position]?.name) ?? functionId;
};

const capabilityName = (grid: ScoreGrid, capabilityId: string): string => {
  const position = grid.capabilityIndex.get(capabilityId);
  return (position === undefined ? undefined : grid.capabilities[position]?.name) ?? capabilityId;
};

/** The most decimals a warning's figures are given with: past it, two figures are the same. */
export const MAX_WARNING_DECIMALS = 9;

/**
 * A warning's "from a to b", each figure with `decimals` (the usual precision) or as many more as
 * it takes for the two to read differently: a warning never says a score falls from 83.6 to 83.6.
 * A change the tolerance lets through always differs within MAX_WARNING_DECIMALS.
 */
export const fromTo = (change: { baseline: number; projected: number }, decimals: number): string => {
  let shown = decimals;
  while (shown < MAX_WARNING_DECIMALS && change.baseline.toFixed(shown) === change.projected.toFixed(shown))
    shown += 1;
  return `from ${change.baseline.toFixed(shown)} to ${change.projected.toFixed(shown)}`;
};

/**
 * Why an effect's cell is not on the grid: unrated at baseline, outside the organisation and
 * model, or of a function retired as of the baseline (named, with its date).
 */
export type IgnoredCell =
  { kind: 'UNRATED' } | { kind: 'UNKNOWN' } | { kind: 'RETIRED'; function: ScoringFunction };

export const unratedCellIgnored = (
  grid: ScoreGrid,
  investment: ScenarioInvestment,
  effect: ScenarioEffect,
  cell: IgnoredCell,
): SimulationWarning => {
  const where =
    cell.kind === 'RETIRED'
      ? `${cell.function.name ?? effect.functionId} / ${capabilityName(grid, effect.capabilityId)}`
      : `${functionName(grid, effect.functionId)} / ${capabilityName(grid, effect.capabilityId)}`;
  const why =
    cell.kind === 'UNRATED'
      ? 'has not been rated in any assessment yet, so there is no level to raise'
      : cell.kind === 'RETIRED'
        ? `belongs to a function retired from ${(cell.function.retiredFrom ?? '').slice(0, 10)} and so is in no view from then on`
        : 'is not a function and capability of this organisation and model';
  return {
    code: 'UNRATED_CELL_IGNORED',
    message: `"${investment.name ?? investment.id}" has an effect on ${where}, which ${why}; that effect is left out of the projection.`,
    investmentId: investment.id,
    functionId: effect.functionId,
    capabilityId: effect.capabilityId,
  };
};

export const maturityUpAlignmentDown = (
  customerCentricity: { baseline: number; projected: number },
  alignment: { baseline: number; projected: number },
  worstLink: { from: string; to: string } | undefined,
  grid: ScoreGrid,
): SimulationWarning => {
  const hint =
    worstLink === undefined
      ? ''
      : ` The link that drifts most is ${functionName(grid, worstLink.from)} and ${functionName(grid, worstLink.to)}.`;
  return {
    code: 'MATURITY_UP_ALIGNMENT_DOWN',
    message:
      `Customer-centricity rises ${fromTo(customerCentricity, 1)}, ` +
      `but alignment falls ${fromTo(alignment, 1)}: ` +
      `functions that serve customers together are moving apart.${hint}`,
  };
};

export const linkMisalignmentUp = (
  grid: ScoreGrid,
  link: { from: string; to: string; baseline: number; projected: number },
): SimulationWarning => ({
  code: 'LINK_MISALIGNMENT_UP',
  message:
    `${functionName(grid, link.from)} and ${functionName(grid, link.to)} drift apart: their average level difference ` +
    `grows ${fromTo(link, 2)} levels.`,
  from: link.from,
  to: link.to,
});
