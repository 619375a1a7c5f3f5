// Each cell's change since the previous assessment cycle, for the heatmap's arrows: the cycle
// before the one the viewed date falls in, compared with the viewed date itself.
import { useMemo } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { maturityChangeQuery } from '../api/queries';
import type { MaturityChange, MaturityPoint } from '../api/types';
import { cellKey } from '../heatmap/cell-ratings';
import { useRequest } from '../shared/use-request';

export interface CycleChange {
  /** The previous cycle's periodEnd: what the arrows compare with. */
  since: string;
  /** delta by cell key; null where the cell was unrated at one of the two dates. */
  changes: ReadonlyMap<string, number | null>;
  change: MaturityChange;
}

/** The two dates to compare: the cycle before the viewed one, and the viewed date (or the latest cycle). */
export function cycleRange(
  points: readonly MaturityPoint[],
  asOf: string | null,
): { from: string; to: string } | null {
  const viewed = asOf === null ? Infinity : Date.parse(asOf);
  const cycles = points.filter((point) => Date.parse(point.at) <= viewed);
  const current = cycles.at(-1);
  const previous = cycles.at(-2);
  if (current === undefined || previous === undefined) return null;
  return { from: previous.at, to: asOf ?? current.at };
}

export function changesByCell(change: MaturityChange): Map<string, number | null> {
  return new Map(change.cells.map((cell) => [cellKey(cell.functionId, cell.capabilityId), cell.delta]));
}

export function useCycleChange(
  client: ApiClient,
  organizationId: string,
  points: readonly MaturityPoint[],
  asOf: string | null,
  knownAt: string | null,
): CycleChange | null {
  const range = cycleRange(points, asOf);
  const request = useRequest(
    range === null ? null : `${organizationId}/change/${range.from}/${range.to}/${knownAt ?? 'now'}`,
    (signal) =>
      range === null
        ? Promise.resolve(null)
        : client
            .request(maturityChangeQuery, { organizationId, ...range, knownAt }, signal)
            .then((data) => data.maturityChange),
  );
  // Idle requests keep their last answer: a date with no earlier cycle shows no arrows.
  const change = range === null ? null : request.data;
  return useMemo(
    () => (change ? { since: change.from, changes: changesByCell(change), change } : null),
    [change],
  );
}
