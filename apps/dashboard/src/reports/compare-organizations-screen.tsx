// Organisations side by side (a hotel group's sites, a bank's regions): pick them, see their
// indices and a capability x organisation grid, as of a day and as known at a day (the days mean
// what they mean on every screen: shared/known-at). Only organisations on one model compare. Each
// column says what its figures rest on: an open assessment (provisional), declared links or every
// pair assumed, and whose ratings. A sign-in that reaches one organisation is told so instead.
import { useState } from 'preact/hooks';
import { compareOrganizationsQuery, maturityQuery } from '../api/queries';
import type { MaturityView, OrganizationComparison } from '../api/types';
import { ErrorNotice } from '../shared/error-notice';
import { TextField } from '../shared/forms/fields';
import { formatDate, formatIndex, formatLevel, formatPercent } from '../shared/format';
import { asOfInstant, isDay, knownAtInstant, knownAtWords } from '../shared/known-at';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import { modelOf, type Workspace } from '../shell/workspace';
import { linksText, sourceMixText } from '@app/domain/reports/comparison-context';
import { DownloadChoices } from './downloads';
import { provisionalText } from './provisional-text';
import './provisional-note.css';
import './reports.css';

const indexLines: readonly [string, (row: OrganizationComparison) => string][] = [
  ['Customer-centricity', (row) => formatIndex(row.customerCentricityIndex)],
  ['Alignment', (row) => formatIndex(row.alignmentIndex)],
  ['Target attainment', (row) => formatIndex(row.targetAttainment)],
  ['Coverage', (row) => formatPercent(row.coverage)],
];

