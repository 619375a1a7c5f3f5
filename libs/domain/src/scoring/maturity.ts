import { nullWhenNaN } from './index-formulas';
import { compileScoreGrid } from './score-grid';
import type { ScoreGrid } from './score-grid';
import { scoreLevels } from './score-levels';
import type { LevelScores } from './score-levels';
import { withinGroupAgreementOverItems } from './agreement';
import type {
  ContributingRating,
  RaterGroupScore,
  ScoredCellInput,
  ScoringModel,
  ScoringOrganization,
} from './scoring-input';

export interface MaturityIndices {
  customerCentricityIndex: number | null;
  alignmentIndex: number | null;
  targetAttainment: number | null;
}

export interface MaturityCellScore {
  functionId: string;
  capabilityId: string;
  /** m(f,c); null when unrated. */
  level: number | null;
  target: number | null;
  /** max(0, T - m); null unless both exist. */
  gap: number | null;
  perceptionGap: number | null;
  ratingCount: number;
  ratings: ContributingRating[];
  /** The smallest r_wg of its rater groups; null when no group has two respondents. */
  agreement: number | null;
  groups: RaterGroupScore[];
}

export interface FunctionScore {
  functionId: string;
  customerCentricityIndex: number | null;
  /** The smallest r_wg(J) of its rater groups over its capabilities; null when none has two respondents. */
  agreement: number | null;
}

export interface LinkScore {
  from: string;
  to: string;
  /** Weighted mean level difference over the capabilities rated at both ends. */
  misalignment: number;
}

export interface MaturityScores extends MaturityIndices {
  /** Every function x capability, functions in organisation order, capabilities in model order. */
  cells: MaturityCellScore[];
  /** |rated cells| / (functions x capabilities); 0 for an empty grid. */
  coverage: number;
  functionScores: FunctionScore[];
  /** Largest misalignment first; links with no capability rated at both ends are left out. */
  weakestLinks: LinkScore[];
}

/** The links of `edgeMisalignment`, worst first (ties keep edge order). */
export const weakestLinksOf = (grid: ScoreGrid, edgeMisalignment: Float64Array): LinkScore[] => {
  const links: LinkScore[] = [];
  grid.edges.forEach((edge, position) => {
    const misalignment = edgeMisalignment[position] ?? NaN;
    if (Number.isNaN(misalignment)) return;
    links.push({
      from: grid.functions[edge.from]?.id ?? '',
      to: grid.functions[edge.to]?.id ?? '',
      misalignment,
    });
  });
  return links.sort((left, right) => right.misalignment - left.misalignment);
};

/**
 * r_wg(J) of each rater group over the function's cells where it has two or more respondents;
 * the function's agreement is the smallest (its least agreeing group).
 */
const functionAgreement = (grid: ScoreGrid, functionPosition: number): number | null => {
  const variancesByGroup = new Map<string, number[]>();
  const first = functionPosition * grid.capabilityCount;
  for (let cell = first; cell < first + grid.capabilityCount; cell += 1) {
    for (const group of grid.cellInputs[cell]?.groups ?? []) {
      if (group.variance === null) continue;
      const key = `${group.source}\u0000${group.raterFunctionId ?? ''}`;
      const variances = variancesByGroup.get(key);
      if (variances === undefined) variancesByGroup.set(key, [group.variance]);
      else variances.push(group.variance);
    }
  }
  let smallest: number | null = null;
  for (const variances of variancesByGroup.values()) {
    const agreement = withinGroupAgreementOverItems(variances, grid.levelCount);
    if (agreement !== null && (smallest === null || agreement < smallest)) smallest = agreement;
  }
  return smallest;
};

/** Every score of `levels` over a compiled grid; the simulation uses it for projected levels. */
export const describeScores = (
  grid: ScoreGrid,
  levels: Float64Array,
  scores: LevelScores = scoreLevels(grid, levels),
): MaturityScores => {
  const cells: MaturityCellScore[] = [];
  for (let cell = 0; cell < grid.cellCount; cell += 1) {
    const level = nullWhenNaN(levels[cell] ?? NaN);
    const target = nullWhenNaN(grid.targets[cell] ?? NaN);
    const input = grid.cellInputs[cell];
    cells.push({
      functionId: grid.functions[Math.floor(cell / grid.capabilityCount)]?.id ?? '',
      capabilityId: grid.capabilities[cell % grid.capabilityCount]?.id ?? '',
      level,
      target,
      gap: level !== null && target !== null ? Math.max(0, target - level) : null,
      perceptionGap: input?.perceptionGap ?? null,
      ratingCount: input?.ratingCount ?? input?.ratings?.length ?? 0,
      ratings: input?.ratings ?? [],
      agreement: input?.agreement ?? null,
      groups: input?.groups ?? [],
    });
  }
  return {
    cells,
    customerCentricityIndex: nullWhenNaN(scores.customerCentricityIndex),
    alignmentIndex: nullWhenNaN(scores.alignmentIndex),
    targetAttainment: nullWhenNaN(scores.targetAttainment),
    coverage: grid.cellCount > 0 ? grid.ratedCellCount / grid.cellCount : 0,
    functionScores: grid.functions.map((business, position) => ({
      functionId: business.id,
      customerCentricityIndex: nullWhenNaN(scores.functionIndices[position] ?? NaN),
      agreement: functionAgreement(grid, position),
    })),
    weakestLinks: weakestLinksOf(grid, scores.edgeMisalignment),
  };
};

/**
 * The scores of docs/reference/scores.md from the effective level of each rated cell (see
 * `effectiveCells`). Numbers are full precision; indices are null where their sums are empty.
 */
export const computeMaturity = (
  model: ScoringModel,
  organization: ScoringOrganization,
  cells: readonly ScoredCellInput[],
): MaturityScores => {
  const grid = compileScoreGrid(model, organization, cells);
  return describeScores(grid, grid.baselineLevels);
};
