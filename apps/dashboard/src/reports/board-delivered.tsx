// "Did the money deliver?": each deployed investment on the board report with the change in levels
// it was expected to bring beside the change the assessments after its lag measured, read as of
// the report's date. A figure from an assessment still open is marked provisional, as the rest of
// the report marks numbers that may change. The latest deployed come first; on paper only the
// latest few, so that the page stays one page (the others stay on screen and on Planning).
import type { PlannedInvestmentSummary } from '../api/types';
import type { Realisation } from '../planning/planning.operations';
import { measurementAsOf, measurementName, pendingShort, ratioText } from '../planning/realisation-text';
import { formatDate, formatMoney, formatSigned } from '../shared/format';

/** How many deployed investments the printed page holds beside the trend. */
export const PRINTED_DELIVERED = 4;

export interface DeliveredInvestment {
  investment: PlannedInvestmentSummary;
  realisation: Realisation;
}

export function DeliveredInvestments({
  delivered,
  asOf,
}: {
  delivered: readonly DeliveredInvestment[];
  asOf: string | null;
}) {
  if (delivered.length === 0) return <p class="muted">No investment deployed yet.</p>;
  const latestFirst = [...delivered].sort(
    (left, right) =>
      Date.parse(right.investment.deployedAt ?? '') - Date.parse(left.investment.deployedAt ?? ''),
  );
  const unprinted = latestFirst.length - PRINTED_DELIVERED;
  return (
    <>
      <ul class="board-report__list">
        {latestFirst.map(({ investment, realisation }, index) => {
          const measurement = measurementAsOf(realisation, asOf);
          return (
            <li
              key={investment.id}
              data-delivered={investment.id}
              class={index < PRINTED_DELIVERED ? undefined : 'board-report__unprinted'}
            >
              <strong>{investment.name}</strong> · deployed{' '}
              {investment.deployedAt ? formatDate(investment.deployedAt) : '—'} ·{' '}
              {formatMoney(investment.cost)} · expected {formatSigned(realisation.predicted, 2)} levels,{' '}
              {measurement === null ? (
                <>realised: {pendingShort(realisation)}</>
              ) : (
                <>
                  realised <strong>{formatSigned(measurement.actual, 2)}</strong> (
                  {ratioText(measurement.ratio)} of expected)
                  {measurement.open && (
                    <span
                      class="board-report__provisional-mark"
                      title="The assessment is still open: the figure may change"
                    >
                      {' '}
                      ◐ provisional
                    </span>
                  )}
                  , measured by {measurementName(measurement)}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {unprinted > 0 && (
        <p class="board-report__more" data-testid="delivered-unprinted">
          {unprinted} earlier deployed {unprinted === 1 ? 'investment is' : 'investments are'} on the Planning
          screen.
        </p>
      )}
    </>
  );
}
