// An assessment opened twice with the same title and period end (a double submit, a second tab)
// reads identically in the list: the form asks before opening such a twin of an open one, and the
// list shows the ids of twins.
import { nameKey, namesakeIds } from '../shared/namesakes';

type Titled = { id: string; title: string; periodEnd: string; status: string };

const twinKey = (assessment: Pick<Titled, 'title' | 'periodEnd'>) =>
  `${nameKey(assessment.title)}|${assessment.periodEnd.slice(0, 10)}`;

/** The open assessment with this title and period end, which a new one would duplicate, or null. */
export function openTwinOf<T extends Titled>(
  assessments: readonly T[],
  title: string,
  periodEnd: string,
): T | null {
  const key = twinKey({ title, periodEnd });
  return (
    assessments.find((assessment) => assessment.status === 'OPEN' && twinKey(assessment) === key) ?? null
  );
}

/** The ids of assessments (withdrawn ones aside) that share their title and period end with another. */
export function assessmentTwinIds(assessments: readonly Titled[]): ReadonlySet<string> {
  return namesakeIds(
    assessments.filter((assessment) => assessment.status !== 'WITHDRAWN'),
    twinKey,
  );
}
