// One organisation on one screen: the date being viewed, the indices, the heatmap, the trend,
// the weakest links and the scenario view. The time slider drives every panel but the scenario.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from './api/client';
import { assessmentRatingsQuery, maturityQuery, overviewQuery } from './api/queries';
import type {
  Assessment,
  AssessmentSummary,
  BusinessFunction,
  MaturityModel,
  MaturityPoint,
  MaturityView,
  Organization,
} from './api/types';
import { CellDetails } from './heatmap/cell-details';
import { cellRatingsOf, decidingOrder } from './heatmap/cell-ratings';
import type { CellContext } from './heatmap/heatmap';
import { Heatmap } from './heatmap/heatmap';
import { IndicesChart } from './indices-chart/indices-chart';
import { useCycleChange } from './reports/cycle-change';
import { cyclesWithRatings, includesOpenRatings } from '@app/domain/scoring/rated-cycles';
import { baselineCycle, indexChangeText } from './reports/cycle-range';
import { ProvisionalNote } from './reports/provisional-note';
import { ScenarioView } from './scenario/scenario-view';
import { ErrorNotice } from './shared/error-notice';
import { formatDate, formatIndex, formatPercent } from './shared/format';
import { useRequest } from './shared/use-request';
import { followInPage, hrefOf } from './shell/navigation';
import { useSession } from './shell/session';
import { TimeSlider, type TimeSelection } from './time-slider/time-slider';
import { WeakestLinks } from './weakest-links/weakest-links';
import { functionsInPlace, functionsOfView } from './shared/functions-in-place';

/** A link to another screen of the same organisation, followed without reloading the page. */
function ScreenLink({ view, children }: { view: string; children: ComponentChildren }) {
  return (
    <a class="button button--link" href={hrefOf({ view })} onClick={followInPage({ view })}>
      {children}
    </a>
  );
}

interface OrganizationDashboardProps {
  organization: Organization;
  model: MaturityModel;
}

