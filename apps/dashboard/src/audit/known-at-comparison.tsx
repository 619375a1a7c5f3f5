// "As known at" two dates, side by side: the maturity view built only from what had been recorded
// by each date (transaction time), for the same period (valid time). What changed between them
// was recorded in between: late ratings, corrections. The dates start from the organisation's own
// recorded history (see known-at-starting-point.ts), so the first look shows a real difference.
import { useMemo, useState } from 'preact/hooks';
import { maturityQuery } from '../api/queries';
import type { MaturityModel, MaturityView, Organization } from '../api/types';
import { Heatmap, indexCells } from '../heatmap/heatmap';
import { ErrorNotice } from '../shared/error-notice';
import { TextField } from '../shared/forms/fields';
import { formatDate, formatIndex, formatLevel, formatPercent } from '../shared/format';
import { asOfInstant, isDay, knownAtInstant, knownAtWords } from '../shared/known-at';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import {
  correctedAssessmentQuery,
  knownAtStartingPointQuery,
  recordedBetweenQuery,
} from './audit.operations';
import { correctionOf, knownAtStartingPoint, type KnownAtDates } from './known-at-starting-point';

interface KnownAtComparisonProps {
  organization: Organization;
  model: MaturityModel;
}

export function KnownAtComparison({ organization, model }: KnownAtComparisonProps) {
  const { client } = useSession();
  const start = useRequest(organization.id, async (signal) => {
    const page = await client.request(knownAtStartingPointQuery, { organizationId: organization.id }, signal);
    const lastEvent = page.lastCorrection.edges[0]?.node;
    const correction = lastEvent === undefined ? null : correctionOf(lastEvent);
    // The one assessment the correction is of: its title and period, not its ratings.
    const assessment =
      correction === null
        ? null
        : (await client.request(correctedAssessmentQuery, { assessmentId: correction.assessmentId }, signal))
            .assessment;
    return knownAtStartingPoint({
      firstRecordedAt: page.firstEvent.edges[0]?.node.recordedAt ?? null,
      lastCorrection: correction === null || assessment === null ? null : { ...correction, assessment },
      functions: organization.functions,
      capabilities: model.capabilities,
      today: new Date(),
    });
  });

  return (
    <section class="card" aria-labelledby="known-at-title" data-testid="known-at">
      <header class="card__header">
        <h2 id="known-at-title" class="card__title">
          As known at two dates
        </h2>
        <p class="card__subtitle">
          The same view built only from what had been recorded by each date: known at a date means at its
          start, 00:00 UTC, as in the api and the cli. Differences were recorded in between: late ratings,
          corrections, new assessments.
        </p>
      </header>
      {start.error && <ErrorNotice error={start.error} action="Could not read when things were recorded" />}
      {start.data ? (
        <KnownAtViews key={organization.id} organization={organization} model={model} start={start.data} />
      ) : (
        !start.error && (
          <p class="muted" role="status">
            Reading when things were recorded…
          </p>
        )
      )}
    </section>
  );
}

function KnownAtViews({ organization, model, start }: KnownAtComparisonProps & { start: KnownAtDates }) {
  const { client } = useSession();
  const [asOf, setAsOf] = useState(start.asOf);
  const [first, setFirst] = useState(start.first);
  const [second, setSecond] = useState(start.second);
  const valid = isDay(first) && isDay(second) && (asOf === '' || isDay(asOf));
  const views = useRequest(valid ? `${organization.id}/${asOf}/${first}/${second}` : null, (signal) =>
    Promise.all(
      [first, second].map((day) =>
        client
          .request(
            maturityQuery,
            {
              organizationId: organization.id,
              asOf: asOf ? asOfInstant(asOf) : null,
              knownAt: knownAtInstant(day),
            },
            signal,
          )
          .then((data) => data.maturity),
      ),
    ),
  );
  const before = views.data?.[0] ?? null;
  const after = views.data?.[1] ?? null;
  const difference = useMemo(() => (before && after ? differenceOf(before, after) : null), [before, after]);
  const same = difference?.same === true;
  const beforeCells = useMemo(() => (before ? indexCells(before.cells) : undefined), [before]);
  const onDefaults = first === start.first && second === start.second && asOf === start.asOf;

  // A date being typed is not a date yet: no title (formatting it would throw).
  const titleOf = (...days: string[]) =>
    valid ? `As known at ${days.map((day) => formatDate(day)).join(' and at ')}` : 'As known at …';
  // The exact instant each title means, so the page, the cli and a download can be compared.
  const instantOf = (...days: string[]) =>
    valid ? `Recorded by ${days.map((day) => knownAtWords(day)).join(' and by ')}` : '';
  const firstSide = {
    id: 'known-first',
    title: titleOf(first),
    instant: instantOf(first),
    day: first,
    view: before,
    compare: undefined,
  };
  const secondSide = {
    id: 'known-second',
    title: titleOf(second),
    instant: instantOf(second),
    day: second,
    view: after,
    compare: beforeCells,
  };
  // Two identical views side by side read as an empty comparison: one view says it plainly.
  const shown = same
    ? [
        {
          ...secondSide,
          title: titleOf(first, second),
          instant: instantOf(first, second),
          compare: undefined,
        },
      ]
    : [firstSide, secondSide];

  return (
    <>
      {onDefaults && (
        <p class="known-at__reason muted" data-testid="known-at-reason">
          {start.reason}
        </p>
      )}
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
      {difference && valid && (
        <Verdict
          organizationId={organization.id}
          first={first}
          second={second}
          asOf={asOf}
          difference={difference}
          rated={(before?.cells ?? []).concat(after?.cells ?? []).some((cell) => cell.level !== null)}
        />
      )}
      <div class="known-at__pair" aria-busy={views.loading}>
        {shown.map(({ id, title, instant, day, view, compare }) => (
          <div key={id} class="known-at__side" data-testid={id}>
            <h3 class="panel-form__title">{title}</h3>
            <p class="muted known-at__instant" data-testid={`${id}-instant`}>
              {instant}
            </p>
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
                  {compared &&
                    ` (was ${formatLevel(compared.level)} as known at ${isDay(first) ? formatDate(first) : first})`}
                </p>
              )}
            />
          </div>
        ))}
      </div>
    </>
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
        <dd>{view ? formatPercent(view.coverage) : '—'}</dd>
      </div>
    </dl>
  );
}

