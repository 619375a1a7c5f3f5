// The one page a steering committee keeps: indices with their trend, the heatmap against targets,
// the weakest links, the planned investments with their warnings, the deployed ones with what they
// delivered, and what it is as of and as known at. On screen it is a card; printed (board-report.css) it is one A4 landscape page,
// and a heatmap too long for it goes on over the next page: nothing is cut off.
import { boardReportQuery, investmentWarningsQuery } from '../api/queries';
import { campaignProgressQuery } from '../campaigns/campaigns.operations';
import { realisationQuery } from '../planning/planning.operations';
import type {
  BusinessFunction,
  Capability,
  FunctionScore,
  Indices,
  Organization,
  PlannedInvestmentSummary,
  SimulationWarning,
} from '../api/types';
import { indexCells } from '../heatmap/heatmap';
import { cellKey } from '../heatmap/cell-ratings';
import { legendOrder, targetCue, toneOf } from '../heatmap/palette';
import { DISAGREEMENT_GLYPH, disagrees, formatAgreement } from '../heatmap/agreement';
import { ErrorNotice } from '../shared/error-notice';
import {
  formatDate,
  formatDateTime,
  formatIndex,
  formatLevel,
  formatMoney,
  formatMonths,
  formatPercent,
} from '../shared/format';
import {
  addProgress,
  cycleAssessments,
  type CycleResponse,
  SINGLE_RATING_GLYPH,
  responseText,
  restsOnOneRating,
  weaknessNotes,
} from './weak-numbers';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import { type DeliveredInvestment, DeliveredInvestments } from './board-delivered';
import { BoardScenario } from './board-scenario';
import { cyclesWithRatings, includesOpenRatings } from '@app/domain/scoring/rated-cycles';
import { baselineCycle, indexChangeText } from './cycle-range';
import { ProvisionalNote } from './provisional-note';
import { TrendSparkline } from './trend-sparkline';
import './board-report.css';
import { functionsOfView } from '../shared/functions-in-place';

interface BoardReportProps {
  organization: Organization;
  capabilities: readonly Capability[];
  asOf: string | null;
  knownAt: string | null;
}

interface PlannedInvestment {
  investment: PlannedInvestmentSummary;
  /** null: this token may not simulate, so no warnings are known. */
  warnings: SimulationWarning[] | null;
}

const indicators: { key: keyof Indices; label: string }[] = [
  { key: 'customerCentricityIndex', label: 'Customer-centricity' },
  { key: 'alignmentIndex', label: 'Alignment' },
  { key: 'targetAttainment', label: 'Target attainment' },
];

