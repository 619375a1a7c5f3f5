import { conflict, invalidInput } from '../shared';
import { INVESTMENT_ERROR_CODES } from '../investment/investment.errors';
import { cellOf } from '../scoring/score-grid';
import type { ScoreGrid } from '../scoring/score-grid';
import type { ScenarioInvestment } from './scenario-input';
import type { ScoringFunction } from '../scoring/scoring-input';
import { unratedCellIgnored } from './simulation-warnings';
import type { IgnoredCell, SimulationWarning } from './simulation-warnings';

export const DEFAULT_HORIZON_MONTHS = 12;
export const MAXIMUM_HORIZON_MONTHS = 120;

/** An effect placed on the grid: only effects on cells rated at baseline are kept. */
export interface GridEffect {
  investmentPosition: number;
  cell: number;
  lagMonths: number;
  low: number;
  likely: number;
  high: number;
}

export interface GridEffects {
  effects: GridEffect[];
  warnings: SimulationWarning[];
}

export const validateHorizon = (horizonMonths: number): void => {
  if (!Number.isInteger(horizonMonths) || horizonMonths < 0 || horizonMonths > MAXIMUM_HORIZON_MONTHS) {
    throw invalidInput(
      'horizonMonths',
      `horizonMonths must be a whole number of months from 0 to ${MAXIMUM_HORIZON_MONTHS}, got ${horizonMonths}`,
    );
  }
};

/**
 * Refuses what cannot be simulated: a repeated or CANCELLED investment, a negative or fractional
 * lag, an effect whose estimate is not low <= likely <= high. `idsField` is the client's list of
 * ids (`investmentIds`, `candidateIds`), `listField` the path prefix of each investment.
 */
export const validateInvestments = (
  investments: readonly ScenarioInvestment[],
  idsField: string,
  listField: string,
): void => {
  const seen = new Set<string>();
  investments.forEach((investment, position) => {
    if (seen.has(investment.id)) throw invalidInput(idsField, `investment ${investment.id} is listed twice`);
    seen.add(investment.id);
    if (investment.status === 'CANCELLED') {
      throw conflict(
        `investment ${investment.id} is cancelled and cannot be simulated`,
        INVESTMENT_ERROR_CODES.cancelled,
        idsField,
      );
    }
    if (!Number.isInteger(investment.lagMonths) || investment.lagMonths < 0) {
      throw invalidInput(
        `${listField}[${position}].lagMonths`,
        'lagMonths must be a whole number of months >= 0',
      );
    }
    investment.effects.forEach((effect, effectPosition) => {
      const field = `${listField}[${position}].effects[${effectPosition}]`;
      if (![effect.low, effect.likely, effect.high].every(Number.isFinite)) {
        throw invalidInput(`${field}.likely`, 'an effect needs finite low, likely and high');
      }
      if (effect.low > effect.likely) throw invalidInput(`${field}.low`, 'an effect needs low <= likely');
      if (effect.likely > effect.high) throw invalidInput(`${field}.high`, 'an effect needs likely <= high');
    });
  });
};

/**
 * Places every effect on its cell; effects on cells unrated at baseline, and on functions retired
 * as of the baseline (`formerFunctions`, see organizationAsOf), are dropped with a warning.
 */
export const placeEffects = (
  grid: ScoreGrid,
  investments: readonly ScenarioInvestment[],
  formerFunctions: readonly ScoringFunction[] = [],
): GridEffects => {
  const effects: GridEffect[] = [];
  const warnings: SimulationWarning[] = [];
  investments.forEach((investment, investmentPosition) => {
    for (const effect of investment.effects) {
      const cell = cellOf(grid, effect.functionId, effect.capabilityId);
      if (cell === undefined || Number.isNaN(grid.baselineLevels[cell] ?? NaN)) {
        const retired = formerFunctions.find((former) => former.id === effect.functionId);
        const ignored: IgnoredCell =
          cell !== undefined
            ? { kind: 'UNRATED' }
            : retired === undefined
              ? { kind: 'UNKNOWN' }
              : { kind: 'RETIRED', function: retired };
        warnings.push(unratedCellIgnored(grid, investment, effect, ignored));
        continue;
      }
      effects.push({
        investmentPosition,
        cell,
        lagMonths: investment.lagMonths,
        low: effect.low,
        likely: effect.likely,
        high: effect.high,
      });
    }
  });
  return { effects, warnings };
};

export const clampLevel = (level: number, levelCount: number): number =>
  Math.min(levelCount, Math.max(1, level));

/** m' = clamp(m + sum of the likely deltas of effects applicable at `month`, 1, L). */
export const projectLevels = (
  grid: ScoreGrid,
  effects: readonly GridEffect[],
  month: number,
): Float64Array => {
  const deltas = new Map<number, number>();
  for (const effect of effects) {
    if (effect.lagMonths <= month) deltas.set(effect.cell, (deltas.get(effect.cell) ?? 0) + effect.likely);
  }
  const levels = Float64Array.from(grid.baselineLevels);
  for (const [cell, delta] of deltas)
    levels[cell] = clampLevel((grid.baselineLevels[cell] ?? 0) + delta, grid.levelCount);
  return levels;
};