interface Difference {
  /** Cells whose level differs. */
  cells: number;
  /** The indices that differ as shown, each as "name before → after". */
  indices: string[];
  /** Neither a cell nor an index differs: both dates know the same view. */
  same: boolean;
}

function differenceOf(before: MaturityView, after: MaturityView): Difference {
  const previous = indexCells(before.cells);
  const current = indexCells(after.cells);
  const keys = new Set([...previous.keys(), ...current.keys()]);
  const cells = [...keys].filter(
    (key) => (previous.get(key)?.level ?? null) !== (current.get(key)?.level ?? null),
  ).length;
  // Compared as shown (rounded), so a difference named here is one the auditor can see.
  const indices = (
    [
      [
        'customer-centricity',
        formatIndex(before.customerCentricityIndex),
        formatIndex(after.customerCentricityIndex),
      ],
      ['alignment', formatIndex(before.alignmentIndex), formatIndex(after.alignmentIndex)],
      ['coverage', formatPercent(before.coverage), formatPercent(after.coverage)],
    ] as const
  ).flatMap(([name, old, now]) => (old === now ? [] : [`${name} ${old} → ${now}`]));
  return { cells, indices, same: cells === 0 && indices.length === 0 };
}

interface VerdictProps {
  organizationId: string;
  first: string;
  second: string;
  asOf: string;
  difference: Difference;
  /** Whether either view has a rated cell. */
  rated: boolean;
}

/** What differs, or, when nothing does, why: nothing recorded in between, or nothing that counts here. */
function Verdict({ organizationId, first, second, asOf, difference, rated }: VerdictProps) {
  const { client } = useSession();
  const { same } = difference;
  const [earlier, later] = first <= second ? [first, second] : [second, first];
  const between = useRequest(
    same && earlier !== later ? `${organizationId}/${earlier}/${later}` : null,
    (signal) =>
      client
        .request(
          recordedBetweenQuery,
          {
            organizationId,
            filter: {
              recordedFrom: new Date(Date.parse(knownAtInstant(earlier)) + 1).toISOString(),
              recordedTo: knownAtInstant(later),
            },
          },
          signal,
        )
        .then((data) => data.history.totalCount),
  );
  const period = asOf ? ` for the period up to ${formatDate(asOf)}` : '';
  let text: string;
  if (!same) {
    const cells = `${difference.cells} ${difference.cells === 1 ? 'cell differs' : 'cells differ'}`;
    text = `${[cells, ...difference.indices].join('; ')}.`;
  } else if (!rated) {
    text = `Both dates know the same: nothing had been rated${period} by either date.`;
  } else if (earlier === later) {
    text = 'Both dates are the same day: they know the same thing.';
  } else if (between.data === null) {
    text = 'Both dates know the same view.';
  } else if (between.data === 0) {
    text = `Both dates know the same: nothing was recorded between ${formatDate(earlier)} and ${formatDate(later)}.`;
  } else {
    text = `Both dates know the same view${period}: the ${between.data} ${between.data === 1 ? 'event' : 'events'} recorded between ${formatDate(earlier)} and ${formatDate(later)} changed no level and no index.`;
  }
  return (
    <p
      class={`known-at__difference${same ? ' known-at__difference--same' : ''}`}
      role="status"
      data-testid="known-at-difference"
      data-same={same}
    >
      {text}
    </p>
  );
}