export function BoardReport({ organization, capabilities, asOf, knownAt }: BoardReportProps) {
  const session = useSession();
  const { client } = session;
  const organizationId = organization.id;
  const canSimulate = session.can('simulateInvestments');
  const report = useRequest(
    `${organizationId}/board/${asOf ?? 'now'}/${knownAt ?? 'now'}`,
    async (signal) => {
      const data = await client.request(boardReportQuery, { organizationId, asOf, knownAt }, signal);
      const planned = data.investments.filter(
        (investment) => investment.status === 'PLANNED' || investment.status === 'APPROVED',
      );
      // Each investment alone: a warning then names the investment that causes it. One after
      // another: the api lets a token run only a couple of simulations at once (HEAVY_WORK_PER_TOKEN).
      const investments: PlannedInvestment[] = [];
      for (const investment of planned) {
        const warnings = canSimulate
          ? (
              await client.request(
                investmentWarningsQuery,
                { organizationId, investmentIds: [investment.id] },
                signal,
              )
            ).simulateInvestments.warnings
          : null;
        investments.push({ investment, warnings });
      }
      // Deployed by the report's date; the realisation is read as of it (board-delivered.tsx).
      const deployed = data.investments.filter(
        (investment) =>
          investment.status === 'DEPLOYED' &&
          (asOf === null ||
            (investment.deployedAt !== null && Date.parse(investment.deployedAt) <= Date.parse(asOf))),
      );
      const delivered = await Promise.all(
        deployed.map(async (investment): Promise<DeliveredInvestment> => {
          const answer = await client.request(realisationQuery, { investmentId: investment.id }, signal);
          return { investment, realisation: answer.investmentRealisation };
        }),
      );
      // The cycle's response, as the Raters panel counts it (now, whatever the report's dates).
      const points = cyclesWithRatings(
        [...data.maturityTimeline].sort((left, right) => Date.parse(left.at) - Date.parse(right.at)),
        data.maturity.openAssessments,
      );
      const latest = points.at(-1);
      const cycle = latest
        ? cycleAssessments(data.assessments, latest.at, data.maturity.openAssessments)
        : [];
      const response: CycleResponse | null =
        cycle.length === 0
          ? null
          : addProgress(
              await Promise.all(
                cycle.map(async (assessment) => {
                  const answer = await client.request(
                    campaignProgressQuery,
                    { assessmentId: assessment.id },
                    signal,
                  );
                  return answer.campaignProgress;
                }),
              ),
            );
      const cycleTitle = cycle.map((assessment) => assessment.title).join(' and ');
      return {
        ...data,
        points,
        response,
        cycleTitle,
        allInvestments: data.investments,
        investments,
        delivered,
      };
    },
  );

  if (report.error) return <ErrorNotice error={report.error} action="Could not prepare the board report" />;
  const data = report.data;
  if (data === null) {
    return (
      <div
        class="board-report board-report--loading"
        aria-busy="true"
        aria-label="Preparing the board report"
      >
        <div class="skeleton skeleton--block" />
      </div>
    );
  }
  const { maturity, points } = data;
  // The last closed cycle before the one reported: an open cycle is no baseline (cycle-range.ts).
  const previous = baselineCycle(points, asOf);
  const provisional = includesOpenRatings(maturity.openAssessments);
  const functionsById = new Map(organization.functions.map((item) => [item.id, item]));
  const nameOf = (id: string) => functionsById.get(id)?.name ?? id;
  const latestPoint = points.at(-1) ?? null;
  const latest = latestPoint?.at ?? null;
  // More functions, smaller heatmap rows on paper, so most organisations fit one page; a longer
  // heatmap goes on over the next page under its repeated header (board-report.css).
  const viewFunctions = functionsOfView(
    organization.functions,
    maturity.cells.map((cell) => cell.functionId),
  );
  const rows = viewFunctions.length;
  // The count says how many rows there are, so a reader would see if one were ever missing.
  const heatmapTitle = `Maturity against targets, ${rows} ${rows === 1 ? 'function' : 'functions'} (level, then ▼ gap below the target or ✓ target met)`;
  const density = rows > 22 ? ' board-report--densest' : rows > 6 ? ' board-report--dense' : '';

  return (
    <article class={`board-report${density}`} data-testid="board-report" aria-labelledby="board-report-title">
      <header class="board-report__header">
        <div>
          <p class="board-report__kicker">Customer-centricity maturity · board report</p>
          <h2 id="board-report-title" class="board-report__title">
            {organization.name}
          </h2>
        </div>
        <p class="board-report__stamp" data-testid="board-report-stamp">
          As of{' '}
          {asOf
            ? formatDate(asOf)
            : latest
              ? `${formatDate(latest)} (latest cycle${latestPoint?.provisional ? ', still open: provisional' : ''})`
              : 'today'}{' '}
          · {knownAt ? `as known at ${formatDate(knownAt)}` : 'with everything recorded'} · printed{' '}
          {formatDateTime(new Date())}
        </p>
        <ResponseLine response={data.response} cycle={data.cycleTitle} knownAt={knownAt} />
        <ProvisionalNote view={maturity} class="board-report__provisional" />
      </header>

      <section class="board-report__indices" aria-label="Indices">
        {indicators.map((indicator) => {
          const value = maturity[indicator.key];
          const before = previous?.[indicator.key] ?? null;
          return (
            <div key={indicator.key} class="board-report__index" data-index={indicator.key}>
              <p class="board-report__index-label">{indicator.label}</p>
              <p class="board-report__index-value">{formatIndex(value)}</p>
              <p class="board-report__index-change">
                {indexChangeText(value, before, previous?.at ?? null, provisional)}
              </p>
            </div>
          );
        })}
        <div class="board-report__index" data-index="coverage">
          <p class="board-report__index-label">Coverage</p>
          <p class="board-report__index-value">{formatPercent(maturity.coverage)}</p>
          <p class="board-report__index-change">cells with a rating</p>
        </div>
      </section>

      <section class="board-report__trend" aria-label="Trend">
        <h3 class="board-report__heading">Trend over the cycles</h3>
        <TrendSparkline points={points} />
      </section>

      {/* Scrolls sideways on a phone, so it takes the keyboard focus too. */}
      <section class="board-report__heatmap" aria-label="Heatmap against targets" tabIndex={0}>
        <h3 class="board-report__heading">{heatmapTitle}</h3>
        <BoardHeatmap
          title={heatmapTitle}
          functions={viewFunctions}
          capabilities={capabilities}
          cells={maturity.cells}
          functionScores={maturity.functionScores}
        />
        <BoardLegend />
        <WeaknessNotes notes={weaknessNotes(maturity.cells, maturity.functionScores, nameOf)} />
      </section>

      <section class="board-report__links" aria-label="Weakest links">
        <h3 class="board-report__heading">Weakest links</h3>
        {maturity.weakestLinks.length === 0 ? (
          <p class="muted">No linked functions rated on a common capability.</p>
        ) : (
          <ol class="board-report__list">
            {maturity.weakestLinks.slice(0, 5).map((link) => (
              <li key={`${link.from}:${link.to}`}>
                {nameOf(link.from)} ↔ {nameOf(link.to)}: <strong>{formatLevel(link.misalignment)}</strong>{' '}
                levels apart
              </li>
            ))}
          </ol>
        )}
        {maturity.weakestLinks.length > 5 && (
          <p class="muted board-report__note" data-testid="weakest-links-count">
            The 5 furthest apart of {maturity.weakestLinks.length} linked pairs.
          </p>
        )}
      </section>

      <section class="board-report__investments" aria-label="Planned investments">
        <h3 class="board-report__heading">Planned investments</h3>
        <PlannedInvestments investments={data.investments} canSimulate={canSimulate} />
      </section>

      <section
        class="board-report__delivered-section"
        aria-label="Deployed and delivered"
        data-testid="board-delivered"
      >
        <h3 class="board-report__heading">Deployed and delivered (change in levels)</h3>
        <DeliveredInvestments delivered={data.delivered} asOf={asOf} />
      </section>

      <BoardScenario organizationId={organizationId} investments={data.allInvestments} />
    </article>
  );
}

