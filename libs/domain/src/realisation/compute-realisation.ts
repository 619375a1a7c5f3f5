import { conflict } from '../shared';
import { INVESTMENT_ERROR_CODES } from '../investment/investment.errors';
import { effectiveCells, parseInstant } from '../scoring/effective-cells';
import type { RealisationInput } from './realisation-input';

export interface RealisationCell {
  functionId: string;
  capabilityId: string;
  /** m0: effective level as of deployedAt. */
  baselineLevel: number;
  /** clamp(m0 + sum of likely, 1, L). */
  predictedLevel: number;
  /** Effective level as of the assessment that made the investment due; null until due. */
  actualLevel: number | null;
}

/** What one assessment after the lag showed: the latest of them is the realisation's figure. */
export interface RealisationMeasurement {
  assessmentId: string;
  /** ISO-8601 valid time of the assessment: the levels are read as of it. */
  periodEnd: string;
  /** Sum over counted cells of (level as of this assessment) - m0. */
  actual: number;
  /** actual / predicted; null when predicted is 0. */
  ratio: number | null;
}

export interface Realisation {
  investmentId: string;
  /** Sum over counted cells of clamp(m0 + likely, 1, L) - m0. */
  predicted: number;
  /** Sum over counted cells of (level as of the due assessment) - m0; null until due. */
  actual: number | null;
  /** actual / predicted; null until due or when predicted is 0. */
  ratio: number | null;
  due: boolean;
  /** deployedAt + lagMonths (calendar months, UTC), ISO-8601. */
  dueFrom: string;
  /** The latest assessment on or after dueFrom that rates a counted cell. */
  assessmentId: string | null;
  /**
   * Every assessment on or after dueFrom that rates a counted cell, by periodEnd (then recording
   * order), each with what it showed: the last is the one measuring `actual`, the earlier ones
   * are how the figure got there.
   */
  measurements: RealisationMeasurement[];
  /** Some effect cell had a rating as of deployedAt: without one it can never fall due. */
  measurable: boolean;
  /** The effect cells rated at deployment: the only ones that count. */
  cells: RealisationCell[];
  /** Effect cells unrated at deployment (or outside the organisation): no m0, so left out. */
  excludedCells: { functionId: string; capabilityId: string }[];
}

/** Adds calendar months in UTC; a day past the target month's end becomes its last day. */
export const addCalendarMonths = (instant: number, months: number): number => {
  const date = new Date(instant);
  const targetMonth = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  return Date.UTC(
    date.getUTCFullYear(),
    targetMonth,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
};

const cellKey = (functionId: string, capabilityId: string): string => `${functionId}\u0000${capabilityId}`;

/**
 * Predicted against actual change of a deployed investment on its effect cells (docs/reference/simulation.md).
 * Edge cases: an effect cell unrated at deployment has no m0 and is excluded from both sums;
 * several effects on one cell add up before clamping; a counted cell not re-rated after
 * deployment keeps m0 and adds 0 to actual; with no counted cell the investment is never due.
 */
export const computeRealisation = (input: RealisationInput): Realisation => {
  const { model, organization, investment, assessments } = input;
  if (investment.status !== 'DEPLOYED' || investment.deployedAt === null) {
    throw conflict(
      `investment ${investment.id} is not deployed, so there is nothing to realise yet`,
      INVESTMENT_ERROR_CODES.notDeployed,
      'investmentId',
    );
  }
  const deployedAt = parseInstant(investment.deployedAt, 'deployedAt');
  const dueFrom = addCalendarMonths(deployedAt, investment.lagMonths);

  const likelyByCell = new Map<string, { functionId: string; capabilityId: string; likely: number }>();
  for (const effect of investment.effects) {
    const key = cellKey(effect.functionId, effect.capabilityId);
    const existing = likelyByCell.get(key);
    if (existing === undefined) likelyByCell.set(key, { ...effect });
    else existing.likely += effect.likely;
  }

  const levelsAt = (asOf: string): Map<string, number> =>
    new Map(
      effectiveCells(model, organization, assessments, { asOf }).map((cell) => [
        cellKey(cell.functionId, cell.capabilityId),
        cell.level,
      ]),
    );
  const atDeployment = levelsAt(new Date(deployedAt).toISOString());

  const cells: RealisationCell[] = [];
  const excludedCells: Realisation['excludedCells'] = [];
  let predicted = 0;
  for (const [key, effect] of likelyByCell) {
    const baselineLevel = atDeployment.get(key);
    if (baselineLevel === undefined) {
      excludedCells.push({ functionId: effect.functionId, capabilityId: effect.capabilityId });
      continue;
    }
    const predictedLevel = Math.min(model.levelCount, Math.max(1, baselineLevel + effect.likely));
    predicted += predictedLevel - baselineLevel;
    cells.push({
      functionId: effect.functionId,
      capabilityId: effect.capabilityId,
      baselineLevel,
      predictedLevel,
      actualLevel: null,
    });
  }

  const counted = new Set(cells.map((cell) => cellKey(cell.functionId, cell.capabilityId)));
  const measuring = assessments
    .map((assessment) => ({ assessment, periodEnd: parseInstant(assessment.periodEnd, 'periodEnd') }))
    .filter(
      ({ assessment, periodEnd }) =>
        periodEnd >= dueFrom &&
        assessment.ratings.some((rating) => counted.has(cellKey(rating.functionId, rating.capabilityId))),
    )
    .sort(
      (left, right) =>
        left.periodEnd - right.periodEnd || left.assessment.sequence - right.assessment.sequence,
    );

  /** The counted cells' levels as of an assessment; a cell not re-rated since keeps m0. */
  const realisedAt = (periodEnd: number): RealisationCell[] => {
    const levels = levelsAt(new Date(periodEnd).toISOString());
    return cells.map((cell) => ({
      ...cell,
      actualLevel: levels.get(cellKey(cell.functionId, cell.capabilityId)) ?? cell.baselineLevel,
    }));
  };
  const changeOf = (realised: readonly RealisationCell[]): number =>
    realised.reduce((sum, cell) => sum + (cell.actualLevel ?? cell.baselineLevel) - cell.baselineLevel, 0);
  const ratioOf = (actual: number): number | null => (predicted === 0 ? null : actual / predicted);

  const measurements: RealisationMeasurement[] = measuring.map(({ assessment, periodEnd }) => {
    const actual = changeOf(realisedAt(periodEnd));
    return {
      assessmentId: assessment.assessmentId,
      periodEnd: new Date(periodEnd).toISOString(),
      actual,
      ratio: ratioOf(actual),
    };
  });

  const base = {
    investmentId: investment.id,
    predicted,
    dueFrom: new Date(dueFrom).toISOString(),
    excludedCells,
    measurements,
    measurable: cells.length > 0,
  };
  const latest = measuring.at(-1);
  if (latest === undefined) {
    return { ...base, actual: null, ratio: null, due: false, assessmentId: null, cells };
  }
  const realisedCells = realisedAt(latest.periodEnd);
  const actual = changeOf(realisedCells);
  return {
    ...base,
    actual,
    ratio: ratioOf(actual),
    due: true,
    assessmentId: latest.assessment.assessmentId,
    cells: realisedCells,
  };
};
