// A cycle opened with no rating yet changes no number: the api's files and the command line, like
// the dashboard, stay on the last cycle with ratings and say the new one opened, never "provisional,
// decides 0 of 4 cells". A real store: an organisation with a rated, closed cycle and an empty open one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';
import { startTestApi, type TestApi } from '../support/test-api';
import { ReportFixtures } from './report-fixtures';

jest.setTimeout(120_000);

const OPENED =
  'elm-2026-q1 (period end 2026-03-31) opened, no ratings yet: the numbers are those of the cycles before it.';

describe('an opened cycle with no rating yet, in the files and the command line', () => {
  let dataDir: string;
  let api: TestApi;
  let apiOpen = false;

  async function get(pathAndQuery: string): Promise<{ headers: Headers; body: Buffer }> {
    const response = await fetch(`${api.baseUrl}${pathAndQuery}`, {
      headers: { authorization: `Bearer ${api.adminToken}` },
    });
    expect(response.status).toBe(200);
    return { headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ExcelJS.Buffer);
    return book;
  }

  beforeAll(async () => {
    buildCli();
    dataDir = mkdtempSync(path.join(tmpdir(), 'empty-open-cycle-'));
    api = await startTestApi({ dataDir });
    apiOpen = true;
    const fixtures = new ReportFixtures(api);
    await fixtures.publishSmallModel();
    // Elm: 2025 Q4 rated and closed, then 2026 Q1 opened with nothing in it yet.
    await fixtures.site('site-elm', 'Elm');
    await fixtures.target('site-elm', 'insight', 4);
    await fixtures.assessment('site-elm', 'elm-2025-q4', '2025-12-31', [
      { functionId: 'front-desk', capabilityId: 'insight', level: 2 },
      { functionId: 'housekeeping', capabilityId: 'insight', level: 4 },
    ]);
    await api.mustQuery('mutation { closeAssessment(assessmentId: "elm-2025-q4") { id } }');
    await fixtures.assessment('site-elm', 'elm-2026-q1', '2026-03-31', []);
  });

  afterAll(async () => {
    if (apiOpen) await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should date the workbook by the rated cycle and say on its About sheet that the new one opened', async () => {
    const download = await get('/reports/maturity.xlsx?organizationId=site-elm');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="site-elm-maturity-as-of-2025-12-31-known-at-[\dTZ-]+\.xlsx"$/,
    );
    const book = await workbook(download.body);
    const about = new Map<string, unknown>();
    book.getWorksheet('About')!.eachRow((row) => about.set(row.getCell(1).text, row.getCell(2).value));
    expect(about.get('as of')).toBe('2025-12-31T00:00:00.000Z (latest assessment with ratings)');
    expect(about.get('provisional')).toBe(`no: ${OPENED}`);
    // The indices over time end at the rated cycle: the opened one would only repeat it.
    const indices = book.getWorksheet('Indices over time')!;
    expect(indices.rowCount).toBe(1 + 1);
    expect(indices.getCell('A2').value).toEqual(new Date('2025-12-31T00:00:00.000Z'));
    expect(book.subject).toContain(OPENED);
    expect(book.subject).not.toContain('decides 0');
  });

  it('should say in the comparison files that the cycle opened, not that the figures are provisional', async () => {
    const csv = await get('/reports/comparison.csv?organizationIds=site-elm');
    const rows: string[][] = parse(csv.body, { bom: true });
    const [header, elm] = rows;
    expect(elm?.[header!.indexOf('provisional')]).toBe(`no: ${OPENED}`);

    const xlsx = await get('/reports/comparison.xlsx?organizationIds=site-elm');
    const sheet = (await workbook(xlsx.body)).getWorksheet('Organisations compared')!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf('provisional');
    expect(sheet.getRow(2).getCell(column).value).toBe(`no: ${OPENED}`);
  });

  describe('npm run cli -- replay', () => {
    beforeAll(async () => {
      // The command line opens the store itself: the api lets go of it first.
      await api.close();
      apiOpen = false;
    });

    it('should print the view with the opened note and no provisional note', async () => {
      const run = await runCli(dataDir, ['replay', '--org', 'site-elm']);
      expect(run.code).toBe(EXIT.ok);
      expect(run.stdout).toContain(`\n${OPENED}\n`);
      expect(run.stdout).not.toContain('Provisional');
    });

    it('should say under the step that opened the cycle that it opened, never that it decides 0 cells', async () => {
      const run = await runCli(dataDir, ['replay', '--org', 'site-elm', '--step']);
      expect(run.code).toBe(EXIT.ok);
      const steps = run.stdout.split('\n#');
      const opened = steps.find((step) => step.includes('elm-2026-q1@') && step.includes('AssessmentOpened'));
      expect(opened).toContain(`    ${OPENED}`);
      expect(run.stdout).not.toContain('decides 0 of');
    });
  });
});