export function CompareOrganizationsScreen({ organizations, models, organization }: Workspace) {
  const { client } = useSession();
  const [picked, setPicked] = useState<readonly string[] | null>(null);
  const [asOfDay, setAsOfDay] = useState('');
  const [knownAtDay, setKnownAtDay] = useState('');
  // A day being typed is no day yet: nothing is asked until both fields are empty or whole days.
  const datesValid = (asOfDay === '' || isDay(asOfDay)) && (knownAtDay === '' || isDay(knownAtDay));
  const asOf = asOfDay === '' ? null : asOfInstant(asOfDay);
  const knownAt = knownAtDay === '' ? null : knownAtInstant(knownAtDay);
  const dates = `${asOf ?? 'now'}/${knownAt ?? 'all'}`;
  const anchor = organization ?? organizations[0] ?? null;
  // At first: every organisation on the model of the one being viewed.
  const chosen =
    picked ??
    organizations.filter((candidate) => candidate.modelId === anchor?.modelId).map((item) => item.id);
  const chosenModelId = organizations.find((candidate) => candidate.id === chosen[0])?.modelId ?? null;
  const asking = chosen.length > 0 && datesValid && organizations.length > 1;
  const comparison = useRequest(asking ? `compare/${chosen.join(',')}/${dates}` : null, (signal) =>
    client
      .request(compareOrganizationsQuery, { organizationIds: [...chosen], asOf, knownAt }, signal)
      .then((data) => data.compareOrganizations),
  );
  // Each organisation's own view at the same days: its open assessments and the ratings its levels
  // come from.
  const views = useRequest(asking ? `compare-views/${chosen.join(',')}/${dates}` : null, (signal) =>
    Promise.all(
      chosen.map((id) =>
        client
          .request(maturityQuery, { organizationId: id, asOf, knownAt }, signal)
          .then((data): [string, MaturityView] => [id, data.maturity]),
      ),
    ).then((pairs) => new Map(pairs)),
  );
  const viewOf = (id: string) => views.data?.get(id);
  const provisional = (id: string) => {
    const view = viewOf(id);
    return view === undefined ? null : provisionalText(view.openAssessments, view.cells.length);
  };
  const firstChosen = organizations.find((candidate) => candidate.id === chosen[0]);
  const model = firstChosen ? modelOf(models, firstChosen) : null;
  const rows = asking ? (comparison.data ?? []) : [];
  // The same organisations and days as the grid, so the file holds what the page shows.
  const search = new URLSearchParams({ organizationIds: chosen.join(',') });
  if (asOf !== null) search.set('asOf', asOf);
  if (knownAt !== null) search.set('knownAt', knownAt);
  const when = `as of ${datesValid && asOfDay !== '' ? formatDate(asOfDay) : 'today'}, ${
    datesValid && knownAtDay !== '' ? `as known at ${knownAtWords(knownAtDay)}` : 'with everything recorded'
  }`;

  const toggle = (id: string, on: boolean) => {
    setPicked(on ? [...chosen, id] : chosen.filter((candidate) => candidate !== id));
  };

  const header = (purpose: string) => (
    <header class="page__header">
      <div>
        <h1 class="page__title">Compare organisations</h1>
        <p class="page__purpose" data-testid="compare-when">
          {purpose}
        </p>
      </div>
    </header>
  );

  // One organisation is no comparison: say so rather than draw a grid of one column.
  if (organizations.length === 1)
    return (
      <div class="reports" data-testid="compare-organizations">
        {header('Sites or regions on the same maturity model, side by side.')}
        <p class="card compare__single" role="note" data-testid="compare-single">
          Your sign-in reaches one organisation only, {organizations[0]?.name}: there is no other to compare
          it with. Its figures are on the Overview and in Reports.
        </p>
      </div>
    );

  return (
    <div class="reports" data-testid="compare-organizations">
      {header(`Sites or regions on the same maturity model, side by side, ${when}.`)}

      <section class="card" aria-labelledby="compare-pick-title">
        <header class="card__header">
          <h2 id="compare-pick-title" class="card__title">
            Organisations and dates
          </h2>
          <p class="card__subtitle">
            Only organisations on the same model can be compared; the others are greyed out. The dates apply
            to every column.
          </p>
        </header>
        <ul class="compare__choices">
          {organizations.map((candidate) => {
            const other = chosenModelId !== null && candidate.modelId !== chosenModelId;
            return (
              <li key={candidate.id}>
                <label class={other ? 'compare__choice compare__choice--other' : 'compare__choice'}>
                  <input
                    type="checkbox"
                    data-organization={candidate.id}
                    checked={chosen.includes(candidate.id)}
                    disabled={other}
                    onChange={(event) => {
                      toggle(candidate.id, event.currentTarget.checked);
                    }}
                  />{' '}
                  {candidate.name}
                  {other && <span class="muted"> (model “{candidate.modelId}”)</span>}
                </label>
              </li>
            );
          })}
        </ul>
        <div class="form__row compare__dates">
          <TextField
            name="compareAsOf"
            label="As of (optional)"
            hint="Empty: today. Assessment periods ending by the end of that day count."
            type="date"
            value={asOfDay}
            onValue={setAsOfDay}
          />
          <TextField
            name="compareKnownAt"
            label="As known at (optional)"
            hint="Empty: everything recorded. What had been recorded by the start of that day, 00:00 UTC."
            type="date"
            value={knownAtDay}
            onValue={setKnownAtDay}
          />
        </div>
      </section>

      {comparison.error && chosen.length > 0 && (
        <ErrorNotice error={comparison.error} action="Could not compare the organisations" />
      )}
      {chosen.length === 0 && <p class="muted">Tick at least one organisation.</p>}
      {rows.length > 0 && (
        <section class="card" aria-labelledby="compare-grid-title">
          <header class="card__header">
            <h2 id="compare-grid-title" class="card__title">
              Side by side
            </h2>
            <p class="card__subtitle">
              Capability rows: the plain mean of each organisation’s levels over its rated functions.
            </p>
          </header>
          <div class="compare__scroll" tabIndex={0} aria-label="Comparison grid, scrolls sideways">
            <table class="comparison-table compare__grid">
              <caption class="visually-hidden">Indices and capability levels by organisation</caption>
              <thead>
                <tr>
                  <th scope="col">Index or capability</th>
                  {rows.map((row) => (
                    <th scope="col" key={row.organizationId} data-organization-column={row.organizationId}>
                      {row.name}
                      {provisional(row.organizationId) !== null && (
                        <>
                          {' '}
                          <span class="compare__provisional" data-testid="compare-provisional">
                            ◐ Provisional
                          </span>
                        </>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {indexLines.map(([label, read]) => (
                  <tr key={label} class="compare__index-row">
                    <th scope="row">{label}</th>
                    {rows.map((row) => (
                      <td key={row.organizationId}>{read(row)}</td>
                    ))}
                  </tr>
                ))}
                <tr class="compare__context-row" data-context="sources">
                  <th scope="row">Ratings from</th>
                  {rows.map((row) => {
                    const view = viewOf(row.organizationId);
                    return <td key={row.organizationId}>{view ? sourceMixText(view.cells) : '…'}</td>;
                  })}
                </tr>
                <tr class="compare__context-row" data-context="links">
                  <th scope="row">Alignment pairs</th>
                  {rows.map((row) => (
                    <td key={row.organizationId}>
                      {linksText(organizations.find((candidate) => candidate.id === row.organizationId))}
                    </td>
                  ))}
                </tr>
                {(model?.capabilities ?? []).map((capability) => (
                  <tr key={capability.id} data-capability={capability.id}>
                    <th scope="row">{capability.name}</th>
                    {rows.map((row) => (
                      <td key={row.organizationId}>
                        {formatLevel(
                          row.capabilityLevels.find((level) => level.capabilityId === capability.id)?.level,
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows
            .filter((row) => provisional(row.organizationId) !== null)
            .map((row) => (
              <p
                key={row.organizationId}
                class="provisional-note"
                role="note"
                data-provisional-organization={row.organizationId}
              >
                <span aria-hidden="true">◐</span> {row.name}: {provisional(row.organizationId)}
              </p>
            ))}
          <div class="compare__downloads">
            <DownloadChoices
              choices={[
                {
                  id: 'comparison-xlsx',
                  label: 'Excel workbook',
                  hint: 'one row per organisation, typed numbers',
                  path: `/reports/comparison.xlsx?${search.toString()}`,
                  operation: 'comparison.xlsx',
                },
                {
                  id: 'comparison-csv',
                  label: 'CSV',
                  hint: 'the same, as plain text',
                  path: `/reports/comparison.csv?${search.toString()}`,
                  operation: 'comparison.csv',
                },
              ]}
            />
          </div>
        </section>
      )}
    </div>
  );
}
