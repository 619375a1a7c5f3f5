// The downloads (maturity as CSV or XLSX, history as CSV), built whole in memory before anyone
// writes them: a refused or failed report never leaves half a file behind.
import { Inject, Injectable } from '@nestjs/common';
import { requireIsoDate, requireSlug } from '@app/domain';
import { OrganizationEvents } from '../audit/organization-events';
import { CLOCK, type Clock } from '../command-handling/clock';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import type { MaturityQuery } from '../maturity/maturity-view';
import { MaturityQueryService } from '../maturity/maturity-query.service';
import { OrganizationReader } from '../organizations/organization-reader';
import { renderCsv } from './csv-writer';
import { historyTable } from './history-report';
import {
  aboutTable,
  cellsTable,
  indicesTable,
  type MaturityReport,
  provisionalNote,
  reportAsOf,
  reportKnownAt,
  weakestLinksTable,
} from './maturity-report';
import { CSV_CONTENT_TYPE, type ReportFile, XLSX_CONTENT_TYPE } from './report-file';
import { valuesOf } from './report-table';
import { renderWorkbook } from './xlsx-writer';

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
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

@Injectable()
export class ReportDocuments {
  constructor(
    private readonly maturity: MaturityQueryService,
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
    private readonly organizationEvents: OrganizationEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
    const stamp = [asOf === null ? null : `as-of-${fileDate(asOf)}`, `known-at-${fileDate(knownAt)}`].filter(
      (part) => part !== null,
    );
    const baseName = [report.organization.id, 'maturity', ...stamp].join('-');
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
          `as of ${asOf ?? 'no assessment yet'}, as known at ${knownAt}`,
          provisionalNote(report.view),
        ]
          .filter((part) => part !== null)
          .join('. '),
        created: new Date(report.generatedAt),
      },
    );
    return { fileName: `${baseName}.xlsx`, contentType: XLSX_CONTENT_TYPE, body };
  }

  /** Every event of the organisation as recorded, one row each, oldest first. */
  async historyFile(organizationId: string): Promise<ReportFile> {
    const id = requireSlug('organizationId', organizationId);
    await this.organizationEvents.requireRegistered(id);
    const events = await this.organizationEvents.allToShow(id);
    return {
      fileName: `${id}-history.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: renderCsv(valuesOf(historyTable(events))),
    };
  }
}
