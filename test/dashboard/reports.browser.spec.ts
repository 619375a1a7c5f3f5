// The steering committee's journey in real Chromium against the real api with the demo: the
// heatmap's change since the previous cycle, "compare two dates", a download, the board report
// printed to PDF (one A4 landscape page, read back with PDF.js), and two sites side by side.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { captureScreen, pageProblems, startJourney, type Journey } from './browser-journey';

jest.setTimeout(300_000);

const run = promisify(execFile);
const PDF_TEXT = path.resolve(__dirname, '..', 'support', 'pdf-text.mjs');
const FUNCTIONS = ['Front desk', 'Housekeeping', 'Maintenance', 'Sales', 'Laundry partner (external)'];

interface Indices {
  customerCentricityIndex: number | null;
  alignmentIndex: number | null;
  targetAttainment: number | null;
}

describe('Reports journey (browser)', () => {
  let journey: Journey;
  let page: Page;
  let scratch: string;

  const oneDecimal = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

  beforeAll(async () => {
    journey = await startJourney('reports-browser');
    scratch = mkdtempSync(path.join(tmpdir(), 'reports-browser-files-'));
    await journey.graphql('mutation { loadDemo { organizationId } }');
    // A new cycle in which only the front desk's customer insight moves: 3 -> 4.
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "interlodge", assessmentId: "interlodge-2026-q1", title: "2026 Q1", periodEnd: "2026-03-31" }) { id } }',
    );
    await journey.graphql(
      'mutation { recordRating(input: { assessmentId: "interlodge-2026-q1", functionId: "front-desk", capabilityId: "customer-insight", level: 4, source: SELF }) { id } }',
    );
    // A second site of the group on the same model.
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "interlodge-lakeside", name: "Interlodge Lakeside" }) { id } }',
    );
    for (const [functionId, name] of [
      ['front-desk', 'Lakeside front desk'],
      ['housekeeping', 'Lakeside housekeeping'],
    ])
      await journey.graphql(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "interlodge-lakeside", functionId: $f, name: $n }) { id } }',
        { f: functionId, n: name },
      );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "interlodge-lakeside", assessmentId: "lakeside-q1", title: "Q1", periodEnd: "2026-03-31" }) { id } }',
    );
    for (const [functionId, level] of [
      ['front-desk', 5],
      ['housekeeping', 3],
    ] as const)
      await journey.graphql(
        'mutation($f: ID!, $l: Int!) { recordRating(input: { assessmentId: "lakeside-q1", functionId: $f, capabilityId: "customer-insight", level: $l, source: SELF }) { id } }',
        { f: functionId, l: level },
      );
    page = await journey.signIn();
  });

  afterAll(async () => {
    await journey.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('should show on each heatmap cell its change since the previous cycle', async () => {
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
    await page.waitForSelector('[data-testid="change-since"]');
    expect(await page.textContent('[data-testid="change-since"]')).toContain('31 Dec 2025');

    const moved = page.locator('[data-cell="front-desk:customer-insight"] .heatmap__change');
    await expect(moved.textContent()).resolves.toBe('▲ +1.0');
    expect(await moved.getAttribute('data-change')).toBe('1.00');
    const still = page.locator('[data-cell="housekeeping:customer-insight"] .heatmap__change');
    expect(await still.getAttribute('data-change')).toBe('0.00');
    const label = await page
      .locator('[data-cell="front-desk:customer-insight"] button')
      .getAttribute('aria-label');
    expect(label).toContain('up 1.0 since the earlier date');
  });

  it('should compare two dates: the indices at both and the one cell that moved', async () => {
    await page.click('[data-screen="reports"]');
    const comparison = page.locator('[data-testid="date-comparison"]');
    await comparison.locator('[data-cell-change]').first().waitFor();
    expect(await comparison.locator('[data-cell-change]').count()).toBe(1);
    const row = comparison.locator('[data-cell-change="front-desk:customer-insight"]');
    expect(await row.textContent()).toContain('▲ +1.0');

    const { maturityChange } = await journey.graphql<{ maturityChange: { before: Indices; after: Indices } }>(
      '{ maturityChange(organizationId: "interlodge", from: "2025-12-31", to: "2026-03-31") { before { customerCentricityIndex alignmentIndex targetAttainment } after { customerCentricityIndex alignmentIndex targetAttainment } } }',
    );
    const cci = await comparison.locator('[data-index="customerCentricityIndex"]').textContent();
    expect(cci).toContain(oneDecimal(maturityChange.before.customerCentricityIndex));
    expect(cci).toContain(oneDecimal(maturityChange.after.customerCentricityIndex));
  });

  it('should download the workbook with the signed-in token', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="maturity-xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toBe('interlodge-maturity.xlsx');
    const file = path.join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet('Cells')?.rowCount).toBe(1 + FUNCTIONS.length * 11);
    expect(book.getWorksheet('Indices over time')?.rowCount).toBe(1 + 9);
  });

  it('should print the board report to one A4 landscape PDF page with the name, the indices and every function', async () => {
    await page.waitForSelector('[data-testid="board-report"] [data-investment]');
    const pdf = path.join(scratch, 'board-report.pdf');
    await page.pdf({
      path: pdf,
      format: 'A4',
      landscape: true,
      preferCSSPageSize: true,
      printBackground: true,
    });

    const { stdout } = await run(process.execPath, [PDF_TEXT, pdf]);
    const { pages, text } = JSON.parse(stdout) as { pages: number; text: string[] };
    expect(pages).toBe(1);
    const [printed = ''] = text;
    const { maturity } = await journey.graphql<{ maturity: Indices & { coverage: number } }>(
      '{ maturity(organizationId: "interlodge") { customerCentricityIndex alignmentIndex targetAttainment coverage } }',
    );
    expect(printed).toContain('Interlodge Hotels');
    for (const value of [
      maturity.customerCentricityIndex,
      maturity.alignmentIndex,
      maturity.targetAttainment,
    ])
      expect(printed).toContain(oneDecimal(value));
    expect(printed).toContain(`${Math.round(maturity.coverage * 100)}%`);
    for (const name of FUNCTIONS) expect(printed).toContain(name);
    expect(printed).toContain('Weakest links');
    expect(printed).toContain('Guest engagement training, second round');
    expect(printed).toMatch(/alignment falls/);
    expect(printed).toContain('as known at everything recorded');
    // Only the report prints: not the page's navigation or the other panels.
    expect(printed).not.toContain('Compare two dates');
    expect(printed).not.toContain('Sign out');

    await page.click('[data-screen="reports"]');
    await captureScreen(page, 'reports');
  });

  it('should put the two sites side by side', async () => {
    await page.click('[data-screen="compare"]');
    const grid = page.locator('[data-testid="compare-organizations"] table');
    await grid.locator('[data-organization-column="interlodge-lakeside"]').waitFor();
    const { compareOrganizations } = await journey.graphql<{
      compareOrganizations: (Indices & { organizationId: string })[];
    }>(
      '{ compareOrganizations(organizationIds: ["interlodge", "interlodge-lakeside"]) { organizationId customerCentricityIndex alignmentIndex targetAttainment } }',
    );
    const cciRow = await grid.locator('tbody tr').first().textContent();
    for (const site of compareOrganizations)
      expect(cciRow).toContain(oneDecimal(site.customerCentricityIndex));
    // Lakeside rates customer insight only: (5 + 3) / 2 = 4.
    expect(await grid.locator('[data-capability="customer-insight"]').textContent()).toContain('4.0');
    await captureScreen(page, 'compare-organizations');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should offer the history download to an auditor only, and say a non-planner sees no warnings', async () => {
    const auditor = await journey.signIn(await journey.issueToken('AUDITOR', ['interlodge']));
    await auditor.click('[data-screen="reports"]');
    await auditor.waitForSelector('[data-testid="board-report"]');
    expect(await auditor.locator('[data-download="history-csv"]').count()).toBe(1);
    expect(await auditor.textContent('[data-testid="board-report"]')).toContain(
      'Warnings need a planner token',
    );

    const assessor = await journey.signIn(await journey.issueToken('ASSESSOR', ['interlodge']));
    await assessor.click('[data-screen="reports"]');
    await assessor.waitForSelector('[data-download="maturity-csv"]');
    expect(await assessor.locator('[data-download="history-csv"]').count()).toBe(0);
    expect(pageProblems(auditor)).toEqual([]);
    expect(pageProblems(assessor)).toEqual([]);
  });

  it('should fit every function of a large organisation on the printed page, none cut off', async () => {
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "many-branches", name: "Many Branches Bank" }) { id } }',
    );
    for (let branch = 1; branch <= 30; branch += 1)
      await journey.graphql(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "many-branches", functionId: $f, name: $n }) { id } }',
        { f: `branch-${branch}`, n: `Branch ${branch}` },
      );
    const large = await journey.signIn();
    await large.goto(`${journey.api.baseUrl}/?view=reports&org=many-branches`);
    await large.waitForSelector('[data-testid="board-report"] .board-heatmap tbody tr');
    await large.emulateMedia({ media: 'print' });
    // The report is clipped to one page: the last row must end inside it.
    const { reportBottom, lastRowBottom, rows } = await large.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: {
          querySelector(selector: string): { getBoundingClientRect(): { bottom: number } };
          querySelectorAll(selector: string): { length: number };
        };
      };
      return {
        reportBottom: document.querySelector('[data-testid="board-report"]').getBoundingClientRect().bottom,
        lastRowBottom: document
          .querySelector('[data-testid="board-report"] .board-heatmap tbody tr:last-child')
          .getBoundingClientRect().bottom,
        rows: document.querySelectorAll('[data-testid="board-report"] .board-heatmap tbody tr').length,
      };
    });
    expect(rows).toBe(30);
    expect(lastRowBottom).toBeLessThanOrEqual(reportBottom);
    expect(pageProblems(large)).toEqual([]);
  });
});
