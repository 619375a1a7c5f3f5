// The steering committee's journey in real Chromium against the real api with the demo: the
// heatmap's change since the previous cycle, "compare two dates", a download, the board report
// printed to PDF (one A4 landscape page, read back with PDF.js) with what deployed investments
// delivered, and two sites side by side.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { captureScreen, pageProblems, printToPdf, startJourney, type Journey } from './browser-journey';

jest.setTimeout(300_000);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FUNCTIONS = ['Front desk', 'Housekeeping', 'Maintenance', 'Sales', 'Laundry partner (external)'];

interface Measurement {
  title: string;
  periodEnd: string;
  open: boolean;
  actual: number;
  ratio: number | null;
}

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
    // The 2026 Q1 cycle is still open: the arrows say which two dates they compare, and that the
    // later one is provisional.
    const since = await page.textContent('[data-testid="change-since"]');
    expect(since).toContain('31 Dec 2025 compared with 31 Mar 2026');
    expect(since).toContain('includes an open cycle (provisional)');
    expect(await page.textContent('[data-testid="provisional-note"]')).toBe(
      '◐ Provisional: includes 2026 Q1 (31 Mar 2026), still open, which decides 1 of 55 cells. Open assessments count; these numbers may change until it closes.',
    );

    const moved = page.locator('[data-cell="front-desk:customer-insight"] .heatmap__change');
    await expect(moved.textContent()).resolves.toBe('▲ +1.0');
    expect(await moved.getAttribute('data-change')).toBe('1.00');
    const still = page.locator('[data-cell="housekeeping:customer-insight"] .heatmap__change');
    expect(await still.getAttribute('data-change')).toBe('0.00');
    const label = await page
      .locator('[data-cell="front-desk:customer-insight"] button')
      .getAttribute('aria-label');
    expect(label).toContain('up 1.0 since the earlier date');

    // The index cards say their change since the last closed cycle, in the board report's words.
    for (const index of ['customerCentricityIndex', 'alignmentIndex', 'targetAttainment'])
      await expect(page.textContent(`[data-testid="change-${index}"]`)).resolves.toMatch(
        /^([+−]\d+\.\d|0\.0) since 31 Dec 2025 \(provisional\)$/,
      );
  });

  it('should leave the open cycle out of the Overview while Include open assessments is off', async () => {
    const frontDesk = page.locator('[data-cell="front-desk:customer-insight"] button');
    await expect(frontDesk.innerText()).resolves.toContain('4.0');
    const include = page.locator('[data-testid="include-open"] input');
    await expect(include.isChecked()).resolves.toBe(true);
    await include.uncheck();
    // The latest closed cycle decides again: no provisional note, marks or open cycle in the change.
    await page.waitForSelector('[data-testid="provisional-note"]', { state: 'detached' });
    await page.waitForSelector('[data-testid="change-since"]:has-text("compared with 31 Dec 2025.")');
    await expect(frontDesk.innerText()).resolves.toContain('3.0');
    await expect(page.textContent('[data-testid="change-customerCentricityIndex"]')).resolves.not.toContain(
      'provisional',
    );
    await include.check();
    await page.waitForSelector('[data-testid="provisional-note"]');
    await expect(frontDesk.innerText()).resolves.toContain('4.0');
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
    // Named by the dates it is of: the latest cycle, and the moment it was made.
    expect(download.suggestedFilename()).toMatch(
      /^interlodge-maturity-as-of-2026-03-31-known-at-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.xlsx$/,
    );
    const file = path.join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet('Cells')?.rowCount).toBe(1 + FUNCTIONS.length * 11);
    expect(book.getWorksheet('Indices over time')?.rowCount).toBe(1 + 9);
  });

  it('should print the board report to one A4 landscape PDF page with the name, the indices and every function', async () => {
    await page.waitForSelector('[data-testid="board-report"] [data-investment]');
    const { pages, text } = await printToPdf(page, path.join(scratch, 'board-report.pdf'));
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
    expect(printed).toContain('with everything recorded');
    // The latest cycle is open: the stamp and a note say the numbers are provisional.
    expect(printed).toContain('31 Mar 2026 (latest cycle, still open: provisional)');
    expect(printed).toContain('Provisional: includes 2026 Q1');
    expect(printed).toContain('since 31 Dec 2025 (provisional)');
    // The heat colours have their legend on paper, and each cell its gap against the target.
    for (const label of ['2+ below', '1–2 below', 'on target', 'no target set'])
      expect(printed).toContain(label);
    expect(printed).toMatch(/▼ \d\.\d below \d/);
    expect(printed).toContain('○ open cycle, provisional');
    // Did the money deliver? The deployed training, expected against realised as the api measures
    // it; the Q1 cycle that measures it is still open, so the figure is marked provisional.
    const { investmentRealisation } = await journey.graphql<{
      investmentRealisation: { predicted: number; measuredBy: Measurement };
    }>(
      '{ investmentRealisation(investmentId: "guest-engagement-training-2024") { predicted measuredBy { title periodEnd open actual ratio } } }',
    );
    const { predicted, measuredBy } = investmentRealisation;
    expect(measuredBy).toMatchObject({ title: '2026 Q1', open: true });
    expect(printed).toContain('Deployed and delivered');
    expect(printed).toMatch(
      new RegExp(
        `Guest engagement training 2024 \\(front desk soft skills\\)\\s+· deployed 1 Jul 2024 · 55,000 · expected \\+${predicted.toFixed(2)} levels, realised\\s+\\+${measuredBy.actual.toFixed(2)}\\s+\\(${Math.round((measuredBy.ratio ?? 0) * 100)}% of expected\\) ◐ provisional, measured by 2026 Q1 \\(31 Mar 2026, still open\\)`,
      ),
    );
    // Only the report prints: not the page's navigation or the other panels.
    expect(printed).not.toContain('Compare two dates');
    expect(printed).not.toContain('Sign out');

    await page.click('[data-screen="reports"]');
    await captureScreen(page, 'reports');
  });

  it('should show on the board report what was delivered as of an earlier report date', async () => {
    const { investmentRealisation } = await journey.graphql<{
      investmentRealisation: { measurements: Measurement[] };
    }>(
      '{ investmentRealisation(investmentId: "guest-engagement-training-2024") { measurements { title periodEnd open actual ratio } } }',
    );
    const asOf = '2025-12-31';
    const closed = investmentRealisation.measurements.filter(
      (measurement) => measurement.periodEnd.slice(0, 10) <= asOf,
    );
    const last = closed.at(-1);
    expect(last).toMatchObject({ open: false });
    const delivered = page.locator('[data-testid="board-delivered"]');
    await page.selectOption('[data-testid="report-as-of"]', { label: asOf });
    await delivered
      .locator(`li:has-text("measured by ${last?.title ?? ''} (31 Dec 2025, closed)")`)
      .waitFor();
    const line = await delivered.locator('[data-delivered="guest-engagement-training-2024"]').innerText();
    expect(line).toContain(`realised ${last && last.actual >= 0 ? '+' : ''}${last?.actual.toFixed(2) ?? ''}`);
    expect(line).not.toContain('provisional');
    // Before the training was deployed (1 Jul 2024) the board had nothing deployed to report.
    await page.selectOption('[data-testid="report-as-of"]', { label: '2024-03-31' });
    await delivered.locator('text=No investment deployed yet.').waitFor();
    await page.selectOption('[data-testid="report-as-of"]', { label: 'Latest' });
    await delivered.locator('li:has-text("◐ provisional")').waitFor();
  });

  it('should keep the board report on the last cycle with data while a new cycle has no rating yet', async () => {
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "quiet-site", name: "Quiet Site" }) { id } }',
    );
    await journey.graphql(
      'mutation { addFunction(input: { organizationId: "quiet-site", functionId: "front-desk", name: "Front desk" }) { id } }',
    );
    for (const [id, title, periodEnd, level] of [
      ['quiet-q3', '2025 Q3', '2025-09-30', 2],
      ['quiet-q4', '2025 Q4', '2025-12-31', 3],
    ] as const) {
      await journey.graphql(
        'mutation($i: ID!, $t: String!, $p: DateTime!) { openAssessment(input: { organizationId: "quiet-site", assessmentId: $i, title: $t, periodEnd: $p }) { id } }',
        { i: id, t: title, p: periodEnd },
      );
      await journey.graphql(
        'mutation($i: ID!, $l: Int!) { recordRating(input: { assessmentId: $i, functionId: "front-desk", capabilityId: "customer-insight", level: $l, source: SELF }) { id } }',
        { i: id, l: level },
      );
      await journey.graphql('mutation($i: ID!) { closeAssessment(assessmentId: $i) { id } }', { i: id });
    }
    // Opened, nothing rated yet: the numbers are still December's.
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "quiet-site", assessmentId: "quiet-q1", title: "2026 Q1", periodEnd: "2026-03-31" }) { id } }',
    );
    const quiet = await journey.signIn();
    await quiet.goto(`${journey.api.baseUrl}/?view=reports&org=quiet-site`);
    const report = quiet.locator('[data-testid="board-report"]');
    await report.locator('.board-report__index').first().waitFor();
    const stamp = await report.locator('[data-testid="board-report-stamp"]').innerText();
    expect(stamp).toContain('As of 31 Dec 2025 (latest cycle)');
    expect(stamp).not.toContain('31 Mar 2026');
    await expect(report.locator('[data-testid="opened-note"]').innerText()).resolves.toBe(
      '2026 Q1 (31 Mar 2026) opened, no ratings yet: the numbers are those of the cycles before it.',
    );
    expect(await report.locator('[data-testid="provisional-note"]').count()).toBe(0);
    const changes = await report.locator('.board-report__index-change').allInnerTexts();
    // One function and no target: only the customer-centricity index has a value to compare.
    expect(changes[0]).toMatch(/^\+\d+\.\d since 30 Sept? 2025$/);
    expect(changes.join(' ')).not.toMatch(/since 31 Dec 2025|provisional/);
    expect(await report.locator('.trend circle.trend__dot--provisional').count()).toBe(0);
    // The Overview's index cards read the same rule. Its cycles are held back here until the indices
    // are shown: the cards wait for them, never saying "no earlier cycle" in the meantime.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await quiet.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query Overview') === true) await held;
      await route.continue();
    });
    await quiet.click('[data-screen="overview"]');
    await quiet.locator('[data-testid="index-customerCentricityIndex"]', { hasText: /\d/ }).waitFor();
    await quiet.waitForTimeout(200);
    expect(await quiet.locator('[data-testid="change-customerCentricityIndex"]').count()).toBe(0);
    release();
    await expect(
      quiet.locator('[data-testid="change-customerCentricityIndex"]').innerText(),
    ).resolves.toMatch(/^\+\d+\.\d since 30 Sept? 2025$/);
    expect(pageProblems(quiet)).toEqual([]);
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
    // What each column rests on: both include an open cycle (provisional, as the Overview says);
    // Lakeside declared no links, so its alignment assumed every pair; and whose ratings they are.
    await grid.locator('[data-context="sources"] td:has-text("ratings")').first().waitFor();
    for (const site of ['interlodge', 'interlodge-lakeside'])
      await expect(
        grid.locator(`[data-organization-column="${site}"] [data-testid="compare-provisional"]`).innerText(),
      ).resolves.toBe('◐ Provisional');
    await expect(page.locator('[data-provisional-organization="interlodge"]').innerText()).resolves.toMatch(
      /^◐ Interlodge.*: Provisional: includes 2026 Q1 \(31 Mar 2026\), still open/,
    );
    const links = await grid.locator('[data-context="links"] td').allInnerTexts();
    expect(links[1]).toBe('no links declared: every pair assumed');
    expect(links[0]).toMatch(/^\d+ links? declared$/);
    const sources = await grid.locator('[data-context="sources"] td').allInnerTexts();
    expect(sources[1]).toBe('self 2 ratings only');
    expect(sources[0]).toMatch(/^self \d+ · peer \d+ · customer \d+/);
    await captureScreen(page, 'compare-organizations');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should compare the sites as of a day and as known at a day, as the api reads those days', async () => {
    const grid = page.locator('[data-testid="compare-organizations"] table');
    const cciRow = grid.locator('tbody tr').first();
    const compare = async (asOf: string | null, knownAt: string | null) =>
      (
        await journey.graphql<{ compareOrganizations: Indices[] }>(
          'query($a: DateTime, $k: DateTime) { compareOrganizations(organizationIds: ["interlodge", "interlodge-lakeside"], asOf: $a, knownAt: $k) { customerCentricityIndex alignmentIndex targetAttainment } }',
          { a: asOf, k: knownAt },
        )
      ).compareOrganizations;
    // As of the end of 31 Dec 2025: the open 2026 Q1 cycles are after it, so nothing is provisional
    // and Lakeside, first rated in Q1, has no figures yet.
    await page.fill('[data-field="compareAsOf"] input', '2025-12-31');
    const asOf = await compare('2025-12-31T23:59:59.999Z', null);
    expect(asOf[1]?.customerCentricityIndex).toBeNull();
    await grid
      .locator('tbody tr')
      .first()
      .locator(`td:has-text("${oneDecimal(asOf[0]?.customerCentricityIndex ?? null)}")`)
      .waitFor();
    expect(await cciRow.locator('td').allInnerTexts()).toEqual(
      asOf.map((site) => oneDecimal(site.customerCentricityIndex)),
    );
    // Each site's own view (its open assessments) is asked apart from the grid: wait for it too.
    await grid.locator('[data-testid="compare-provisional"]').first().waitFor({ state: 'detached' });
    expect(await grid.locator('[data-testid="compare-provisional"]').count()).toBe(0);
    await expect(page.textContent('[data-testid="compare-when"]')).resolves.toContain(
      'as of 31 Dec 2025, with everything recorded',
    );
    // The file holds what the page shows: the same sites, as of the same day, at full precision.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="comparison-csv"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^organizations-compared-as-of-2025-12-31T23-59-59Z-known-at-[\dTZ-]+\.csv$/,
    );
    const file = path.join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      new RegExp(`^interlodge,Interlodge Hotels,${String(asOf[0]?.customerCentricityIndex)},`),
    );
    expect(lines[2]).toMatch(/^interlodge-lakeside,Interlodge Lakeside,,/);
    // As known at the start of today: what this journey recorded today (the Q1 front-desk rating)
    // is not known yet, in the page as in the api.
    const today = new Date().toISOString().slice(0, 10);
    await page.fill('[data-field="compareAsOf"] input', '');
    await page.fill('[data-field="compareKnownAt"] input', today);
    const knownAt = await compare(null, `${today}T00:00:00.000Z`);
    const now = await compare(null, null);
    expect(knownAt[0]?.customerCentricityIndex).not.toBe(now[0]?.customerCentricityIndex);
    await cciRow
      .locator(`td:has-text("${oneDecimal(knownAt[0]?.customerCentricityIndex ?? null)}")`)
      .waitFor();
    expect(await cciRow.locator('td').allInnerTexts()).toEqual(
      knownAt.map((site) => oneDecimal(site.customerCentricityIndex)),
    );
    await expect(page.textContent('[data-testid="compare-when"]')).resolves.toContain(
      `as of today, as known at ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date())}, 00:00:00 UTC`,
    );
    await page.fill('[data-field="compareKnownAt"] input', '');
    await cciRow.locator(`td:has-text("${oneDecimal(now[0]?.customerCentricityIndex ?? null)}")`).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('should offer the history download to an auditor only, and say a non-planner sees no warnings', async () => {
    const auditor = await journey.signIn(await journey.issueToken('AUDITOR', ['interlodge']));
    await auditor.click('[data-screen="reports"]');
    await auditor.waitForSelector('[data-testid="board-report"]');
    expect(await auditor.locator('[data-download="history-csv"]').count()).toBe(1);
    // A board document says nothing of tokens: only that the warnings are not in it.
    const board = await auditor.textContent('[data-testid="board-report"]');
    expect(board).toContain('Investment warnings not included.');
    expect(board).not.toMatch(/token|simulate/i);

    // Compare, for a sign-in reaching one organisation: a plain note, not a one-column grid.
    await auditor.click('[data-screen="compare"]');
    await expect(auditor.textContent('[data-testid="compare-single"]')).resolves.toBe(
      'Your sign-in reaches one organisation only, Interlodge Hotels: there is no other to compare it with. Its figures are on the Overview and in Reports.',
    );
    expect(await auditor.locator('[data-testid="compare-organizations"] table').count()).toBe(0);

    const assessor = await journey.signIn(await journey.issueToken('ASSESSOR', ['interlodge']));
    await assessor.click('[data-screen="reports"]');
    await assessor.waitForSelector('[data-download="maturity-csv"]');
    expect(await assessor.locator('[data-download="history-csv"]').count()).toBe(0);
    expect(pageProblems(auditor)).toEqual([]);
    expect(pageProblems(assessor)).toEqual([]);
  });

  it('should show the one cycle so far as a point, and a one-month lag in the singular', async () => {
    await journey.graphql(
      'mutation { planInvestment(input: { organizationId: "interlodge-lakeside", investmentId: "lakeside-huddle", name: "Morning huddle", kind: OPERATIONAL, cost: 1200, lagMonths: 1, effects: [{ functionId: "front-desk", capabilityId: "customer-insight", low: 0.1, likely: 0.2, high: 0.3 }] }) { id } }',
    );
    const lakeside = await journey.signIn();
    await lakeside.goto(`${journey.api.baseUrl}/?view=reports&org=interlodge-lakeside`);
    const report = lakeside.locator('[data-testid="board-report"]');
    await report.locator('[data-investment="lakeside-huddle"]').waitFor();
    await lakeside.emulateMedia({ media: 'print' });
    expect(await report.locator('[data-investment="lakeside-huddle"]').textContent()).toContain('· 1 month');
    expect(await report.locator('[data-investment="lakeside-huddle"]').textContent()).not.toContain('months');
    // One cycle: a dot per index (hollow: the cycle is open) and a note, not empty axes.
    expect(await report.locator('.trend circle').count()).toBeGreaterThan(0);
    expect(await report.locator('.trend circle.trend__dot--provisional').count()).toBe(
      await report.locator('.trend circle').count(),
    );
    expect(await report.locator('[data-testid="trend-one-cycle"]').textContent()).toContain(
      'One cycle so far',
    );
    await lakeside.emulateMedia({ media: 'screen' });

    // The Overview's indices chart centres the lone cycle: its dot sits mid-chart, not at the left
    // edge of an axis running years on. Read where the CCI colour is painted on the canvas.
    await lakeside.click('[data-screen="overview"]');
    await lakeside.waitForSelector('.indices-chart canvas');
    await lakeside.waitForTimeout(300);
    const dot = await lakeside.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: {
          querySelector(selector: string): {
            width: number;
            height: number;
            getContext(kind: '2d'): {
              getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
            };
          };
        };
      };
      const canvas = document.querySelector('.indices-chart canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const columns: number[] = [];
      for (let index = 0; index < data.length; index += 4) {
        // #0072b2, the customer-centricity series.
        if (data[index] === 0 && data[index + 1] === 0x72 && data[index + 2] === 0xb2)
          columns.push((index / 4) % canvas.width);
      }
      return { width: canvas.width, left: Math.min(...columns), right: Math.max(...columns) };
    });
    expect(dot.right - dot.left).toBeLessThan(20);
    expect(dot.left / dot.width).toBeGreaterThan(0.35);
    expect(dot.right / dot.width).toBeLessThan(0.65);
    expect(pageProblems(lakeside)).toEqual([]);
  });

  it('should print every function of a large organisation and its latest four deployed investments, none cut off', async () => {
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "many-branches", name: "Many Branches Bank" }) { id } }',
    );
    for (let branch = 1; branch <= 30; branch += 1)
      await journey.graphql(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "many-branches", functionId: $f, name: $n }) { id } }',
        { f: `branch-${branch}`, n: `Branch ${branch}` },
      );
    // Six deployed investments: the page holds the latest four and says where the others are.
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "many-branches", assessmentId: "branches-q1", title: "Q1", periodEnd: "2026-03-31" }) { id } }',
    );
    for (let day = 1; day <= 6; day += 1) {
      const id = `branch-programme-${day}`;
      await journey.graphql(
        'mutation($i: ID!, $n: String!) { planInvestment(input: { organizationId: "many-branches", investmentId: $i, name: $n, kind: OPERATIONAL, cost: 10000, lagMonths: 3, effects: [{ functionId: "branch-1", capabilityId: "customer-insight", low: 0.1, likely: 0.2, high: 0.3 }] }) { id } }',
        { i: id, n: `Branch programme ${day}` },
      );
      await journey.graphql('mutation($i: ID!) { approveInvestment(investmentId: $i) { id } }', { i: id });
      await journey.graphql(
        'mutation($i: ID!, $d: DateTime!) { deployInvestment(investmentId: $i, deployedAt: $d) { id } }',
        {
          i: id,
          d: `2026-04-0${day}`,
        },
      );
    }
    const large = await journey.signIn();
    await large.goto(`${journey.api.baseUrl}/?view=reports&org=many-branches`);
    await large.waitForSelector('[data-testid="board-report"] .board-heatmap tbody tr');
    const delivered = large.locator('[data-testid="board-delivered"]');
    await delivered.locator('[data-delivered]').first().waitFor();
    expect(await delivered.locator('[data-delivered]').count()).toBe(6);
    await large.emulateMedia({ media: 'print' });
    const printed = await delivered
      .locator('[data-delivered]:visible')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-delivered')));
    expect(printed).toEqual([6, 5, 4, 3].map((day) => `branch-programme-${day}`));
    await expect(delivered.locator('[data-testid="delivered-unprinted"]').innerText()).resolves.toBe(
      '2 earlier deployed investments are on the Planning screen.',
    );
    // Nothing measured them: no cell had a rating at deployment.
    expect(await delivered.innerText()).toContain('realised: never: no baseline');
    // On paper (a page or two): every branch's row, and the four deployed investments of the page.
    expect(await large.locator('[data-testid="board-report"] .board-heatmap tbody tr').count()).toBe(30);
    const { text } = await printToPdf(large, path.join(scratch, 'board-report-thirty.pdf'));
    const onPaper = text.join(' ').replace(/\s+/g, ' ');
    const missing = [
      ...Array.from({ length: 30 }, (_, index) => `Branch ${index + 1}`),
      ...[6, 5, 4, 3].map((day) => `Branch programme ${day}`),
    ].filter((name) => !new RegExp(`${name}(?!\\d)`).test(onPaper));
    expect(missing).toEqual([]);
    await large.emulateMedia({ media: 'screen' });
    expect(pageProblems(large)).toEqual([]);
  });
  it('should print every function of forty with long names, the heatmap going on under its repeated header, none cut off', async () => {
    const organizationId = 'regional-operations';
    await journey.graphql(
      'mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }',
      { i: { id: organizationId, name: 'Regional Operations International' } },
    );
    const { maturityModels } = await journey.graphql<{
      maturityModels: { capabilities: { id: string; name: string }[] }[];
    }>('{ maturityModels { capabilities { id name } } }');
    const capabilities = maturityModels[0]?.capabilities ?? [];
    const names = Array.from(
      { length: 40 },
      (_, index) => `Regional customer operations unit ${index + 1} (EMEA)`,
    );
    for (const [index, name] of names.entries())
      await journey.graphql('mutation($i: AddFunctionInput!) { addFunction(input: $i) { id } }', {
        i: { organizationId, functionId: `unit-${index + 1}`, name },
      });
    for (let index = 1; index < names.length; index += 1)
      await journey.graphql('mutation($i: LinkFunctionsInput!) { linkFunctions(input: $i) { id } }', {
        i: { organizationId, from: `unit-${index}`, to: `unit-${index + 1}` },
      });
    await journey.graphql('mutation($i: SetTargetsInput!) { setTargets(input: $i) { id } }', {
      i: {
        organizationId,
        targets: capabilities.map((capability) => ({ capabilityId: capability.id, level: 3 })),
      },
    });
    // Two cycles, the second still open: every cell rated, with its gap to the target.
    for (const [cycle, periodEnd] of [
      [1, '2025-06-30'],
      [2, '2025-09-30'],
    ] as const) {
      const assessmentId = `regional-${cycle}`;
      await journey.graphql('mutation($i: OpenAssessmentInput!) { openAssessment(input: $i) { id } }', {
        i: { organizationId, assessmentId, periodEnd, title: `Cycle ${cycle}` },
      });
      const ratings = names.flatMap((_, index) =>
        capabilities.map((capability, column) => ({
          functionId: `unit-${index + 1}`,
          capabilityId: capability.id,
          source: 'SELF',
          level: 1 + ((index + column + cycle) % 5),
        })),
      );
      await journey.graphql('mutation($i: RecordRatingsInput!) { recordRatings(input: $i) { id } }', {
        i: { assessmentId, ratings },
      });
      if (cycle === 1)
        await journey.graphql('mutation($a: ID!) { closeAssessment(assessmentId: $a) { id } }', {
          a: assessmentId,
        });
    }
    const wide = await journey.signIn();
    await wide.goto(`${journey.api.baseUrl}/?view=reports&org=${organizationId}`);
    await wide.waitForSelector('[data-testid="board-report"] .board-heatmap tbody tr');
    await wide
      .locator('[data-testid="board-report"] >> text=No investment is planned or approved.')
      .waitFor();
    await wide.emulateMedia({ media: 'print' });
    const { text } = await printToPdf(wide, path.join(scratch, 'board-report-forty.pdf'));
    const pages = text.map((printed) => printed.replace(/\s+/g, ' '));
    const title = 'Maturity against targets, 40 functions';
    // The weakest links are a selection, and say of how many.
    const { maturity } = await journey.graphql<{ maturity: { weakestLinks: unknown[] } }>(
      `{ maturity(organizationId: "${organizationId}") { weakestLinks { from } } }`,
    );
    expect(maturity.weakestLinks.length).toBeGreaterThan(5);
    expect(pages.join(' ')).toContain(
      `The 5 furthest apart of ${maturity.weakestLinks.length} linked pairs.`,
    );
    // Every function's row is on paper, on a page that carries the heatmap's title and header.
    for (const name of names) {
      const page = pages.find((printed) => new RegExp(`${escape(name)} \\d\\.\\d`).test(printed));
      expect({ name, printed: page !== undefined }).toEqual({ name, printed: true });
      expect(page).toContain(title);
      expect(page).toContain(capabilities.at(-1)?.name);
    }
    // Nothing of the report is cut off: each name is as often on paper as on the printed layout
    // (its heatmap row and the weakest links that name it).
    const laidOut = (await wide.locator('[data-testid="board-report"]').innerText()).replace(/\s+/g, ' ');
    const occurrences = (haystack: string, name: string) => haystack.split(name).length - 1;
    for (const name of names)
      expect({ name, printed: occurrences(pages.join(' '), name) }).toEqual({
        name,
        printed: occurrences(laidOut, name),
      });
    await wide.emulateMedia({ media: 'screen' });
    expect(pageProblems(wide)).toEqual([]);
  });
});
