// Each cell's change since the previous assessment cycle, for the heatmap's arrows (the dates:
// cycle-range.ts).
import { useMemo } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { maturityChangeQuery } from '../api/queries';
import type { MaturityChange, MaturityPoint } from '../api/types';
import { cellKey } from '../heatmap/cell-ratings';
import { shownDifference } from '../shared/format';
import { useRequest } from '../shared/use-request';
import { cycleRange } from './cycle-range';

export interface CycleChange {
  /** The previous cycle's periodEnd: what the arrows compare with. */
  since: string;
  /** The date compared with it: the viewed date, or the latest cycle. */
  until: string;
  /** delta by cell key; null where the cell was unrated at one of the two dates. */
  changes: ReadonlyMap<string, number | null>;
  change: MaturityChange;
}

/** The change of each cell between its two levels as shown, so the arrows add up with the levels. */
export function changesByCell(change: MaturityChange): Map<string, number | null> {
  return new Map(
    change.cells.map((cell) => [
      cellKey(cell.functionId, cell.capabilityId),
      cell.before != null && cell.after != null ? shownDifference(cell.before, cell.after) : cell.delta,
    ]),
  );
}

export function useCycleChange(
  client: ApiClient,
  organizationId: string,
  points: readonly MaturityPoint[],
  asOf: string | null,
  knownAt: string | null,
  /** false: the Overview leaves open assessments out, so the change does too. */
  includeOpenAssessments = true,
): CycleChange | null {
  const range = cycleRange(points, asOf);
  const request = useRequest(
    range === null
      ? null
      : `${organizationId}/change/${range.from}/${range.to}/${knownAt ?? 'now'}/${String(includeOpenAssessments)}`,
    (signal) =>
      range === null
        ? Promise.resolve(null)
        : client
            .request(
              maturityChangeQuery,
              { organizationId, ...range, knownAt, includeOpenAssessments },
              signal,
            )
            .then((data) => data.maturityChange),
  );
  // Idle requests keep their last answer: a date with no earlier cycle shows no arrows.
  const change = range === null ? null : request.data;
  return useMemo(
    () => (change ? { since: change.from, until: change.to, changes: changesByCell(change), change } : null),
    [change],
  );
}
