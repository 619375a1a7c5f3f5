// The tooltip of a cell in the current view: level against target, the perception gap, and the
// ratings by source with their evidence.
import type { BusinessFunction, RatingSource } from '../api/types';
import { formatDate, formatLevel, formatSigned } from '../shared/format';
import type { CellContext } from './heatmap';
import type { CellRatings } from './cell-ratings';

const sourceNames: Record<RatingSource, string> = {
  SELF: 'Self',
  PEER: 'Peer',
  CUSTOMER: 'Customer',
  AUDIT: 'Audit',
};

const sourceOrder: RatingSource[] = ['SELF', 'PEER', 'CUSTOMER', 'AUDIT'];

interface CellDetailsProps {
  context: CellContext;
  ratings: CellRatings | undefined;
  functionsById: ReadonlyMap<string, BusinessFunction>;
  /** The view replays what was known at a past date; the ratings listed are today's record. */
  knownAtPast: boolean;
}

export function CellDetails({ context, ratings, functionsById, knownAtPast }: CellDetailsProps) {
  const { businessFunction, capability, cell } = context;
  const level = cell?.level ?? null;
  const sorted = [...(ratings?.ratings ?? [])].sort(
    (a, b) => sourceOrder.indexOf(a.source) - sourceOrder.indexOf(b.source),
  );

  return (
    <div class="cell-details">
      <p class="cell-details__title">
        <strong>{businessFunction.name}</strong> · {capability.name}
      </p>
      {level == null ? (
        <p class="cell-details__summary">Unrated: no assessment up to this date rates this cell.</p>
      ) : (
        <>
          <p class="cell-details__summary">
            Level <strong>{formatLevel(level)}</strong>
            {cell?.target != null ? (
              <>
                {' '}
                against target <strong>{cell.target}</strong>
                {(cell.gap ?? 0) > 0 ? ` — ${formatLevel(cell.gap)} below` : ' — target met'}
              </>
            ) : (
              ' (no target set)'
            )}
          </p>
          <p class="cell-details__perception">{describePerceptionGap(cell?.perceptionGap ?? null)}</p>
        </>
      )}
      {sorted.length > 0 && ratings && (
        <>
          <table class="cell-details__ratings">
            <caption class="visually-hidden">Ratings by source</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Level</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((rating, index) => (
                <tr key={index}>
                  <td class="cell-details__source">
                    {sourceNames[rating.source]}
                    {rating.raterFunctionId && (
                      <span class="cell-details__rater">
                        {functionsById.get(rating.raterFunctionId)?.name ?? rating.raterFunctionId}
                      </span>
                    )}
                  </td>
                  <td class="cell-details__level">{rating.level}</td>
                  <td class="cell-details__evidence">
                    {rating.evidence ?? <span class="muted">no evidence given</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="cell-details__footnote">
            From “{ratings.assessment.title}”, period ending {formatDate(ratings.assessment.periodEnd)}
            {knownAtPast && '; ratings as recorded today'}.
          </p>
        </>
      )}
    </div>
  );
}

function describePerceptionGap(gap: number | null): string {
  if (gap == null) return 'Perception gap: needs both a self-rating and another source.';
  if (Math.abs(gap) < 0.05) return 'Perception gap 0.0: the function sees itself as others do.';
  return gap > 0
    ? `Perception gap ${formatSigned(gap)}: rates itself higher than others see it.`
    : `Perception gap ${formatSigned(gap)}: rates itself lower than others see it.`;
}