function BoardHeatmap({
  title,
  functions,
  capabilities,
  cells,
  functionScores,
}: {
  title: string;
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
  cells: Parameters<typeof indexCells>[0];
  functionScores: readonly FunctionScore[];
}) {
  const byKey = indexCells(cells);
  const agreementOf = new Map(functionScores.map((score) => [score.functionId, score.agreement]));
  return (
    <table class="board-heatmap">
      <thead>
        {/* Printed at the top of every page the heatmap spans, with the capabilities under it. */}
        <tr class="board-heatmap__title-row" aria-hidden="true">
          <th colSpan={capabilities.length + 1}>{title}</th>
        </tr>
        <tr>
          <th scope="col">Function</th>
          {capabilities.map((capability) => (
            <th scope="col" key={capability.id}>
              {capability.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {functions.map((businessFunction) => (
          <tr key={businessFunction.id}>
            <th scope="row">
              {businessFunction.name}
              <RowAgreement agreement={agreementOf.get(businessFunction.id)} />
            </th>
            {capabilities.map((capability) => {
              const key = cellKey(businessFunction.id, capability.id);
              const cell = byKey.get(key);
              const tone = toneOf(cell);
              const cue = targetCue(cell);
              const disagreement = disagrees(cell?.agreement);
              const singleRating = restsOnOneRating(cell);
              return (
                <td
                  key={capability.id}
                  class={`board-heatmap__cell board-heatmap__cell--${tone.name}${disagreement ? ' board-heatmap__cell--disagree' : ''}`}
                  style={{ background: tone.background, color: tone.foreground }}
                  data-cell={key}
                  data-level={cell?.level == null ? '' : formatLevel(cell.level)}
                  data-disagree={disagreement ? formatAgreement(cell.agreement) : undefined}
                  data-single-rating={singleRating ? '' : undefined}
                >
                  {disagreement && (
                    <span class="board-heatmap__mark">
                      <span aria-hidden="true">{DISAGREEMENT_GLYPH} </span>
                      <span class="visually-hidden">raters disagree, </span>
                    </span>
                  )}
                  {cell?.level == null ? '–' : formatLevel(cell.level)}
                  {singleRating && (
                    <span class="board-heatmap__mark">
                      <span aria-hidden="true">{SINGLE_RATING_GLYPH}</span>
                      <span class="visually-hidden"> from a single rating</span>
                    </span>
                  )}
                  {cue.glyph && (
                    <span class="board-heatmap__cue">
                      {' '}
                      {cue.glyph} {cue.text}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A function's r_wg(J) beside its name when its raters disagree (the heatmap's rule and mark). */
function RowAgreement({ agreement }: { agreement: number | null | undefined }) {
  if (!disagrees(agreement)) return null;
  return (
    <span class="board-heatmap__row-agreement" data-function-agreement={formatAgreement(agreement)}>
      {' '}
      <span aria-hidden="true">{DISAGREEMENT_GLYPH}</span>
      <span class="visually-hidden">raters disagree,</span> agreement {formatAgreement(agreement)}
    </span>
  );
}

/** How many invited raters answered the cycle; nothing when nobody was invited by link. */
function ResponseLine({
  response,
  cycle,
  knownAt,
}: {
  response: CycleResponse | null;
  cycle: string;
  knownAt: string | null;
}) {
  const text = response === null ? null : responseText(response);
  if (text === null) return null;
  return (
    <p class="board-report__response">
      Response to {cycle}: <span data-testid="board-response">{text}</span>
      {knownAt !== null && ' (counted now)'}
    </p>
  );
}

/** The marked cells counted, under the legend. */
function WeaknessNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul class="board-report__weak" data-testid="board-weak-numbers">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

/** What the heat colours mean: the page's legend, in print too (the marks' are the notes under it). */
function BoardLegend() {
  return (
    <ul class="board-legend" aria-label="Level against target">
      {legendOrder.map((tone) => (
        <li key={tone.name} class="board-legend__item">
          <span
            class={`board-legend__swatch board-heatmap__cell--${tone.name}`}
            style={{ background: tone.background }}
            aria-hidden="true"
          />
          {tone.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * How many planned investments the printed page lists: with a warning each, more would push the
 * page onto a second sheet. The others are counted with their cost under them.
 */
export const PRINTED_PLANNED = 3;

/** Approved before planned, then the costliest first: what a board decides on comes first. */
function boardOrder(left: PlannedInvestment, right: PlannedInvestment): number {
  const approved = (item: PlannedInvestment) => (item.investment.status === 'APPROVED' ? 0 : 1);
  return approved(left) - approved(right) || right.investment.cost - left.investment.cost;
}

function PlannedInvestments({
  investments,
  canSimulate,
}: {
  investments: readonly PlannedInvestment[];
  canSimulate: boolean;
}) {
  if (investments.length === 0) return <p class="muted">No investment is planned or approved.</p>;
  const listed = [...investments].sort(boardOrder);
  const rest = listed.slice(PRINTED_PLANNED);
  const warned = rest.filter(({ warnings }) => warnings !== null && warnings.length > 0).length;
  const costOf = (items: readonly PlannedInvestment[]) =>
    items.reduce((sum, { investment }) => sum + investment.cost, 0);
  return (
    <>
      <ul class="board-report__list">
        {listed.map(({ investment, warnings }, index) => (
          <li
            key={investment.id}
            data-investment={investment.id}
            class={index < PRINTED_PLANNED ? undefined : 'board-report__unprinted'}
          >
            <strong>{investment.name}</strong> · {investment.status.toLowerCase()} ·{' '}
            {formatMoney(investment.cost)} · {formatMonths(investment.lagMonths)}
            {warnings !== null && warnings.length > 0 && (
              <span class="board-report__warnings">
                {warnings.map((warning) => (
                  <span
                    key={`${warning.code}:${warning.from ?? ''}:${warning.to ?? ''}`}
                    class="board-report__warning"
                  >
                    ⚠ {warning.message}
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      {rest.length > 0 && (
        <p class="board-report__more" data-testid="planned-unprinted">
          and {rest.length} more planned, {formatMoney(costOf(rest))} together (all {listed.length}:{' '}
          {formatMoney(costOf(listed))}), on the Planning screen
          {warned > 0 && `; ${warned} of them with a warning`}.
        </p>
      )}
      {!canSimulate && <p class="muted">Investment warnings not included.</p>}
    </>
  );
}
