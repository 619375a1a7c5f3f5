// `npm run cli -- report` through the built CLI on a real store: the same file the api serves,
// written whole or not at all, with clear exit codes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT } from '../../apps/cli/src/exit-codes';
import { buildCli, runCli } from '../audit/cli-runner';
import { startTestApi } from '../support/test-api';
import { northSite, ReportFixtures } from './report-fixtures';

describe('npm run cli -- report', () => {
  let dataDir: string;
  let outDir: string;
  let servedCsv: Buffer;

  beforeAll(async () => {
    buildCli();
    dataDir = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
    outDir = mkdtempSync(path.join(tmpdir(), 'report-cli-out-'));
    const api = await startTestApi({ dataDir });
    try {
      const fixtures = new ReportFixtures(api);
      await fixtures.publishSmallModel();
      await northSite(fixtures);
      const response = await fetch(
        `${api.baseUrl}/reports/maturity.csv?organizationId=site-north&asOf=2024-06-30`,
        {
          headers: { authorization: `Bearer ${api.adminToken}` },
        },
      );
      servedCsv = Buffer.from(await response.arrayBuffer());
    } finally {
      await api.close();
    }
  }, 120_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('should write the same CSV the api serves', async () => {
    const out = path.join(outDir, 'north.csv');
    const run = await runCli(dataDir, [
      'report',
      '--org',
      'site-north',
      '--format',
      'csv',
      '--out',
      out,
      '--as-of',
      '2024-06-30',
    ]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain(`to ${out}`);
    expect(readFileSync(out)).toEqual(servedCsv);
  }, 60_000);

  it('should write an XLSX with the cells, indices over time and weakest links', async () => {
    const out = path.join(outDir, 'north.xlsx');
    const run = await runCli(dataDir, ['report', '--org', 'site-north', '--format', 'xlsx', '--out', out]);
    expect(run.code).toBe(EXIT.ok);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet('Cells')?.rowCount).toBe(5);
    expect(book.getWorksheet('Indices over time')?.rowCount).toBe(3);
    expect(book.getWorksheet('Weakest links')?.getCell('E2').value as number).toBeCloseTo(2 / 3, 12);
  }, 60_000);

  it('should refuse an unknown format as a usage error and write nothing', async () => {
    const out = path.join(outDir, 'north.pdf');
    const run = await runCli(dataDir, ['report', '--org', 'site-north', '--format', 'pdf', '--out', out]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('--format must be csv or xlsx');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('should refuse an unknown organisation or a malformed date naming the option, leaving no file', async () => {
    const out = path.join(outDir, 'refused.csv');
    const unknown = await runCli(dataDir, [
      'report',
      '--org',
      'no-such-site',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(unknown.code).toBe(EXIT.refused);
    expect(unknown.stderr).toContain('error: --org: ');
    const malformed = await runCli(dataDir, [
      'report',
      '--org',
      'site-north',
      '--format',
      'csv',
      '--out',
      out,
      '--known-at',
      'last week',
    ]);
    expect(malformed.code).toBe(EXIT.refused);
    expect(malformed.stderr).toContain('error: --known-at must be');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(outDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('should say where it could not write, with the failure exit code', async () => {
    const out = path.join(outDir, 'missing-folder', 'north.csv');
    const run = await runCli(dataDir, ['report', '--org', 'site-north', '--format', 'csv', '--out', out]);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain(`could not write ${out}`);
  }, 60_000);
});
