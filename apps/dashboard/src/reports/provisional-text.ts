// How numbers that include an open assessment say so, in one sentence.
import type { MaturityView } from '../api/types';
import { formatDate } from '../shared/format';

type OpenAssessments = MaturityView['openAssessments'];

/**
 * "Provisional: includes 2027 Q3 pulse (30 Sep 2027), still open, which decides 1 of 44 cells. …"
 * null when the numbers include no open assessment.
 */
export function provisionalText(openAssessments: OpenAssessments, cellCount: number): string | null {
  if (openAssessments.length === 0) return null;
  const parts = openAssessments.map(
    (assessment) =>
      `${assessment.title} (${formatDate(assessment.periodEnd)}), still open, which decides ${assessment.decidedCells} of ${cellCount} ${cellCount === 1 ? 'cell' : 'cells'}`,
  );
  return `Provisional: includes ${parts.join('; ')}. Open assessments count; these numbers may change until ${openAssessments.length === 1 ? 'it closes' : 'they close'}.`;
}
