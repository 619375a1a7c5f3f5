// The downloads (maturity as CSV or XLSX, history as CSV). The maturity and scenario files are
// built whole in memory before anyone writes them: a refused or failed report never leaves half a
// file behind. The history grows without bound, so it is checked first, then written in pages.
import { Inject, Injectable } from '@nestjs/common';
import { invalidInput, notFound, requireIsoDate, requireSlug, SCENARIO_ERROR_CODES } from '@app/domain';
import { InvestmentReader } from '../investments/investment-reader';
import { ScenarioReader } from '../scenarios/scenario-reader';
import { SimulationQueries } from '../simulation/simulation-queries';
import { type ComparedScenarioRow, scenarioComparisonTable } from './scenario-report';
import { organizationComparisonTable } from './comparison-report';
import { type OrganizationReach, ReportQueries } from './report-queries';
import { OrganizationEvents } from '../audit/organization-events';
import { CLOCK, type Clock } from '../command-handling/clock';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import type { MaturityQuery } from '../maturity/maturity-view';
import { MaturityQueryService } from '../maturity/maturity-query.service';
import { OrganizationReader } from '../organizations/organization-reader';
import { EVERY_EVENT, yieldToOtherWork } from '@app/projections';
import { ReadModels } from '../projections/read-models';
import { renderCsv, renderCsvHeader, renderCsvRows } from './csv-writer';
import { historyTable } from './history-report';
import {
  aboutTable,
  cellsTable,
  indicesTable,
  type MaturityReport,
  openedNote,
  provisionalNote,
  reportAsOf,
  reportKnownAt,
  weakestLinksTable,
} from './maturity-report';
import { CSV_CONTENT_TYPE, type ReportFile, type StreamedReportFile, XLSX_CONTENT_TYPE } from './report-file';
import { valuesOf } from './report-table';
import { renderWorkbook } from './xlsx-writer';

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
/** Side by side stays readable up to a handful of scenarios; each costs a simulation. */
const MAX_SCENARIOS_PER_FILE = 10;
/** As the dashboard simulates a compared scenario: the same trials and seed give the same band. */
const COMPARISON_TRIALS = 1000;
const COMPARISON_SEED = 42;
/** Events per part of the history download: a part takes milliseconds, then others are served. */
const HISTORY_FILE_PAGE_SIZE = 200;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const optionalInstant = (field: string, value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : requireIsoDate(field, value);

/**
 * `2024-06-30T00:00:00.000Z` -> `2024-06-30`; an instant with a time keeps it to the second:
 * `2026-11-29T07:11:05.123Z` -> `2026-11-29T07-11-05Z` (no colons: file systems refuse them).
 */
const fileDate = (instant: string): string =>
  instant.endsWith('T00:00:00.000Z')
    ? instant.slice(0, 10)
    : instant.replace(/\.\d{3}Z$/, 'Z').replace(/[:.]/g, '-');

/** The dates a file is of, for its name: as of (when asked) and as known at (asked, or now). */
const dateStamp = (asOf: string | null, knownAt: string): string[] => [
  ...(asOf === null ? [] : [`as-of-${fileDate(asOf)}`]),
  `known-at-${fileDate(knownAt)}`,
];

@Injectable()
export class ReportDocuments {
  constructor(
    private readonly maturity: MaturityQueryService,
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
    private readonly organizationEvents: OrganizationEvents,
    private readonly scenarios: ScenarioReader,
    private readonly investments: InvestmentReader,
    private readonly simulation: SimulationQueries,
    private readonly reports: ReportQueries,
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Organisations side by side as compareOrganizations answers them (the same checks: one model,
   * each reachable, an unreachable one read as unknown), one row each, as of and as known at the
   * dates given, as the Compare screen shows them.
   */
  async comparisonFile(
    organizationIds: string,
    format: ReportFormat,
    query: MaturityQuery,
    reach: OrganizationReach,
  ): Promise<ReportFile> {
    const asOf = optionalInstant('asOf', query.asOf);
    const knownAt = optionalInstant('knownAt', query.knownAt);
    const ids = organizationIds.split(',').map((id) => id.trim());
    const rows = await this.reports.compareOrganizations(ids, asOf, knownAt, reach);
    const first = await this.organizations.require(ids[0] ?? '');
    const model = await this.models.require(first.modelId, first.modelVersion);
    const table = valuesOf(organizationComparisonTable(rows, model.capabilities));
    const generatedAt = this.clock();
    const baseName = [
      'organizations-compared',
      ...dateStamp(asOf, knownAt ?? generatedAt.toISOString()),
    ].join('-');
    if (format === 'csv')
      return { fileName: `${baseName}.csv`, contentType: CSV_CONTENT_TYPE, body: renderCsv(table) };
    const body = await renderWorkbook([table], {
      title: `${rows.length} organisations compared`,
      subject: `as of ${asOf ?? 'now'}, as known at ${knownAt ?? generatedAt.toISOString()}`,
      created: generatedAt,
    });
    return { fileName: `${baseName}.xlsx`, contentType: XLSX_CONTENT_TYPE, body };
  }

  /** The maturity of one organisation at (asOf, knownAt): cells, indices over time, weakest links. */
  async maturityReport(organizationId: string, query: MaturityQuery = {}): Promise<MaturityReport> {
    const id = requireSlug('organizationId', organizationId);
    const asOf = optionalInstant('asOf', query.asOf);
    const knownAt = optionalInstant('knownAt', query.knownAt);
    const organization = await this.organizations.require(id);
    const [view, timeline, model] = await Promise.all([
      this.maturity.maturity(id, { asOf, knownAt }),
      this.maturity.maturityTimeline(id, { to: asOf, knownAt }),
      this.models.require(organization.modelId, organization.modelVersion),
    ]);
    return {
      organization: { id: organization.id, name: organization.name },
      functions: organization.functions,
      capabilities: model.capabilities,
      view,
      timeline,
      generatedAt: this.clock().toISOString(),
    };
  }

  async maturityFile(
    organizationId: string,
    format: ReportFormat,
    query: MaturityQuery = {},
  ): Promise<ReportFile> {
    const report = await this.maturityReport(organizationId, query);
    // The dates the figures are of, asked or not: two files of the same organisation never share a name.
    const asOf = reportAsOf(report);
    const knownAt = reportKnownAt(report);
    const baseName = [report.organization.id, 'maturity', ...dateStamp(asOf, knownAt)].join('-');
    if (format === 'csv') {
      return {
        fileName: `${baseName}.csv`,
        contentType: CSV_CONTENT_TYPE,
        body: renderCsv(valuesOf(cellsTable(report))),
      };
    }
    const body = await renderWorkbook(
      [
        valuesOf(cellsTable(report)),
        valuesOf(indicesTable(report)),
        valuesOf(weakestLinksTable(report)),
        aboutTable(report),
      ],
      {
        title: `Maturity of ${report.organization.name}`,
        subject: [
          `as of ${asOf ?? 'no rating yet'}, as known at ${knownAt}.`,
          provisionalNote(report.view),
          openedNote(report.view),
        ]
          .filter((part) => part !== null)
          .join(' '),
        created: new Date(report.generatedAt),
      },
    );
    return { fileName: `${baseName}.xlsx`, contentType: XLSX_CONTENT_TYPE, body };
  }

  /**
   * Every event of the organisation as recorded when it was asked, one row each, oldest first,
   * in parts of HISTORY_FILE_PAGE_SIZE events: memory holds one part, and the event loop serves
   * other requests between parts.
   */
  async historyFile(organizationId: string): Promise<StreamedReportFile> {
    const id = requireSlug('organizationId', organizationId);
    await this.organizationEvents.requireRegistered(id);
    await this.readModels.ready();
    // Events recorded during the download are left for the next one: the file is of one moment.
    const untilPosition = this.readModels.history.lastPosition(id);
    return {
      fileName: `${id}-history.csv`,
      contentType: CSV_CONTENT_TYPE,
      parts: this.historyParts(id, untilPosition),
    };
  }

  private async *historyParts(organizationId: string, untilPosition: number): AsyncGenerator<Buffer> {
    yield renderCsvHeader(valuesOf(historyTable([])));
    let afterPosition = 0;
    for (;;) {
      await yieldToOtherWork();
      const entries = this.readModels.history.page(organizationId, EVERY_EVENT, {
        afterPosition,
        untilPosition,
        limit: HISTORY_FILE_PAGE_SIZE,
      });
      const last = entries.at(-1);
      if (last === undefined) return;
      const events = await this.organizationEvents.toShow(await this.organizationEvents.at(entries));
      yield renderCsvRows(valuesOf(historyTable(events)).rows);
      afterPosition = last.position;
    }
  }

  /**
   * Saved scenarios side by side, each simulated now with the page's trials and seed, so the file
   * carries the numbers the planner compared on screen.
   */
  async scenariosFile(
    organizationId: string,
    scenarioIds: string,
    format: ReportFormat,
  ): Promise<ReportFile> {
    const id = requireSlug('organizationId', organizationId);
    await this.organizations.require(id);
    const ids = scenarioIds.split(',').map((scenarioId) => scenarioId.trim());
    if (ids.length > MAX_SCENARIOS_PER_FILE) {
      throw invalidInput(
        'scenarioIds',
        `scenarioIds: at most ${MAX_SCENARIOS_PER_FILE} scenarios in one file, got ${ids.length}`,
      );
    }
    const saved = await this.scenarios.listFor(id);
    const names = new Map(
      (await this.investments.listFor(id)).map((investment) => [investment.id, investment]),
    );
    const rows: ComparedScenarioRow[] = [];
    // One after another: each simulation is heavy work of its own.
    for (const scenarioId of ids) {
      const scenario = saved.find(
        (candidate) => candidate.scenarioId === requireSlug('scenarioIds', scenarioId),
      );
      if (scenario === undefined) {
        throw notFound(
          'scenarioIds',
          `scenarioIds: organisation "${id}" has no saved scenario "${scenarioId}"`,
          SCENARIO_ERROR_CODES.notFound,
        );
      }
      const result = await this.simulation.simulate({
        organizationId: id,
        investmentIds: scenario.investmentIds,
        horizonMonths: scenario.horizonMonths,
        trials: COMPARISON_TRIALS,
        seed: COMPARISON_SEED,
      });
      rows.push({
        scenario,
        result,
        investmentNames: scenario.investmentIds.map(
          (investmentId) => names.get(investmentId)?.name ?? investmentId,
        ),
        cost: scenario.investmentIds.reduce(
          (sum, investmentId) => sum + (names.get(investmentId)?.cost ?? 0),
          0,
        ),
      });
    }
    const table = valuesOf(scenarioComparisonTable(rows));
    const baseName = `${id}-scenarios-${fileDate(this.clock().toISOString())}`;
    if (format === 'csv')
      return { fileName: `${baseName}.csv`, contentType: CSV_CONTENT_TYPE, body: renderCsv(table) };
    const body = await renderWorkbook([table], {
      title: `Scenarios of ${id} compared`,
      subject: `${rows.length} saved scenarios, each simulated with ${COMPARISON_TRIALS} trials (seed ${COMPARISON_SEED})`,
      created: this.clock(),
    });
    return { fileName: `${baseName}.xlsx`, contentType: XLSX_CONTENT_TYPE, body };
  }
}
