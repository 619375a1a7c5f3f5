// Open assessments count in every score (docs/reference/scores.md), so scores that include one
// are provisional: these are the open assessments a view includes, for the screens and files to
// say so.
import { parseInstant } from './effective-cells';
import type { IncludedOpenAssessment, StillOpenAssessment } from './scoring-input';

/**
 * The open assessments within `asOf` (all when absent), by periodEnd, each with the number of
 * `cells` it decides. One with no rating yet is included too: its periodEnd is already a cycle.
 */
export const includedOpenAssessments = (
  openAssessments: readonly StillOpenAssessment[],
  cells: readonly { assessmentId: string }[],
  asOf?: string,
): IncludedOpenAssessment[] => {
  const until = asOf === undefined ? Infinity : parseInstant(asOf, 'asOf');
  return openAssessments
    .filter((assessment) => parseInstant(assessment.periodEnd, 'periodEnd') <= until)
    .map((assessment) => ({
      ...assessment,
      decidedCells: cells.filter((cell) => cell.assessmentId === assessment.assessmentId).length,
    }))
    .sort((left, right) => Date.parse(left.periodEnd) - Date.parse(right.periodEnd));
};

/**
 * The assessments a view counts: every one (open ones provisionally), or with `includeOpen` false
 * only those no longer open, for views that leave what may still change out.
 */
export const countedAssessments = <Assessment extends { assessmentId: string }>(
  assessments: readonly Assessment[],
  openAssessments: readonly StillOpenAssessment[],
  includeOpen: boolean,
): readonly Assessment[] => {
  if (includeOpen || openAssessments.length === 0) return assessments;
  const open = new Set(openAssessments.map((assessment) => assessment.assessmentId));
  return assessments.filter((assessment) => !open.has(assessment.assessmentId));
};
