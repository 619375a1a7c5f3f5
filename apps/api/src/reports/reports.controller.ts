import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Logger, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { type Principal, ReportDocuments, type ReportFile, type StreamedReportFile } from '@app/application';
import { invalidInput } from '@app/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Download } from '../auth/download.decorator';
import { JsonErrorsFilter } from '../http/json-errors.filter';

type QueryString = Record<string, unknown>;

/** A query-string parameter given at most once; absent or empty: null. */
function parameter(query: QueryString, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw invalidInput(name, `${name}: give this parameter once, as text`);
  return value;
}

function required(query: QueryString, name: string): string {
  const value = parameter(query, name);
  if (value === null) throw invalidInput(name, `${name} is required, e.g. ?${name}=interlodge`);
  return value;
}

/** The whole file at once, or (before any byte of it) the JSON error of JsonErrorsFilter. */
function send(response: Response, file: ReportFile): void {
  response
    .status(200)
    .set({
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.body.length),
      // An organisation's data: never kept by a shared cache.
      'Cache-Control': 'private, no-store',
    })
    .end(file.body);
}

const logger = new Logger('ReportsController');

/**
 * A file written part by part as the client reads it (backpressure: a slow reader holds one part,
 * not the file). Refusals come before the first byte, as JSON; a failure after it ends the
 * connection without the final chunk, so the client sees a broken download, never a short file.
 */
async function sendStreamed(response: Response, file: StreamedReportFile): Promise<void> {
  response.status(200).set({
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Cache-Control': 'private, no-store',
  });
  try {
    await pipeline(Readable.from(file.parts), response);
  } catch (error) {
    // The client went away, or reading failed mid-file: the pipeline has already closed the response.
    if (!response.writableFinished)
      logger.warn(`${file.fileName} ended early: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Downloads with the same bearer token and access policy as GraphQL (see the Download rules). */
@Controller('reports')
@UseFilters(JsonErrorsFilter)
export class ReportsController {
  constructor(private readonly documents: ReportDocuments) {}

  @Get('maturity.csv')
  @Download('maturity.csv')
  async maturityCsv(@Query() query: QueryString, @Res() response: Response): Promise<void> {
    send(response, await this.maturity(query, 'csv'));
  }

  @Get('maturity.xlsx')
  @Download('maturity.xlsx')
  async maturityXlsx(@Query() query: QueryString, @Res() response: Response): Promise<void> {
    send(response, await this.maturity(query, 'xlsx'));
  }

  @Get('history.csv')
  @Download('history.csv')
  async historyCsv(@Query() query: QueryString, @Res() response: Response): Promise<void> {
    await sendStreamed(response, await this.documents.historyFile(required(query, 'organizationId')));
  }

  @Get('scenarios.xlsx')
  @Download('scenarios.xlsx')
  async scenariosXlsx(@Query() query: QueryString, @Res() response: Response): Promise<void> {
    send(
      response,
      await this.documents.scenariosFile(
        required(query, 'organizationId'),
        required(query, 'scenarioIds'),
        'xlsx',
      ),
    );
  }

  @Get('scenarios.csv')
  @Download('scenarios.csv')
  async scenariosCsv(@Query() query: QueryString, @Res() response: Response): Promise<void> {
    send(
      response,
      await this.documents.scenariosFile(
        required(query, 'organizationId'),
        required(query, 'scenarioIds'),
        'csv',
      ),
    );
  }

  @Get('comparison.xlsx')
  @Download('comparison.xlsx')
  async comparisonXlsx(
    @Query() query: QueryString,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.comparison(query, 'xlsx', principal));
  }

  @Get('comparison.csv')
  @Download('comparison.csv')
  async comparisonCsv(
    @Query() query: QueryString,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.comparison(query, 'csv', principal));
  }

  /** ?organizationIds=a,b: the organisations in the order asked; asOf and knownAt as for maturity. */
  private comparison(query: QueryString, format: 'csv' | 'xlsx', principal: Principal): Promise<ReportFile> {
    return this.documents.comparisonFile(
      required(query, 'organizationIds'),
      format,
      { asOf: parameter(query, 'asOf'), knownAt: parameter(query, 'knownAt') },
      principal,
    );
  }

  private maturity(query: QueryString, format: 'csv' | 'xlsx'): Promise<ReportFile> {
    return this.documents.maturityFile(required(query, 'organizationId'), format, {
      asOf: parameter(query, 'asOf'),
      knownAt: parameter(query, 'knownAt'),
    });
  }
}
