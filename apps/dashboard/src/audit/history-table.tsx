// The organisation's history as recorded: a filterable table (type, stream, actor, recording
// dates), a page at a time, each event's data and hash one click away.
import { DOMAIN_EVENT_TYPES } from '@app/domain/events/domain-events';
import { useState } from 'preact/hooks';
import { planChanges, type PlanFigures } from '../planning/plan-changes';
import type { CellNames } from '../shared/cell-names';
import { ErasedText } from '../shared/erased-text';
import { ErrorNotice } from '../shared/error-notice';
import { SelectField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { ScrollRegion } from '../shared/scroll-region';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import { historyQuery, type HistoryFilter } from './audit.operations';

const PAGE_SIZE = 20;

const emptyFilter: HistoryFilter = {
  types: null,
  stream: null,
  actor: null,
  recordedFrom: null,
  recordedTo: null,
};

/** The event types an auditor chooses from: the domain's own list, so none has to be guessed. */
const EVENT_TYPE_OPTIONS = [
  { value: '', label: 'Any type' },
  ...[...DOMAIN_EVENT_TYPES].sort().map((type) => ({ value: type, label: type })),
];

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

export function HistoryTable({ organizationId, names }: { organizationId: string; names: CellNames }) {
  const { client } = useSession();
  const [filter, setFilter] = useState<HistoryFilter>(emptyFilter);
  // A long history's latest events are its first page newest first, not its last page.
  const [newestFirst, setNewestFirst] = useState(false);
  // Cursors of the pages before this one: "previous" pops one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const page = useRequest(
    `${organizationId}/${JSON.stringify(filter)}/${String(newestFirst)}/${after ?? ''}`,
    (signal) =>
      client
        .request(historyQuery, { organizationId, after, first: PAGE_SIZE, filter, newestFirst }, signal)
        .then((data) => data.history),
  );
  const [draft, setDraft] = useState({ type: '', stream: '', actor: '', from: '', to: '' });
  // The filter is applied by the next request; the form only checks and hands it over.
  const applying = useSubmission<HistoryFilter>((applied) => {
    setFilter(applied);
    setCursors([null]);
  });
  const pageNumber = cursors.length;
  const total = page.data?.totalCount ?? 0;

  return (
    <section class="card history" aria-labelledby="history-title">
      <header class="card__header">
        <h2 id="history-title" class="card__title">
          History
        </h2>
        <p class="card__subtitle">
          Every event of this organisation, its assessments and its investments, exactly as recorded: oldest
          first, or newest first to see what happened last.
        </p>
      </header>
      <Form
        class="form--wide history__filters"
        label="Filter the history"
        action="Could not filter"
        submission={applying}
        submitLabel="Filter"
        actions={
          <button
            type="button"
            class="button"
            onClick={() => {
              setDraft({ type: '', stream: '', actor: '', from: '', to: '' });
              setFilter(emptyFilter);
              setCursors([null]);
            }}
          >
            Clear
          </button>
        }
        onSubmit={() => {
          applying.run(() =>
            Promise.resolve({
              types: draft.type ? [draft.type] : null,
              stream: draft.stream.trim() || null,
              actor: draft.actor.trim() || null,
              recordedFrom: draft.from || null,
              recordedTo: draft.to ? `${draft.to}T23:59:59.999Z` : null,
            }),
          );
        }}
      >
        <div class="form__row">
          <SelectField
            name="type"
            label="Event type"
            value={draft.type}
            options={EVENT_TYPE_OPTIONS}
            onValue={(type) => {
              setDraft({ ...draft, type });
            }}
          />
          <TextField
            name="stream"
            label="Stream contains"
            placeholder="e.g. assessment-"
            value={draft.stream}
            onValue={(stream) => {
              setDraft({ ...draft, stream });
            }}
            spellcheck={false}
          />
          <TextField
            name="actor"
            label="Actor contains"
            value={draft.actor}
            onValue={(actor) => {
              setDraft({ ...draft, actor });
            }}
          />
          <TextField
            name="recordedFrom"
            label="Recorded from"
            type="date"
            value={draft.from}
            onValue={(from) => {
              setDraft({ ...draft, from });
            }}
          />
          <TextField
            name="recordedTo"
            label="Recorded until"
            type="date"
            value={draft.to}
            onValue={(to) => {
              setDraft({ ...draft, to });
            }}
          />
        </div>
      </Form>

      {page.error && <ErrorNotice error={page.error} action="Could not load the history" />}
      <div class="history__bar">
        <p class="history__count" role="status" data-testid="history-count">
          {page.data
            ? `${total} ${total === 1 ? 'event matches' : 'events match'} · page ${pageNumber} of ${Math.max(1, Math.ceil(total / PAGE_SIZE))}`
            : 'Loading…'}
        </p>
        <label class="checkbox history__order">
          <input
            type="checkbox"
            data-testid="history-newest-first"
            checked={newestFirst}
            onChange={(event) => {
              setNewestFirst(event.currentTarget.checked);
              setCursors([null]);
            }}
          />
          <span>Newest first</span>
        </label>
      </div>
      <ScrollRegion label="History events">
        <table class="table table--cards history__table" aria-busy={page.loading}>
          <thead>
            <tr>
              <th scope="col" class="table__number">
                #
              </th>
              <th scope="col">Recorded (UTC)</th>
              <th scope="col">Type</th>
              <th scope="col">Stream @ revision</th>
              <th scope="col">Actor</th>
              <th scope="col">Data and hash</th>
            </tr>
          </thead>
          <tbody>
            {(page.data?.edges ?? []).map(({ node }) => (
              <tr key={node.position} data-history-event={node.type} data-position={node.position}>
                <td class="table__number">{node.position}</td>
                <td data-label="Recorded (UTC)">{dateTime.format(new Date(node.recordedAt))}</td>
                <td class="history__type" data-label="Type">
                  <code>{node.type}</code>
                </td>
                <td data-label="Stream @ revision">
                  <code>
                    {node.stream}@{node.revision}
                  </code>
                </td>
                <td data-label="Actor">
                  {node.actor} <span class="muted">({node.role})</span>
                </td>
                <td data-label="Data and hash">
                  <ErasedMark data={node.data} />
                  {node.type === 'InvestmentRevised' && <RevisionSummary data={node.data} names={names} />}
                  <details class="history__details">
                    <summary>Show</summary>
                    <pre class="history__data">{JSON.stringify(node.data, null, 2)}</pre>
                    <p class="history__hash">
                      hash <code>{node.hash}</code>
                    </p>
                    <p class="history__hash">
                      previous <code>{node.prevHash ?? '— (first of its stream)'}</code>
                    </p>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {page.data && page.data.edges.length === 0 && <p class="muted">No event matches these filters.</p>}
      <div class="history__pager">
        <button
          type="button"
          class="button button--small"
          disabled={cursors.length === 1 || page.loading}
          onClick={() => {
            setCursors(cursors.slice(0, -1));
          }}
        >
          ← Previous page
        </button>
        <button
          type="button"
          class="button button--small"
          disabled={!page.data?.pageInfo.hasNextPage || page.loading}
          onClick={() => {
            const next = page.data?.pageInfo.endCursor ?? null;
            if (next) setCursors([...cursors, next]);
          }}
        >
          Next page →
        </button>
      </div>
    </section>
  );
}

/** Marks an event whose personal text reads as erased (its data carries the flag set on read). */
function ErasedMark({ data }: { data: unknown }) {
  if (typeof data !== 'object' || data === null) return null;
  const what =
    'evidenceErased' in data && data.evidenceErased === true
      ? 'evidence'
      : 'labelErased' in data && data.labelErased === true
        ? 'label'
        : null;
  return what === null ? null : (
    <p class="history__erased">
      <ErasedText what={what} />
    </p>
  );
}

/** A revision of a plan, old -> new, from the values its event kept of the changed fields. */
function RevisionSummary({ data, names }: { data: unknown; names: CellNames }) {
  if (typeof data !== 'object' || data === null || !('previous' in data)) return null;
  const revision = data as PlanFigures & { previous: Partial<PlanFigures>; previousStatus?: string };
  return (
    <ul class="history__revision" data-testid="revision-summary">
      {planChanges(revision.previous, revision, names).map((change) => (
        <li key={change.key}>
          {change.what}: {change.from} → {change.to}
        </li>
      ))}
      {revision.previousStatus === 'APPROVED' && <li>Approval withdrawn: planned again</li>}
    </ul>
  );
}