export function OrganizationDashboard({ organization, model }: OrganizationDashboardProps) {
  const session = useSession();
  const { client } = session;
  const organizationId = organization.id;
  const [historyAttempt, setHistoryAttempt] = useState(0);
  // Off: every view here leaves the assessments still open out (the api's includeOpenAssessments).
  const [includeOpen, setIncludeOpen] = useState(true);
  const history = useRequest(`${organizationId}/${historyAttempt}/${String(includeOpen)}`, (signal) =>
    client.request(overviewQuery, { organizationId, includeOpenAssessments: includeOpen }, signal),
  );
  const anyOpen = history.data?.assessments.some((assessment) => assessment.status === 'OPEN') ?? false;
  const points = useMemo(
    () => [...(history.data?.maturityTimeline ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    [history.data],
  );

  const [selection, setSelection] = useState<TimeSelection>({ at: null, knownAtToo: false });
  const query = useDebounced(selection, 120);
  const asOf = query.at;
  const knownAt = query.at !== null && query.knownAtToo ? query.at : null;
  const [maturityAttempt, setMaturityAttempt] = useState(0);
  const maturity = useRequest(
    `${organizationId}/${asOf ?? 'now'}/${knownAt ?? 'now'}/${maturityAttempt}/${String(includeOpen)}`,
    (signal) =>
      client
        .request(
          maturityQuery,
          { organizationId, asOf, knownAt, includeOpenAssessments: includeOpen },
          signal,
        )
        .then((data) => data.maturity),
  );

  const functionsById = useMemo(
    () => new Map(organization.functions.map((businessFunction) => [businessFunction.id, businessFunction])),
    [organization],
  );
  const candidates = useMemo(
    () => decidingOrder(history.data?.assessments ?? [], asOf, knownAt),
    [history.data, asOf, knownAt],
  );
  const assessmentRatings = useAssessmentRatings(client, history.data?.assessments ?? null);
  // The latest assessment up to the date decides most cells: read it before anyone points at one.
  const latestCandidate = candidates[0]?.id ?? null;
  useEffect(() => {
    if (latestCandidate !== null) assessmentRatings.need(latestCandidate);
  }, [latestCandidate, assessmentRatings]);
  // The cycles the numbers are of: one opened with no rating yet is no cycle to compare (cycle-range.ts).
  const ratedPoints = useMemo(
    () => cyclesWithRatings(points, maturity.data?.openAssessments ?? []),
    [points, maturity.data],
  );
  const cycleChange = useCycleChange(client, organizationId, ratedPoints, asOf, knownAt, includeOpen);
  const functionScores = useMemo(
    () => new Map((maturity.data?.functionScores ?? []).map((score) => [score.functionId, score])),
    [maturity.data],
  );
  const topLevel = Math.max(...model.levels.map((level) => level.value), 2);
  const pending = maturity.loading || query !== selection;

  return (
    <div class="dashboard">
      <header class="page__header">
        <div>
          <h1 class="page__title">{organization.name}</h1>
          {organization.purpose && <p class="page__purpose">{organization.purpose}</p>}
        </div>
        <p class="page__meta">
          {functionsInPlace(organization.functions).length} functions · {model.capabilities.length}{' '}
          capabilities · model “{model.name}” v{model.version}
        </p>
      </header>

      {/* The slider sticks while the panels it drives are on screen, not over the scenario. */}
      <div class="dashboard__replay">
        <div class="card card--sticky">
          {history.error ? (
            <ErrorNotice
              error={history.error}
              action="Could not load the history"
              onRetry={() => {
                setHistoryAttempt((value) => value + 1);
              }}
            />
          ) : (
            <TimeSlider points={points} selection={selection} onChange={setSelection} busy={pending} />
          )}
        </div>

        <Indicators
          view={maturity.data}
          baseline={history.data ? baselineCycle(ratedPoints, asOf) : undefined}
        />
        <ProvisionalNote view={maturity.data} />
        {(anyOpen || !includeOpen) && (
          <label class="checkbox dashboard__include-open" data-testid="include-open">
            <input
              type="checkbox"
              checked={includeOpen}
              onChange={(event) => {
                setIncludeOpen(event.currentTarget.checked);
              }}
            />
            <span>
              Include open assessments
              <span class="checkbox__hint">
                {includeOpen
                  ? 'They count as they are answered, marked provisional. Turn off to see closed cycles only.'
                  : 'Off: the indices, the heatmap, its changes and the trend show closed assessments only.'}
              </span>
            </span>
          </label>
        )}

        {maturity.error && (
          <ErrorNotice
            error={maturity.error}
            action="Could not load the maturity view"
            onRetry={() => {
              setMaturityAttempt((value) => value + 1);
            }}
          />
        )}

        <section class="card" aria-labelledby="heatmap-title">
          <header class="card__header">
            <h2 id="heatmap-title" class="card__title">
              Maturity by function and capability
            </h2>
            <p class="card__subtitle">
              Each cell: the effective level (weighted over self, peer, customer and audit ratings) against
              its target; ≠ marks raters who disagree. Hover or focus a cell for the ratings behind it; arrow
              keys move between cells.
            </p>
            {cycleChange && (
              <p class="card__subtitle" data-testid="change-since">
                ▲▼ change since the previous cycle: {formatDate(cycleChange.since)} compared with{' '}
                {formatDate(cycleChange.until)}
                {includesOpenRatings(maturity.data?.openAssessments ?? []) &&
                  ', which includes an open cycle (provisional)'}
                .
              </p>
            )}
          </header>
          {maturity.data && maturity.data.coverage === 0 && organization.functions.length > 0 && (
            <p class="notice" role="status" data-testid="no-ratings">
              {knownAt ? (
                `Nothing had been recorded by ${formatDate(knownAt)}. Turn off “As known at that date” to see these periods as recorded since.`
              ) : history.data?.assessments.every((assessment) => assessment.withdrawnAt !== null) ===
                true ? (
                // Functions but no cycle yet (withdrawn ones count nowhere): say where the first one is
                // opened, or the page is a dead end.
                session.can('openAssessment') ? (
                  <>
                    No assessment yet.{' '}
                    <ScreenLink view="assessments">Open the first one on Assessments</ScreenLink>
                  </>
                ) : (
                  'No assessment yet: an assessor opens the first one on Assessments.'
                )
              ) : (
                <>
                  No ratings up to this date. Move the slider later, or record ratings on{' '}
                  <ScreenLink view="assessments">Assessments</ScreenLink>.
                </>
              )}
            </p>
          )}
          {organization.functions.length === 0 ? (
            <p class="muted" data-testid="no-functions">
              This organisation has no functions yet.{' '}
              {/* A new organisation lands here: say where its functions are added, or the page is a dead end. */}
              {session.can('addFunction') ? (
                <ScreenLink view="setup">Add them on Set-up</ScreenLink>
              ) : (
                'An admin adds them on Set-up.'
              )}
            </p>
          ) : (
            <Heatmap
              id="current"
              caption={`Maturity of ${organization.name}, functions by capabilities`}
              functions={functionsOfView(
                organization.functions,
                maturity.data?.cells.map((cell) => cell.functionId),
              )}
              capabilities={model.capabilities}
              cells={maturity.data?.cells ?? null}
              changes={cycleChange?.changes}
              functionScores={functionScores}
              busy={pending}
              showLegend
              renderDetails={(context) => (
                <OverviewCellDetails
                  context={context}
                  candidates={candidates}
                  assessmentRatings={assessmentRatings}
                  functionsById={functionsById}
                  knownAtPast={knownAt !== null}
                />
              )}
            />
          )}
        </section>

        <div class="dashboard__pair">
          <section class="card" aria-labelledby="indices-title">
            <header class="card__header">
              <h2 id="indices-title" class="card__title">
                Indices over the assessment cycles
              </h2>
              <p class="card__subtitle">0–100. The dashed vertical line marks the date being viewed.</p>
            </header>
            <IndicesChart points={history.data ? points : null} viewedAt={selection.at} />
          </section>
          <section class="card" aria-labelledby="links-title">
            <header class="card__header">
              <h2 id="links-title" class="card__title">
                Weakest links
              </h2>
              <p class="card__subtitle">
                Linked functions furthest apart: mean level difference over the capabilities both are rated
                on.
              </p>
            </header>
            <WeakestLinks
              links={maturity.data?.weakestLinks ?? null}
              functionsById={functionsById}
              scale={topLevel - 1}
            />
          </section>
        </div>
      </div>

      {session.can('simulateInvestments') && (
        <ScenarioView
          client={client}
          organizationId={organizationId}
          functions={organization.functions}
          capabilities={model.capabilities}
          functionsById={functionsById}
        />
      )}
    </div>
  );
}

const indicators = [
  {
    key: 'customerCentricityIndex',
    label: 'Customer-centricity',
    hint: 'weighted maturity over rated cells',
  },
  { key: 'alignmentIndex', label: 'Alignment', hint: 'how close linked functions are' },
  { key: 'targetAttainment', label: 'Target attainment', hint: 'share of the way to the targets' },
] as const;

/**
 * The indices of the viewed date, each with its change since the baseline cycle, as the board report
 * says it. `baseline` is undefined while the cycles load: the change waits for them, never reading
 * "no earlier cycle" in the meantime.
 */
function Indicators({
  view,
  baseline,
}: {
  view: MaturityView | null;
  baseline: MaturityPoint | null | undefined;
}) {
  return (
    <section class="indicators" aria-label="Indices for the date being viewed" aria-busy={view === null}>
      {indicators.map((indicator) => (
        <div key={indicator.key} class="indicator" data-index={indicator.key}>
          <p class="indicator__label">{indicator.label}</p>
          <p class="indicator__value" data-testid={`index-${indicator.key}`}>
            {view ? formatIndex(view[indicator.key]) : <span class="skeleton skeleton--number" />}
          </p>
          {view && baseline === undefined && (
            <p class="indicator__change">
              <span class="skeleton" style={{ width: '9em', height: '1em' }} />
            </p>
          )}
          {view && baseline !== undefined && (
            <p class="indicator__change" data-testid={`change-${indicator.key}`}>
              {indexChangeText(
                view[indicator.key],
                baseline?.[indicator.key] ?? null,
                baseline?.at ?? null,
                includesOpenRatings(view.openAssessments),
              )}
            </p>
          )}
          <p class="indicator__hint">{indicator.hint}</p>
        </div>
      ))}
      <div class="indicator" data-index="coverage">
        <p class="indicator__label">Coverage</p>
        <p class="indicator__value" data-testid="index-coverage">
          {view ? formatPercent(view.coverage) : <span class="skeleton skeleton--number" />}
        </p>
        <p class="indicator__hint">cells with a rating</p>
      </div>
    </section>
  );
}

/** The value, once it has stopped changing for `delay` ms (a slider being dragged). */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setSettled(value);
    }, delay);
    return () => {
      window.clearTimeout(timer);
    };
  }, [value, delay]);
  return settled;
}

