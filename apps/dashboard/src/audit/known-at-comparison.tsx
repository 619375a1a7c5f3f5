// "As known at" two dates, side by side: the maturity view built only from what had been recorded
// by each date (transaction time), for the same period (valid time). What changed between them
// was recorded in between: late ratings, corrections.
import { useMemo, useState } from 'preact/hooks';
import { maturityQuery } from '../api/queries';
import type { MaturityModel, MaturityView, Organization } from '../api/types';
import { Heatmap, indexCells } from '../heatmap/heatmap';
import { ErrorNotice } from '../shared/error-notice';
import { TextField } from '../shared/forms/fields';
import { formatDate, formatIndex, formatLevel, formatSigned } from '../shared/format';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';

interface KnownAtComparisonProps {
  organization: Organization;
  model: MaturityModel;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

export function KnownAtComparison({ organization, model }: KnownAtComparisonProps) {
  const { client } = useSession();
  const [asOf, setAsOf] = useState('');
  const [first, setFirst] = useState(() => isoDay(new Date(Date.now() - 30 * 86_400_000)));
  const [second, setSecond] = useState(() => isoDay(new Date()));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(first) && /^\d{4}-\d{2}-\d{2}$/.test(second);
  const views = useRequest(valid ? `${organization.id}/${asOf}/${first}/${second}` : null, (signal) =>
    Promise.all(
      [first, second].map((day) =>
        client
          .request(
            maturityQuery,
            { organizationId: organization.id, asOf: asOf ? endOfDay(asOf) : null, knownAt: endOfDay(day) },
            signal,
          )
          .then((data) => data.maturity),
      ),
    ),
  );
  const before = views.data?.[0] ?? null;
  const after = views.data?.[1] ?? null;
  const beforeCells = useMemo(() => (before ? indexCells(before.cells) : undefined), [before]);

  return (
    <section class="card" aria-labelledby="known-at-title">
      <header class="card__header">
        <h2 id="known-at-title" class="card__title">
          As known at two dates
        </h2>
        <p class="card__subtitle">
          The same view built only from what had been recorded by each date. Differences were recorded in
          between: late ratings, corrections, new assessments.
        </p>
      </header>
      <div class="form__row known-at__dates">
        <TextField name="knownAtFirst" label="Known at" type="date" value={first} onValue={setFirst} />
        <TextField
          name="knownAtSecond"
          label="Compared with, known at"
          type="date"
          value={second}
          onValue={setSecond}
        />
        <TextField
          name="asOf"
          label="For the period up to (optional)"
          hint="Empty: every assessment period."
          type="date"
          value={asOf}
          onValue={setAsOf}
        />
      </div>
      {views.error && <ErrorNotice error={views.error} action="Could not build the views" />}
      <div class="known-at__pair" aria-busy={views.loading}>
        {[
          { id: 'known-first', day: first, view: before, compare: undefined },
          { id: 'known-second', day: second, view: after, compare: beforeCells },
        ].map(({ id, day, view, compare }) => (
          <div key={id} class="known-at__side" data-testid={id}>
            <h3 class="panel-form__title">As known at {valid ? formatDate(day) : '…'}</h3>
            <Indices view={view} />
            <Heatmap
              id={id}
              caption={`Maturity of ${organization.name} as known at ${day}`}
              functions={organization.functions}
              capabilities={model.capabilities}
              cells={view?.cells ?? null}
              compareTo={compare}
              compact
              busy={views.loading}
              renderDetails={({ businessFunction, capability, cell, compared }) => (
                <p>
                  <strong>{businessFunction.name}</strong> · {capability.name}: {formatLevel(cell?.level)}
                  {compared && ` (was ${formatLevel(compared.level)} as known at ${formatDate(first)})`}
                </p>
              )}
            />
          </div>
        ))}
      </div>
      {before && after && <Difference before={before} after={after} />}
    </section>
  );
}

function Indices({ view }: { view: MaturityView | null }) {
  return (
    <dl class="known-at__indices">
      <div>
        <dt>Customer-centricity</dt>
        <dd>{formatIndex(view?.customerCentricityIndex)}</dd>
      </div>
      <div>
        <dt>Alignment</dt>
        <dd>{formatIndex(view?.alignmentIndex)}</dd>
      </div>
      <div>
        <dt>Coverage</dt>
        <dd>{view ? `${Math.round(view.coverage * 100)}%` : '—'}</dd>
      </div>
    </dl>
  );
}

function Difference({ before, after }: { before: MaturityView; after: MaturityView }) {
  const previous = indexCells(before.cells);
  const changed = after.cells.filter((cell) => {
    const old = previous.get(`${cell.functionId}:${cell.capabilityId}`);
    return (old?.level ?? null) !== cell.level;
  }).length;
  const delta =
    before.customerCentricityIndex !== null && after.customerCentricityIndex !== null
      ? after.customerCentricityIndex - before.customerCentricityIndex
      : null;
  return (
    <p class="known-at__difference" role="status" data-testid="known-at-difference">
      {changed === 0
        ? 'Nothing recorded between these dates changed the view.'
        : `${changed} ${changed === 1 ? 'cell differs' : 'cells differ'}${delta === null ? '' : `; customer-centricity ${formatSigned(delta)}`}.`}
    </p>
  );
}
