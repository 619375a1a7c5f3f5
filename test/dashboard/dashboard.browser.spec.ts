// The dashboard in real headless Chromium against the real api with the demo organisation:
// sign-in from the URL fragment, the heatmap, the time slider, a scenario and a portfolio.
// The overview's screenshot goes to docs/screenshots/dashboard.png (checked by axe-core and at
// 375 px like every journey's), as does the time slider's as known in 2024 Q3; the others are
// kept under artifacts/screenshots/.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApi } from '../support/api-process';
import { boxOverflow, captureScreen, docsScreenshots, PHONE } from './browser-journey';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
const screenshots = path.join(root, 'artifacts', 'screenshots');
const organizationId = 'interlodge';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

jest.setTimeout(240_000);

interface CellFromApi {
  functionId: string;
  capabilityId: string;
  level: number | null;
}

describe('Dashboard (browser)', () => {
  let dataDir: string;
  /** What test/support/api-process.ts gives back. */
  let api: { baseUrl: string; adminToken: string; stop(): Promise<void> };
  let browser: Browser;

  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  async function openSignedIn(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await page.goto(`${api.baseUrl}/#token=${encodeURIComponent(api.adminToken)}`);
    await page.waitForSelector('[data-heatmap="current"] [data-cell][data-level]:not([data-level=""])');
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
    // The slider's stops come from a request of their own, which may answer after the heatmap's:
    // keys pressed on it while it is still disabled are lost.
    await page.waitForSelector('#time-slider-input:not([disabled])');
    return page;
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    mkdirSync(docsScreenshots, { recursive: true });
    if (!existsSync(path.join(root, 'apps', 'dashboard', 'dist', 'index.html'))) {
      await run(process.execPath, [path.join(root, 'apps', 'dashboard', 'build.mjs')], { cwd: root });
    }
    dataDir = mkdtempSync(path.join(tmpdir(), 'dashboard-browser-'));
    api = await startApi({ dataDir });
    await run('npm', ['run', '--silent', 'cli', '--', 'demo'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, ADMIN_TOKEN: api.adminToken },
      maxBuffer: 16 * 1024 * 1024,
    });
    // The api may catch up with the cli's events asynchronously: wait until it sees the demo.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const data = await graphql<{ maturityTimeline: unknown[] }>(
        'query($id: ID!) { maturityTimeline(organizationId: $id) { at } }',
        { id: organizationId },
      ).catch(() => ({ maturityTimeline: [] }));
      if (data.maturityTimeline.length >= 8) break;
      if (Date.now() > deadline) throw new Error('the api never showed the demo organisation');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`,
      );
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser.close();
    await api.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should show every heatmap cell of the demo organisation with its level when signed in from the URL fragment', async () => {
    const { maturity } = await graphql<{ maturity: { cells: CellFromApi[] } }>(
      'query($id: ID!) { maturity(organizationId: $id) { cells { functionId capabilityId level } } }',
      { id: organizationId },
    );
    const page = await openSignedIn();

    expect(page.url()).not.toContain('token=');
    const stored = await page.evaluate(() =>
      (
        globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
      ).sessionStorage.getItem('ccm.apiToken'),
    );
    expect(stored).toBe(api.adminToken);

    expect(maturity.cells.filter((cell) => cell.level !== null).length).toBeGreaterThan(0);
    for (const cell of maturity.cells) {
      const element = page.locator(
        `[data-heatmap="current"] [data-cell="${cell.functionId}:${cell.capabilityId}"]`,
      );
      await expect(element.count()).resolves.toBe(1);
      if (cell.level === null) {
        await expect(element.getAttribute('data-level')).resolves.toBe('');
      } else {
        await expect(element.innerText()).resolves.toContain(cell.level.toFixed(1));
      }
    }

    const rated = maturity.cells.find((cell) => cell.level !== null)!;
    await page.focus(
      `[data-heatmap="current"] [data-cell="${rated.functionId}:${rated.capabilityId}"] button`,
    );
    await expect(page.locator('[role="tooltip"]').innerText()).resolves.toMatch(/Level \d\.\d/);

    await page.screenshot({ path: path.join(screenshots, 'dashboard-heatmap.png'), fullPage: true });
    await page.locator('body').press('Escape');
    await captureScreen(page, 'dashboard');
    await page.close();
  });

  it('should replay an earlier assessment cycle when the time slider moves', async () => {
    const page = await openSignedIn();
    const before = await snapshot(page);
    expect(before.date).toBe('Now');

    await page.focus('#time-slider-input');
    await page.keyboard.press('Home');
    const after = await waitFor(
      () => snapshot(page),
      (view) =>
        view.busy === 'false' &&
        view.date !== before.date &&
        (view.cci !== before.cci || view.levels !== before.levels),
    );
    expect(after.date).toMatch(/\d{4}/);
    expect(after.cci !== before.cci || after.levels !== before.levels).toBe(true);

    await page.screenshot({ path: path.join(screenshots, 'dashboard-first-cycle.png'), fullPage: true });
    await page.close();
  });

  it('should show, as known at 30 September 2024, only what had been recorded by then', async () => {
    const page = await openSignedIn();
    await page.focus('#time-slider-input');
    await page.keyboard.press('Home');
    // The third stop: the 2024 Q3 review (period end 30 September 2024).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const levelOf = (cell: string) =>
      page.locator(`[data-heatmap="current"] [data-cell="${cell}"]`).getAttribute('data-level');
    const withEverything = await waitFor(
      async () => ({ ...(await snapshot(page)), metrics: await levelOf('housekeeping:customer-metrics') }),
      (view) => view.busy === 'false' && /2024/.test(view.date) && view.metrics === '1.33',
    );
    expect(withEverything.date).toMatch(/30.*Sep.*2024|2024.*09.*30|Sep.*30.*2024/);
    // The guest survey came in in October and counts: the front desk's service recovery is (4 + 2 x 3) / 3.
    await expect(levelOf('front-desk:service-recovery')).resolves.toBe('3.33');

    await page.click('.switch__label:has-text("As known at that date")');
    const asKnown = await waitFor(
      async () => ({ ...(await snapshot(page)), metrics: await levelOf('housekeeping:customer-metrics') }),
      (view) => view.busy === 'false' && view.metrics === '1.67',
    );
    // Housekeeping's own 3 before the January 2025 correction; the front desk's own 4 before the survey.
    expect(asKnown.metrics).toBe('1.67');
    await expect(levelOf('front-desk:service-recovery')).resolves.toBe('4.00');
    await expect(page.locator('.time-slider__detail').innerText()).resolves.toMatch(
      /as it was known on that date/,
    );

    await page.screenshot({
      path: path.join(docsScreenshots, 'time-slider-as-known-2024-q3.png'),
      fullPage: true,
    });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({
      path: path.join(screenshots, 'time-slider-as-known-2024-q3-phone.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('should open the audit comparison around the last correction, showing what it changed in what was known', async () => {
    const page = await openSignedIn();
    await page.click('[data-screen="audit"]');
    const difference = page.locator('[data-testid="known-at-difference"]');
    await difference.waitFor();
    // Maintenance's 2025 Q2 self-rating, corrected on 18 September 2025: known at the start of that
    // day against the start of the next, for that quarter.
    await expect(page.inputValue('[data-field="knownAtFirst"] input')).resolves.toBe('2025-09-18');
    await expect(page.inputValue('[data-field="knownAtSecond"] input')).resolves.toBe('2025-09-19');
    await expect(page.inputValue('[data-field="asOf"] input')).resolves.toBe('2025-06-30');
    await expect(difference.getAttribute('data-same')).resolves.toBe('false');
    await expect(difference.innerText()).resolves.toMatch(/^[1-9]\d* cells? differ/);
    await expect(page.locator('[data-testid="known-at-reason"]').innerText()).resolves.toMatch(
      /last correction, recorded on 18 Sept? 2025/,
    );
    // What the page shows is what the api says for that cell at each date.
    const levelAt = async (knownAt: string) => {
      const { maturity } = await graphql<{ maturity: { cells: CellFromApi[] } }>(
        'query($id: ID!, $knownAt: DateTime) { maturity(organizationId: $id, asOf: "2025-06-30T23:59:59.999Z", knownAt: $knownAt) { cells { functionId capabilityId level } } }',
        { id: organizationId, knownAt },
      );
      return maturity.cells.find(
        (cell) => cell.functionId === 'maintenance' && cell.capabilityId === 'service-recovery',
      )?.level;
    };
    // The same bare dates the page shows, as the api (and the cli) read them.
    const before = await levelAt('2025-09-18');
    const after = await levelAt('2025-09-19');
    expect(after).not.toBe(before);
    const shown = (side: string) =>
      page
        .locator(`[data-heatmap="${side}"] [data-cell="maintenance:service-recovery"]`)
        .getAttribute('data-level');
    await expect(shown('known-first')).resolves.toBe(before?.toFixed(2));
    await expect(shown('known-second')).resolves.toBe(after?.toFixed(2));
    await page.locator('#known-at-title').scrollIntoViewIfNeeded();
    await captureScreen(page, 'audit-known-at-correction');
    await page.close();
  });

  it('should mark the cells and functions whose raters disagree, list each rater group in the details and explain agreement', async () => {
    const { maturity } = await graphql<{
      maturity: { cells: { functionId: string; capabilityId: string; agreement: number | null }[] };
    }>('query($id: ID!) { maturity(organizationId: $id) { cells { functionId capabilityId agreement } } }', {
      id: organizationId,
    });
    const disagreeing = maturity.cells
      .filter((cell) => cell.agreement !== null && cell.agreement < 0.7)
      .map((cell) => `${cell.functionId}:${cell.capabilityId}`);
    // The demo's housekeeping staff split on their cooperation (r_wg 0.5); every other group agrees.
    expect(disagreeing).toEqual(['housekeeping:cross-functional-cooperation']);

    const page = await openSignedIn();
    const heatmap = page.locator('[data-heatmap="current"]');
    const marked = await heatmap
      .locator('.heatmap__cell--disagree')
      .evaluateAll((cells: { getAttribute(name: string): string | null }[]) =>
        cells.map((cell) => cell.getAttribute('data-cell')),
      );
    expect(marked).toEqual(disagreeing);
    const cooperation = heatmap.locator('[data-cell="housekeeping:cross-functional-cooperation"]');
    await expect(cooperation.getAttribute('data-agreement')).resolves.toBe('0.50');
    await expect(cooperation.innerText()).resolves.toContain('≠');
    await expect(cooperation.locator('button').getAttribute('aria-label')).resolves.toMatch(
      /raters within a group disagree \(within-group agreement 0\.50\)/,
    );
    // The receptionists agree since the 2024 training: a value, no mark.
    await expect(
      heatmap.locator('[data-cell="front-desk:employee-empowerment"]').getAttribute('data-agreement'),
    ).resolves.toBe('1.00');
    await expect(
      heatmap.locator('tr:has(th:has-text("Housekeeping")) [data-function-agreement]').innerText(),
    ).resolves.toMatch(/within-group agreement 0\.50\s*≠/);
    await expect(
      heatmap
        .locator('tr:has(th:has-text("Front desk")) [data-function-agreement]')
        .getAttribute('data-function-agreement'),
    ).resolves.toBe('1.00');

    await cooperation.scrollIntoViewIfNeeded();
    await page.focus(
      '[data-heatmap="current"] [data-cell="housekeeping:cross-functional-cooperation"] button',
    );
    // The cell's ratings come with their assessment, read when the Overview first needs them.
    await page.locator('[role="tooltip"]:has-text("room-attendant-1")').waitFor();
    const details = await page.locator('[role="tooltip"]').innerText();
    // Self (mean 3) and the front desk (mean 1) also lie two levels apart: the words say both.
    expect(details).toMatch(
      /Within-group agreement 0\.50: the raters of a group disagree \(below 0\.7\), and the groups’ levels lie 2\.0 levels apart/,
    );
    expect(details).toMatch(/Self · 5 respondents · mean 3\.0 · r\s*wg 0\.50/);
    expect(details).toMatch(/Peer · Front desk · 3 respondents · mean 1\.0 · r\s*wg 1\.00/);
    expect(details).toContain('room-attendant-1');
    await page.screenshot({ path: path.join(docsScreenshots, 'rater-agreement.png') });

    await page.setViewportSize({ width: 375, height: 812 });
    await cooperation.locator('button').blur();
    await cooperation.scrollIntoViewIfNeeded();
    await cooperation.locator('button').focus();
    await expect(page.locator('[role="tooltip"]').innerText()).resolves.toMatch(/5 respondents/);
    await page.screenshot({ path: path.join(screenshots, 'rater-agreement-phone.png') });

    // A cell whose groups each agree within themselves but lie a level or more apart: the words
    // say the groups differ, never that the raters broadly agree.
    const { maturity: withGroups } = await graphql<{
      maturity: {
        cells: {
          functionId: string;
          capabilityId: string;
          agreement: number | null;
          perceptionGap: number | null;
          groups: { level: number }[];
        }[];
      };
    }>(
      'query($id: ID!) { maturity(organizationId: $id) { cells { functionId capabilityId agreement perceptionGap groups { level } } } }',
      { id: organizationId },
    );
    const apart = withGroups.cells.find((cell) => {
      const levels = cell.groups.map((group) => group.level);
      const spread = Math.max(Math.max(...levels) - Math.min(...levels), Math.abs(cell.perceptionGap ?? 0));
      return cell.agreement !== null && cell.agreement >= 0.7 && spread >= 1;
    });
    expect(apart).toBeDefined();
    await page.setViewportSize({ width: 1280, height: 900 });
    const apartCell = heatmap.locator(`[data-cell="${apart?.functionId}:${apart?.capabilityId}"] button`);
    await apartCell.scrollIntoViewIfNeeded();
    await apartCell.focus();
    const apartDetails = page.locator('[role="tooltip"] .cell-details__agreement');
    await expect(apartDetails.getAttribute('data-verdict')).resolves.toBe('groups-differ');
    await expect(apartDetails.innerText()).resolves.toMatch(
      /^≠ Within each rater group: \d\.\d\d, they broadly agree; but the groups’ levels lie \d\.\d levels apart/,
    );
    await page.screenshot({ path: path.join(screenshots, 'rater-agreement-groups-differ.png') });
    await apartCell.blur();

    await page.click('[data-testid="agreement-help"] summary');
    await expect(page.locator('[data-testid="agreement-help"]').innerText()).resolves.toMatch(
      /Below 0\.7 the group's mean hides real disagreement/,
    );
    await expect(page.locator('[data-testid="agreement-help"]').innerText()).resolves.toMatch(
      /It says nothing of whether the groups agree with each other/,
    );
    await page.close();
  });

  it('should show the warnings and the projected heatmap when a scenario with another training round runs', async () => {
    const page = await openSignedIn();
    // What an investment changes reads by name before it is ticked, not as a bare count.
    const item = page.locator('li:has([data-investment="guest-engagement-training"])');
    await item.locator('[data-testid="investment-effects"] summary').click();
    const effects = (await item.locator('[data-testid="effect-list"] li').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
    expect(effects).toEqual([
      'Front desk · Employee skills and empowerment low +0.5 · likely +1.0 · high +1.5',
      'Front desk · Service recovery low 0.0 · likely +0.5 · high +1.0',
      'Front desk · Customer insight and voice of the customer low 0.0 · likely +0.5 · high +1.0',
      'Sales · Employee skills and empowerment low 0.0 · likely +0.5 · high +1.0',
    ]);
    await page.check('[data-investment="guest-engagement-training"]');
    await page.click('button[type="submit"]:has-text("Simulate")');
    await page.waitForSelector('[data-testid="simulation-result"]', { timeout: 60_000 });

    const warnings = page.locator('[data-warning]');
    await expect(warnings.count()).resolves.toBeGreaterThan(0);
    const first = warnings.first();
    await expect(first.getAttribute('data-warning')).resolves.toMatch(/^[A-Z_]+$/);
    await expect(first.innerText()).resolves.toMatch(/\w{4,}/);
    await expect(page.locator('[data-heatmap="projected"] [data-cell]').count()).resolves.toBeGreaterThan(0);

    // Ticking another investment leaves the shown result stale until the next run, and it says so.
    await expect(page.locator('[data-testid="simulation-stale"]').count()).resolves.toBe(0);
    await page.check('[data-investment="front-desk-say-in-evaluations"]');
    await expect(page.locator('[data-testid="simulation-stale"]').innerText()).resolves.toMatch(
      /Stale.*Guest engagement training, second round/s,
    );
    await expect(page.locator('[data-testid="simulation-result"]').getAttribute('data-stale')).resolves.toBe(
      'true',
    );
    await page.click('button[type="submit"]:has-text("Simulate")');
    await page.waitForSelector('[data-testid="simulation-result"][data-stale="false"]', { timeout: 60_000 });
    await expect(page.locator('[data-testid="simulation-stale"]').count()).resolves.toBe(0);

    await page.fill('input[name="budget"]', '1000000');
    await page.click('button[type="submit"]:has-text("Optimise")');
    await page.waitForSelector('[data-testid="portfolio-result"]', { timeout: 60_000 });
    await expect(page.locator('[data-testid="portfolio-result"]').innerText()).resolves.toMatch(
      /exact|heuristic/i,
    );

    await page.locator('#scenario-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'dashboard-scenario.png'), fullPage: true });

    // At phone width each index compared and each point of the frontier is a card: nothing scrolls
    // sideways, neither the page (the result widened it by 114 px) nor a box of its own.
    await page.setViewportSize(PHONE);
    await expect(boxOverflow(page, '[data-testid="portfolio-result"]')).resolves.toBeLessThanOrEqual(0);
    await expect(
      page
        .locator('[data-testid="portfolio-result"] .frontier tbody tr')
        .first()
        .locator('td[data-label="Cost"]')
        .count(),
    ).resolves.toBe(1);
    await expect(
      boxOverflow(page, '[data-testid="simulation-result"] .comparison'),
    ).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, 'dashboard-scenario-phone.png'), fullPage: true });
    await page.close();
  });

  it('should stay readable on a phone, the heatmap scrolling sideways', async () => {
    const page = await openSignedIn({ width: 390, height: 844 });
    const pageWidth = await page
      .locator('html')
      .evaluate((html: { scrollWidth: number }) => html.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(screenshots, 'dashboard-phone.png'), fullPage: true });
    await page.close();
  });

  it('should ask for a token again with a clear message when the api refuses it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${api.baseUrl}/#token=not-a-real-token`);
    await page.waitForSelector('[data-testid="sign-in-reason"]');
    // A link's token never accepted is mistyped or unknown, not a revoked sign-in.
    await expect(page.locator('[data-testid="sign-in-reason"]').innerText()).resolves.toMatch(
      /^The api did not accept this token: it may be mistyped/,
    );
    await expect(page.locator('input[name="token"]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'dashboard-sign-in.png') });
    await page.close();
  });
});

interface ViewSnapshot {
  date: string;
  cci: string;
  levels: string;
  busy: string;
}

async function snapshot(page: Page): Promise<ViewSnapshot> {
  const heatmap = page.locator('[data-heatmap="current"]');
  const levels = await heatmap
    .locator('[data-cell]')
    .evaluateAll((cells: { getAttribute(name: string): string | null }[]) =>
      cells.map((cell) => cell.getAttribute('data-level') ?? '').join(','),
    );
  return {
    date: (await page.locator('[data-testid="viewed-date"]').textContent()) ?? '',
    cci: (await page.locator('[data-testid="index-customerCentricityIndex"]').textContent()) ?? '',
    levels,
    busy: (await heatmap.getAttribute('aria-busy')) ?? '',
  };
}

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