/** The assessments whose ratings have been read, and a way to ask for one more. */
interface AssessmentRatings {
  loaded: ReadonlyMap<string, Assessment>;
  need: (assessmentId: string) => void;
}

/**
 * Reads assessments with their ratings one at a time, as cells need them, each once for the list
 * of assessments it was asked from (a new list, after a write or a toggle, reads them afresh).
 */
function useAssessmentRatings(
  client: ApiClient,
  assessments: readonly AssessmentSummary[] | null,
): AssessmentRatings {
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Assessment>>(new Map());
  const asked = useMemo(() => new Set<string>(), [assessments]);
  useEffect(() => {
    setLoaded(new Map());
  }, [assessments]);
  return useMemo(
    () => ({
      loaded,
      need: (assessmentId: string) => {
        if (asked.has(assessmentId)) return;
        asked.add(assessmentId);
        void client.request(assessmentRatingsQuery, { assessmentId }).then(
          ({ assessment }) => {
            if (assessment === null) return;
            setLoaded((previous) => new Map(previous).set(assessment.id, assessment));
          },
          () => {
            // Not read: the next cell that needs it asks again.
            asked.delete(assessmentId);
          },
        );
      },
    }),
    [client, loaded, asked],
  );
}

/** A cell's details, with the ratings of the assessment that decides it once that is read. */
function OverviewCellDetails({
  context,
  candidates,
  assessmentRatings,
  functionsById,
  knownAtPast,
}: {
  context: CellContext;
  candidates: readonly AssessmentSummary[];
  assessmentRatings: AssessmentRatings;
  functionsById: ReadonlyMap<string, BusinessFunction>;
  knownAtPast: boolean;
}) {
  const { ratings, waitingFor } = cellRatingsOf(
    candidates,
    assessmentRatings.loaded,
    context.businessFunction.id,
    context.capability.id,
  );
  useEffect(() => {
    if (waitingFor !== null) assessmentRatings.need(waitingFor);
  }, [waitingFor, assessmentRatings]);
  return (
    <CellDetails
      context={context}
      ratings={ratings}
      functionsById={functionsById}
      knownAtPast={knownAtPast}
    />
  );
}
