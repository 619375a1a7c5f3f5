// How numbers that include an open assessment say so, in one sentence.
import type { MaturityView } from '../api/types';
import { openCyclesWithoutRatings, openCyclesWithRatings } from '@app/domain/scoring/rated-cycles';
import { formatDate } from '../shared/format';

type OpenAssessments = MaturityView['openAssessments'];

/**
 * "Provisional: includes 2027 Q3 pulse (30 Sep 2027), still open, which decides 1 of 44 cells. …"
 * null when the numbers include no open assessment's rating: one opened with none yet changes no
 * number (openedText says it).
 */
export function provisionalText(included: OpenAssessments, cellCount: number): string | null {
  const openAssessments = openCyclesWithRatings(included);
  if (openAssessments.length === 0) return null;
  const parts = openAssessments.map(
    (assessment) =>
      `${assessment.title} (${formatDate(assessment.periodEnd)}), still open, which decides ${assessment.decidedCells} of ${cellCount} ${cellCount === 1 ? 'cell' : 'cells'}`,
  );
  return `Provisional: includes ${parts.join('; ')}. Open assessments count; these numbers may change until ${openAssessments.length === 1 ? 'it closes' : 'they close'}.`;
}

/**
 * "2026 Q1 (31 Mar 2026) opened, no ratings yet: the numbers are those of the cycles before it."
 * null when every open assessment included has a rating in.
 */
export function openedText(included: OpenAssessments): string | null {
  const empty = openCyclesWithoutRatings(included);
  if (empty.length === 0) return null;
  const names = empty.map((assessment) => `${assessment.title} (${formatDate(assessment.periodEnd)})`);
  return `${names.join(' and ')} opened, no ratings yet: the numbers are those of the cycles before ${empty.length === 1 ? 'it' : 'them'}.`;
}
