// Reports: what to take to a steering committee. Downloads, a comparison of two dates, and the
// board report with "Print / save as PDF" (only the report prints, on one A4 landscape page).
import { useMemo, useState } from 'preact/hooks';
import { maturityTimelineQuery } from '../api/queries';
import { ErrorNotice } from '../shared/error-notice';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import type { OrganizationWorkspace } from '../shell/workspace';
import { BoardReport } from './board-report';
import { DateComparison } from './date-comparison';
import { Downloads } from './downloads';
import './reports.css';

export function ReportsScreen({ organization, model }: OrganizationWorkspace) {
  const { client } = useSession();
  const organizationId = organization.id;
  // The timeline only: the report dates are its points; nothing here shows a single rating.
  const history = useRequest(`${organizationId}/reports-timeline`, (signal) =>
    client.request(maturityTimelineQuery, { organizationId }, signal),
  );
  const points = useMemo(
    () => [...(history.data?.maturityTimeline ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    [history.data],
  );
  const [asOf, setAsOf] = useState<string | null>(null);
  const [knownToo, setKnownToo] = useState(false);
  const knownAt = asOf !== null && knownToo ? asOf : null;

  return (
    <div class="reports">
      <header class="page__header no-print">
        <div>
          <h1 class="page__title">Reports: {organization.name}</h1>
          <p class="page__purpose">
            What a steering committee reads: files to take along, changes, one printed page.
          </p>
        </div>
      </header>
      {history.error && <ErrorNotice error={history.error} action="Could not load the assessment cycles" />}

      <section class="card no-print" aria-labelledby="report-date-title">
        <header class="card__header">
          <h2 id="report-date-title" class="card__title">
            Report date
          </h2>
          <p class="card__subtitle">The downloads and the board report follow this date.</p>
        </header>
        <div class="reports__date">
          <label class="field field--inline">
            <span class="field__label">As of</span>
            <select
              class="input input--select"
              data-testid="report-as-of"
              value={asOf ?? ''}
              onChange={(event) => {
                setAsOf(event.currentTarget.value === '' ? null : event.currentTarget.value);
              }}
            >
              <option value="">Latest</option>
              {points.map((point) => (
                <option key={point.at} value={point.at}>
                  {new Date(point.at).toISOString().slice(0, 10)}
                </option>
              ))}
            </select>
          </label>
          <label class="reports__known">
            <input
              type="checkbox"
              checked={knownToo}
              disabled={asOf === null}
              onChange={(event) => {
                setKnownToo(event.currentTarget.checked);
              }}
            />{' '}
            As known at that date
          </label>
        </div>
      </section>

      <section class="card no-print" aria-labelledby="downloads-title">
        <header class="card__header">
          <h2 id="downloads-title" class="card__title">
            Downloads
          </h2>
          <p class="card__subtitle">Spreadsheets with typed numbers, ready to sort and chart.</p>
        </header>
        <Downloads organizationId={organizationId} asOf={asOf} knownAt={knownAt} />
      </section>

      <section class="card no-print" aria-labelledby="compare-dates-title">
        <header class="card__header">
          <h2 id="compare-dates-title" class="card__title">
            Compare two dates
          </h2>
          <p class="card__subtitle">
            The indices at both dates, and every cell that moved, largest change first.
          </p>
        </header>
        {history.data && (
          <DateComparison
            organizationId={organizationId}
            points={points}
            functions={organization.functions}
            capabilities={model.capabilities}
          />
        )}
      </section>

      <section class="card reports__board" aria-labelledby="board-title">
        <header class="card__header reports__board-header no-print">
          <div>
            <h2 id="board-title" class="card__title">
              Board report
            </h2>
            <p class="card__subtitle">
              One A4 landscape page; a heatmap longer than the page goes on over the next. Choose “Save as
              PDF” as the printer for a file.
            </p>
          </div>
          <button
            type="button"
            class="button button--primary"
            data-testid="print-board-report"
            onClick={() => {
              window.print();
            }}
          >
            Print / save as PDF
          </button>
        </header>
        <BoardReport
          organization={organization}
          capabilities={model.capabilities}
          asOf={asOf}
          knownAt={knownAt}
        />
      </section>
    </div>
  );
}
