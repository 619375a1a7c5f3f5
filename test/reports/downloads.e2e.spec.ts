// GET /reports/maturity.csv, /reports/maturity.xlsx, /reports/history.csv and
// /reports/comparison.csv|xlsx over HTTP against the
// real api: hand-worked values, typed spreadsheet cells read back with the same library, formula
// injection escaped, and refusals as JSON errors, never a file.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startTestApi, type TestApi } from '../support/test-api';
import { northSite, ReportFixtures } from './report-fixtures';

// Starting the api and recording the fixtures takes over 5 s on a busy machine.
jest.setTimeout(60_000);

const FORMULA_NAME = '=HYPERLINK("http://x")';

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

describe('Report downloads (e2e)', () => {
  let api: TestApi;
  let fixtures: ReportFixtures;

  async function get(path: string, token: string | null = api.adminToken): Promise<Download> {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  const csvRows = (download: Download): string[][] => parse(download.body, { bom: true });

  async function workbook(download: Download): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(download.body as unknown as ExcelJS.Buffer);
    return book;
  }

  function expectJsonRefusal(download: Download, status: number, code: string, field?: string): void {
    expect(download.status).toBe(status);
    expect(download.headers.get('content-type')).toMatch(/^application\/json/);
    expect(download.headers.get('content-disposition')).toBeNull();
    const body = JSON.parse(download.body.toString('utf8')) as {
      errors: { message: string; extensions: { code: string; field?: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe(code);
    if (field !== undefined) expect(body.errors[0]?.extensions.field).toBe(field);
    expect(body.errors[0]?.message).toEqual(expect.any(String));
  }

  beforeAll(async () => {
    api = await startTestApi();
    fixtures = new ReportFixtures(api);
    await fixtures.publishSmallModel();
    await northSite(fixtures);
    await fixtures.site('formula-site', 'Formula site', [
      { id: 'front-desk', name: 'Front desk' },
      { id: 'laundry', name: FORMULA_NAME },
    ]);
    await fixtures.assessment('formula-site', 'formula-q1', '2024-03-31', [
      { functionId: 'front-desk', capabilityId: 'insight', level: 4 },
      { functionId: 'laundry', capabilityId: 'insight', level: 1 },
    ]);
  });

  afterAll(async () => {
    await api.close();
  });

  describe('GET /reports/maturity.csv', () => {
    it('should answer one row per cell with the hand-worked values, as an attachment', async () => {
      const download = await get('/reports/maturity.csv?organizationId=site-north');

      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      // Named by the dates it is of, asked or not: the latest assessment, and when it was made.
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="site-north-maturity-as-of-2024-06-30-known-at-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.csv"$/,
      );
      expect(download.headers.get('cache-control')).toBe('private, no-store');
      const [header, ...rows] = csvRows(download);
      expect(header).toEqual([
        'function id',
        'function',
        'capability id',
        'capability',
        'level',
        'target',
        'gap',
        'perception gap',
        'agreement',
        'rating count',
      ]);
      expect(rows.map((row) => row.slice(0, 4))).toEqual([
        ['front-desk', 'Front desk', 'insight', 'Customer insight'],
        ['front-desk', 'Front desk', 'recovery', 'Service recovery'],
        ['housekeeping', 'Housekeeping', 'insight', 'Customer insight'],
        ['housekeeping', 'Housekeeping', 'recovery', 'Service recovery'],
      ]);
      // Front desk insight: (4 + 2 * 3) / 3 = 10/3 against target 4; SELF 4 minus CUSTOMER 3 = 1.
      const [frontDeskInsight] = rows;
      expect(Number(frontDeskInsight?.[4])).toBeCloseTo(10 / 3, 12);
      expect(frontDeskInsight?.[5]).toBe('4');
      expect(Number(frontDeskInsight?.[6])).toBeCloseTo(2 / 3, 12);
      expect(frontDeskInsight?.[7]).toBe('1');
      expect(frontDeskInsight?.[9]).toBe('2');
      expect(rows[1]?.slice(4)).toEqual(['', '', '', '', '', '0']);
      expect(rows[2]?.slice(4)).toEqual(['4', '4', '0', '', '', '1']);
      expect(rows[3]?.slice(4)).toEqual(['1', '', '', '', '', '1']);
    });

    it('should answer as of a past date, named so in the file name', async () => {
      const download = await get('/reports/maturity.csv?organizationId=site-north&asOf=2024-03-31');
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="site-north-maturity-as-of-2024-03-31-known-at-[\dTZ-]+\.csv"$/,
      );
      const known = await get(
        '/reports/maturity.csv?organizationId=site-north&asOf=2024-03-31&knownAt=2030-01-01T10:30:00Z',
      );
      expect(known.headers.get('content-disposition')).toBe(
        'attachment; filename="site-north-maturity-as-of-2024-03-31-known-at-2030-01-01T10-30-00Z.csv"',
      );
      expect(csvRows(download)[1]?.[4]).toBe('2');
    });

    it('should escape a function named like a formula, so no spreadsheet runs it', async () => {
      const download = await get('/reports/maturity.csv?organizationId=formula-site');
      const names = csvRows(download).map((row) => row[1]);
      expect(names).toContain(`'${FORMULA_NAME}`);
      expect(names).not.toContain(FORMULA_NAME);
      expect(download.body.toString('utf8')).not.toMatch(/(^|,)=HYPERLINK/m);
    });
  });

  describe('GET /reports/maturity.xlsx', () => {
    it('should hold the cells, the indices over time and the weakest links as typed numbers', async () => {
      const download = await get('/reports/maturity.xlsx?organizationId=site-north');
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="site-north-maturity-as-of-2024-06-30-known-at-[\dTZ-]+\.xlsx"$/,
      );
      const book = await workbook(download);
      expect(book.worksheets.slice(0, 3).map((sheet) => sheet.name)).toEqual([
        'Cells',
        'Indices over time',
        'Weakest links',
      ]);

      const cells = book.getWorksheet('Cells')!;
      expect(cells.rowCount).toBe(1 + 4);
      expect(cells.getCell('B2').value).toBe('Front desk');
      expect(cells.getCell('E2').type).toBe(ExcelJS.ValueType.Number);
      expect(cells.getCell('E2').value as number).toBeCloseTo(10 / 3, 12);
      expect(cells.getCell('F2').value).toBe(4);
      expect(cells.getCell('J2').type).toBe(ExcelJS.ValueType.Number);
      expect(cells.getCell('E3').type).toBe(ExcelJS.ValueType.Null);

      const indices = book.getWorksheet('Indices over time')!;
      expect(indices.rowCount).toBe(1 + 2);
      expect(indices.getCell('A2').type).toBe(ExcelJS.ValueType.Date);
      expect(indices.getCell('A2').value).toEqual(new Date('2024-03-31T00:00:00.000Z'));
      const row = (number: number): number[] =>
        ['B', 'C', 'D', 'E'].map((column) => indices.getCell(`${column}${number}`).value as number);
      // As of Q1: CCI 50, AI 50, TA 66.67, coverage 2/4; as of Q2: 53.33, 83.33, 88.89, 3/4.
      for (const [actual, expected] of [
        [row(2), [50, 50, 200 / 3, 0.5]],
        [row(3), [160 / 3, 250 / 3, 800 / 9, 0.75]],
      ] as const) {
        actual.forEach((value, position) => {
          expect(value).toBeCloseTo(expected[position]!, 10);
        });
      }

      const links = book.getWorksheet('Weakest links')!;
      expect(links.getRow(2).values).toEqual([
        undefined,
        'front-desk',
        'Front desk',
        'housekeeping',
        'Housekeeping',
        expect.any(Number),
      ]);
      expect(links.getCell('E2').value as number).toBeCloseTo(2 / 3, 12);

      const about = book.getWorksheet('About')!;
      expect(about.getCell('B2').value).toBe('Interlodge North');
    });

    it('should say on the About sheet the dates it is of and which open assessment makes it provisional', async () => {
      // Pine: Q1 rated and closed; Q2 open with one rating, so the latest figures are provisional.
      await fixtures.site('site-pine', 'Pine');
      await fixtures.assessment('site-pine', 'pine-q1', '2024-03-31', [
        { functionId: 'front-desk', capabilityId: 'insight', level: 2 },
        { functionId: 'housekeeping', capabilityId: 'insight', level: 3 },
      ]);
      await api.mustQuery('mutation { closeAssessment(assessmentId: "pine-q1") { id } }');
      await fixtures.assessment('site-pine', 'pine-q2', '2024-06-30', [
        { functionId: 'front-desk', capabilityId: 'insight', level: 5 },
      ]);
      const aboutOf = async (query: string): Promise<Map<string, unknown>> => {
        const about = (
          await workbook(await get(`/reports/maturity.xlsx?organizationId=site-pine${query}`))
        ).getWorksheet('About')!;
        const lines = new Map<string, unknown>();
        about.eachRow((row) => lines.set(row.getCell(1).text, row.getCell(2).value));
        return lines;
      };

      const latest = await aboutOf('');
      expect(latest.get('as of')).toBe('2024-06-30T00:00:00.000Z (latest assessment with ratings)');
      expect(latest.get('as known at')).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z \(everything recorded then\)$/);
      expect(latest.get('provisional')).toBe(
        'Provisional: includes pine-q2 (period end 2024-06-30), still open, which decides 1 of 4 cells.',
      );
      expect(latest.get('precision')).toMatch(/full precision/);

      // As of Q1, only the closed cycle counts: nothing provisional.
      const closed = await aboutOf('&asOf=2024-03-31&knownAt=2030-01-01T00:00:00Z');
      expect(closed.get('as of')).toBe('2024-03-31T00:00:00.000Z');
      expect(closed.get('as known at')).toBe('2030-01-01T00:00:00.000Z');
      expect(closed.get('provisional')).toBe('no: every assessment included is closed');
    });

    it('should write a function named like a formula as escaped text, never a formula', async () => {
      const book = await workbook(await get('/reports/maturity.xlsx?organizationId=formula-site'));
      const cells = book.getWorksheet('Cells')!;
      const laundry = cells.getCell('B4');
      expect(laundry.type).toBe(ExcelJS.ValueType.String);
      expect(laundry.value).toBe(`'${FORMULA_NAME}`);
      expect(laundry.formula).toBeUndefined();
      const links = book.getWorksheet('Weakest links')!;
      expect(links.getCell('D2').value).toBe(`'${FORMULA_NAME}`);
    });
  });

  describe('GET /reports/history.csv', () => {
    it('should give an auditor every event of the organisation, oldest first, with its hash chain', async () => {
      const auditor = await fixtures.token('AUDITOR', ['site-north']);
      const download = await get('/reports/history.csv?organizationId=site-north', auditor);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(
        'attachment; filename="site-north-history.csv"',
      );
      const [header, ...rows] = csvRows(download);
      expect(header?.slice(0, 5)).toEqual(['position', 'recorded at', 'stream', 'revision', 'type']);

      const history = await api.mustQuery<{
        history: { edges: { node: { position: number; hash: string } }[] };
      }>('query { history(organizationId: "site-north", first: 50) { edges { node { position hash } } } }');
      expect(rows.map((row) => Number(row[0]))).toEqual(
        history.history.edges.map((edge) => edge.node.position),
      );
      expect(rows.map((row) => row[11])).toEqual(history.history.edges.map((edge) => edge.node.hash));
      expect(rows[0]?.[4]).toBe('OrganizationRegistered');
      expect(JSON.parse(rows[0]?.[13] ?? 'null')).toMatchObject({ organizationId: 'site-north' });
    });

    it('should refuse an assessor as FORBIDDEN, in JSON', async () => {
      const assessor = await fixtures.token('ASSESSOR', ['site-north']);
      expectJsonRefusal(
        await get('/reports/history.csv?organizationId=site-north', assessor),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('refusals', () => {
    it('should answer 401 in JSON without a token or with an unknown one', async () => {
      expectJsonRefusal(
        await get('/reports/maturity.csv?organizationId=site-north', null),
        401,
        'UNAUTHENTICATED',
      );
      expectJsonRefusal(
        await get('/reports/maturity.xlsx?organizationId=site-north', 'token-0000.not-a-secret'),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('should answer 400 naming the field when the organisation is missing or a date is malformed', async () => {
      expectJsonRefusal(await get('/reports/maturity.csv'), 400, 'BAD_USER_INPUT', 'organizationId');
      expectJsonRefusal(
        await get('/reports/maturity.xlsx?organizationId=site-north&asOf=yesterday'),
        400,
        'BAD_USER_INPUT',
        'asOf',
      );
      expectJsonRefusal(
        await get('/reports/maturity.csv?organizationId=site-north&knownAt=2024-13-01'),
        400,
        'BAD_USER_INPUT',
        'knownAt',
      );
      expectJsonRefusal(
        await get('/reports/maturity.csv?organizationId=site-north&organizationId=formula-site'),
        400,
        'BAD_USER_INPUT',
        'organizationId',
      );
    });

    it('should answer 404 for an unknown organisation', async () => {
      expectJsonRefusal(
        await get('/reports/maturity.csv?organizationId=no-such-site'),
        404,
        'NOT_FOUND',
        'organizationId',
      );
      expectJsonRefusal(
        await get('/reports/history.csv?organizationId=no-such-site'),
        404,
        'NOT_FOUND',
        'organizationId',
      );
    });

    it('should refuse an organisation the token does not reach, in JSON, without a file', async () => {
      const northOnly = await fixtures.token('PLANNER', ['site-north']);
      const download = await get('/reports/maturity.xlsx?organizationId=formula-site', northOnly);
      expect([403, 404]).toContain(download.status);
      expectJsonRefusal(download, download.status, download.status === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
      expect(download.body.toString('utf8')).not.toContain('Formula site');
    });
  });

  describe('GET /reports/comparison.csv and comparison.xlsx', () => {
    interface Compared {
      organizationId: string;
      customerCentricityIndex: number | null;
      alignmentIndex: number | null;
      targetAttainment: number | null;
      coverage: number;
      capabilityLevels: { capabilityId: string; level: number | null }[];
    }
    const compared = async (asOf: string): Promise<Compared[]> =>
      (
        await api.mustQuery<{ compareOrganizations: Compared[] }>(
          'query($a: DateTime) { compareOrganizations(organizationIds: ["site-north", "formula-site"], asOf: $a) { organizationId customerCentricityIndex alignmentIndex targetAttainment coverage capabilityLevels { capabilityId level } } }',
          { a: asOf },
        )
      ).compareOrganizations;
    const text = (value: number | null) => (value === null ? '' : String(value));

    it('should answer one row per organisation, in the order asked, with the figures compareOrganizations gives', async () => {
      const download = await get(
        '/reports/comparison.csv?organizationIds=site-north,formula-site&asOf=2024-03-31',
      );
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="organizations-compared-as-of-2024-03-31-known-at-[\dTZ-]+\.csv"$/,
      );
      const [header, ...rows] = csvRows(download);
      expect(header).toEqual([
        'organisation id',
        'organisation',
        'customer-centricity index',
        'alignment index',
        'target attainment',
        'coverage',
        'provisional',
        'ratings from',
        'alignment pairs',
        'Customer insight level',
        'Service recovery level',
      ]);
      const expected = await compared('2024-03-31');
      expect(rows).toEqual(
        expected.map((site): unknown[] => [
          site.organizationId,
          site.organizationId === 'site-north' ? 'Interlodge North' : 'Formula site',
          text(site.customerCentricityIndex),
          text(site.alignmentIndex),
          text(site.targetAttainment),
          text(site.coverage),
          // Both assessments are still open: the figures say so, as the Compare screen does.
          expect.stringMatching(/^Provisional: includes .*-q1 \(period end 2024-03-31\), still open/),
          // Whose ratings and which pairs, as the Compare screen says them: the file stands alone.
          'self 2 ratings only',
          'no links declared: every pair assumed',
          text(site.capabilityLevels.find((level) => level.capabilityId === 'insight')?.level ?? null),
          text(site.capabilityLevels.find((level) => level.capabilityId === 'recovery')?.level ?? null),
        ]),
      );
      // North, as of Q1: front desk insight 2, housekeeping insight 4, so the mean level is 3.
      expect(rows[0]?.[9]).toBe('3');
    });

    it('should hold the comparison as typed numbers in a workbook, as known at the instant asked', async () => {
      const download = await get(
        '/reports/comparison.xlsx?organizationIds=formula-site,site-north&asOf=2024-06-30&knownAt=2030-01-01T10:30:00Z',
      );
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(
        'attachment; filename="organizations-compared-as-of-2024-06-30-known-at-2030-01-01T10-30-00Z.xlsx"',
      );
      const sheet = (await workbook(download)).getWorksheet('Organisations compared')!;
      expect(sheet.rowCount).toBe(3);
      expect(sheet.getCell('A2').value).toBe('formula-site');
      expect(sheet.getCell('A3').value).toBe('site-north');
      const north = (await compared('2024-06-30')).find((site) => site.organizationId === 'site-north')!;
      expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.Number);
      expect(sheet.getCell('C3').value).toBe(north.customerCentricityIndex);
      expect(sheet.getCell('F3').value).toBe(north.coverage);
      // North as of Q2: self on three cells, a customer on one; no link declared.
      expect(sheet.getCell('H3').value).toBe('self 3 · customer 1 ratings');
      expect(sheet.getCell('I3').value).toBe('no links declared: every pair assumed');
      // North's Q2 front desk insight (4 + 2 * 3) / 3 and housekeeping 4: a mean of 11/3.
      expect(sheet.getCell('J3').value as number).toBeCloseTo(11 / 3, 12);
    });

    it('should count the links an organisation declared, as the Compare screen does', async () => {
      await fixtures.site('site-linked', 'Linked site');
      await api.mustQuery(
        'mutation { linkFunctions(input: { organizationId: "site-linked", from: "front-desk", to: "housekeeping", weight: 2 }) { id } }',
      );
      const [header, linked] = csvRows(await get('/reports/comparison.csv?organizationIds=site-linked'));
      expect(linked?.[header!.indexOf('alignment pairs')]).toBe('1 link declared');
      expect(linked?.[header!.indexOf('ratings from')]).toBe('no rating yet');
    });

    it('should answer an organisation the token does not reach exactly as one that does not exist, without a file', async () => {
      const northOnly = await fixtures.token('AUDITOR', ['site-north']);
      const elsewhere = await get(
        '/reports/comparison.csv?organizationIds=site-north,formula-site',
        northOnly,
      );
      const nowhere = await get('/reports/comparison.csv?organizationIds=site-north,no-such-site', northOnly);
      expectJsonRefusal(elsewhere, 404, 'NOT_FOUND', 'organizationIds');
      expect(elsewhere.body.toString('utf8')).toBe(nowhere.body.toString('utf8'));
      expect(elsewhere.body.toString('utf8')).not.toContain('Formula site');
      // Its own organisation alone it may take.
      expect((await get('/reports/comparison.csv?organizationIds=site-north', northOnly)).status).toBe(200);
    });

    it('should answer 400 naming the field when the organisations are missing or a date is malformed', async () => {
      expectJsonRefusal(await get('/reports/comparison.csv'), 400, 'BAD_USER_INPUT', 'organizationIds');
      expectJsonRefusal(
        await get('/reports/comparison.xlsx?organizationIds=site-north&knownAt=yesterday'),
        400,
        'BAD_USER_INPUT',
        'knownAt',
      );
    });
  });
});
