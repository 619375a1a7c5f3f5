// The planner turning a scenario into a decision, on the demo hotel signed in as a planner: the
// optimiser's weight of maturity against alignment changes the pick and is said with the answer,
// and the chosen portfolio shows its uncertainty at the horizon.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  boxOverflow,
  DESKTOP,
  pageProblems,
  PHONE,
  printToPdf,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

const artifacts = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

describe('Scenarios journey (browser)', () => {
  let journey: Journey;
  let page: Page;
  const scratch = mkdtempSync(path.join(tmpdir(), 'scenarios-browser-'));

  beforeAll(async () => {
    journey = await startJourney('scenarios-browser');
    await journey.graphql('mutation { loadDemo { recording } }');
    page = await journey.signIn(await journey.issueToken('PLANNER', ['interlodge']), DESKTOP);
    await page.waitForSelector('[data-investment="guest-engagement-training"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await journey.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const selectedIds = () =>
    page
      .locator('[data-testid="portfolio-result"] [data-selected-investment]')
      .evaluateAll((items) =>
        items.map(
          (item) =>
            (item as unknown as { dataset: { selectedInvestment: string } }).dataset.selectedInvestment,
        ),
      );

  it('should pick another portfolio when maturity outweighs alignment, say the weight used and show the pick’s p10–p90', async () => {
    await page.fill('input[name="budget"]', '100000');
    // All the weight on alignment: the front desk's say in evaluations alone.
    await page.fill('input[name="alpha"]', '0');
    await expect(page.locator('[data-testid="objective-weight"]').innerText()).resolves.toBe(
      '0 % maturity · 100 % alignment',
    );
    await page.click('button[type="submit"]:has-text("Optimise")');
    await page.waitForSelector('[data-testid="portfolio-weight"]:has-text("Weighed 0 % maturity")', {
      timeout: 60_000,
    });
    await expect(selectedIds()).resolves.toEqual(['front-desk-say-in-evaluations']);
    await expect(page.locator('[data-testid="portfolio-result"]').innerText()).resolves.toMatch(
      /alignment at the horizon only; CCI is not weighed/,
    );

    // All the weight on maturity: the second training round joins it.
    await page.fill('input[name="alpha"]', '100');
    await page.click('button[type="submit"]:has-text("Optimise")');
    await page.waitForSelector('[data-testid="portfolio-weight"]:has-text("Weighed 100 % maturity")', {
      timeout: 60_000,
    });
    await expect(selectedIds()).resolves.toEqual([
      'guest-engagement-training',
      'front-desk-say-in-evaluations',
    ]);

    // The chosen set's spread, from the same simulation a ticked scenario runs.
    const spread = page.locator('[data-testid="portfolio-spread"]');
    await spread.waitFor({ timeout: 60_000 });
    await expect(
      spread.locator('[data-projected="customerCentricityIndex"] .comparison__spread').innerText(),
    ).resolves.toMatch(/^\d+\.\d – \d+\.\d$/);
    await expect(
      spread.locator('[data-projected="alignmentIndex"] .comparison__spread').innerText(),
    ).resolves.toMatch(/^\d+\.\d – \d+\.\d$/);
    await page.locator('[data-testid="portfolio-result"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'scenarios-portfolio.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await expect(boxOverflow(page, '[data-testid="portfolio-result"]')).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(artifacts, 'scenarios-portfolio-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('should save the optimiser’s answers and a ticked scenario under names, compare them in columns with their p10–p90, download the comparison and delete one', async () => {
    // The maturity-only answer from the test above, saved under the name proposed.
    const save = page.locator('[data-testid="portfolio-result"] [data-testid="save-scenario"]');
    await expect(save.locator('input[name="scenarioName"]').inputValue()).resolves.toBe(
      'Best within 100,000, 100 % maturity · 0 % alignment',
    );
    await save.locator('input[name="scenarioName"]').fill('Maturity first');
    await save.locator('button:has-text("Save scenario")').click();
    await save.locator('text=Saved as “Maturity first”').waitFor();

    await page.fill('input[name="alpha"]', '0');
    await page.click('button[type="submit"]:has-text("Optimise")');
    await page.waitForSelector('[data-testid="portfolio-weight"]:has-text("Weighed 0 % maturity")', {
      timeout: 60_000,
    });
    await save.locator('input[name="scenarioName"]').fill('Alignment first');
    await save.locator('button:has-text("Save scenario")').click();
    await save.locator('text=Saved as “Alignment first”').waitFor();

    // A ticked scenario, simulated, then saved.
    await page.check('[data-investment="room-readiness-app"]');
    await page.click('button[type="submit"]:has-text("Simulate")');
    await page.waitForSelector('[data-testid="simulation-result"][data-stale="false"]', { timeout: 60_000 });
    const saveTicked = page.locator('.scenario__results [data-testid="save-scenario"]');
    await saveTicked.locator('input[name="scenarioName"]').fill('Room app');
    await saveTicked.locator('button:has-text("Save scenario")').click();
    await saveTicked.locator('text=Saved as “Room app”').waitFor();

    // Recorded by the api: another device reads them, with the optimiser's budget and weight.
    const { scenarios } = await journey.graphql<{
      scenarios: { name: string; investmentIds: string[]; budget: number | null; alpha: number | null }[];
    }>('{ scenarios(organizationId: "interlodge") { name investmentIds budget alpha } }');
    expect(scenarios).toEqual([
      {
        name: 'Maturity first',
        investmentIds: ['guest-engagement-training', 'front-desk-say-in-evaluations'],
        budget: 100_000,
        alpha: 1,
      },
      {
        name: 'Alignment first',
        investmentIds: ['front-desk-say-in-evaluations'],
        budget: 100_000,
        alpha: 0,
      },
      { name: 'Room app', investmentIds: ['room-readiness-app'], budget: null, alpha: null },
    ]);

    const saved = page.locator('[data-testid="saved-scenarios"]');
    await saved.locator('[data-saved-scenario]').nth(2).waitFor();
    for (const index of [0, 1, 2])
      await saved.locator('[data-saved-scenario] input[type="checkbox"]').nth(index).check();
    await saved.locator('button:has-text("Compare 3 side by side")').click();
    const comparison = page.locator('[data-testid="scenario-comparison"]');
    await comparison.waitFor({ timeout: 60_000 });
    await expect(comparison.locator('thead th[data-compared-scenario]').allInnerTexts()).resolves.toEqual([
      'Maturity first',
      'Alignment first',
      'Room app',
    ]);
    const row = (key: string) => comparison.locator(`tr[data-row="${key}"] td`).allInnerTexts();
    await expect(row('cost')).resolves.toEqual(['85,000', '25,000', '180,000']);
    for (const cell of await row('cci-band')) expect(cell).toMatch(/^\d+\.\d – \d+\.\d$/);
    for (const cell of await row('alignment-band')) expect(cell).toMatch(/^\d+\.\d – \d+\.\d$/);
    await expect(row('origin')).resolves.toEqual([
      'the optimiser within 100,000, 100 % maturity · 0 % alignment',
      'the optimiser within 100,000, 0 % maturity · 100 % alignment',
      'the planner',
    ]);
    // The comparison as a workbook, fetched with the signed-in token.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="scenarios-xlsx"]'),
    ]);
    expect(workbook.suggestedFilename()).toMatch(/^interlodge-scenarios-.+\.xlsx$/);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="scenarios-csv"]'),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^interlodge-scenarios-.+\.csv$/);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText).toContain('Maturity first');
    expect(csvText).toContain('Room app');

    await saved.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'scenarios-compared.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await expect(boxOverflow(page, '[data-testid="saved-scenarios"]')).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(artifacts, 'scenarios-compared-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);

    // Deleting asks first, then leaves the list for everyone.
    await saved.locator('button[aria-label="Delete “Room app”"]').click();
    await page.locator('dialog button:has-text("Delete the scenario")').click();
    await saved.locator('[data-saved-scenario]').nth(2).waitFor({ state: 'detached' });
    const after = await journey.graphql<{ scenarios: { name: string }[] }>(
      '{ scenarios(organizationId: "interlodge") { name } }',
    );
    expect(after.scenarios.map(({ name }) => name)).toEqual(['Maturity first', 'Alignment first']);
  });

  it('should print the saved scenario chosen for the board with its cost, CCI and alignment at the horizon and their p10–p90, on one page', async () => {
    await page.click('[data-screen="reports"]');
    const board = page.locator('[data-testid="board-scenario"]');
    await board.locator('select[name="boardScenario"]').selectOption({ label: 'Maturity first' });
    const portfolio = board.locator('.board-report__portfolio');
    await portfolio.waitFor({ timeout: 60_000 });
    await expect(board.locator('h3').innerText()).resolves.toBe('Recommended portfolio: Maturity first');
    await expect(portfolio.locator('[data-row="cost"] dd').innerText()).resolves.toBe('85,000');
    await expect(portfolio.locator('[data-row="cci-band"] dd').innerText()).resolves.toMatch(
      /^\d+\.\d – \d+\.\d$/,
    );
    await expect(portfolio.locator('[data-row="alignment-band"] dd').innerText()).resolves.toMatch(
      /^\d+\.\d – \d+\.\d$/,
    );
    await board.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'scenarios-board.png'), fullPage: true });

    const { pages, text } = await printToPdf(page, path.join(scratch, 'board-with-portfolio.pdf'));
    expect(pages).toBe(1);
    const [printed = ''] = text;
    // (PDF text splits the "fi" ligature of "first".)
    expect(printed).toContain('Recommended portfolio: Maturity');
    expect(printed).toMatch(/Cost\s+85,000/);
    expect(printed).toMatch(/CCI p10 – p90\s+\d+\.\d – \d+\.\d/);
    expect(printed).toMatch(/Alignment p10 – p90\s+\d+\.\d – \d+\.\d/);
    // The chooser stays on screen.
    expect(printed).not.toContain('Portfolio for the board');
    // With the portfolio on it, the page still holds every function and the heat colours' legend.
    expect(printed).toContain('Laundry partner (external)');
    expect(printed).toContain('no target set');

    await page.setViewportSize(PHONE);
    await expect(boxOverflow(page, '[data-testid="board-scenario"]')).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(artifacts, 'scenarios-board-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('should record the board’s portfolio for every device and reader, and leave none once cleared', async () => {
    const chosen = async () =>
      (
        await journey.graphql<{ scenarios: { name: string; chosenForBoard: boolean }[] }>(
          '{ scenarios(organizationId: "interlodge") { name chosenForBoard } }',
        )
      ).scenarios
        .filter((scenario) => scenario.chosenForBoard)
        .map((scenario) => scenario.name);
    // The choice made above was recorded, not kept in that browser.
    await expect(chosen()).resolves.toEqual(['Maturity first']);
    // Another device, and an auditor who reads the report but may not choose: both see it.
    const otherDevice = await journey.signIn();
    await otherDevice.click('[data-screen="reports"]');
    const board = otherDevice.locator('[data-testid="board-scenario"]');
    await expect(board.locator('h3').innerText()).resolves.toBe('Recommended portfolio: Maturity first');
    await expect(board.locator('select[name="boardScenario"]').inputValue()).resolves.not.toBe('');
    const auditor = await journey.signIn(await journey.issueToken('AUDITOR', ['interlodge']));
    await auditor.click('[data-screen="reports"]');
    const auditorBoard = auditor.locator('[data-testid="board-scenario"]');
    await expect(auditorBoard.locator('h3').innerText()).resolves.toBe(
      'Recommended portfolio: Maturity first',
    );
    expect(await auditorBoard.locator('select[name="boardScenario"]').count()).toBe(0);
    // Cleared on the other device: none is recorded, and the report shows planned investments only.
    await board
      .locator('select[name="boardScenario"]')
      .selectOption({ label: 'None: planned investments only' });
    await board.locator('h3').waitFor({ state: 'detached' });
    await expect(chosen()).resolves.toEqual([]);
    expect(pageProblems(otherDevice)).toEqual([]);
    expect(pageProblems(auditor)).toEqual([]);
  });

  it('should ask before a save under a name in use replaces that scenario, keep it on Go back, and warn when it is the board’s portfolio', async () => {
    await journey.graphql(
      'mutation { chooseScenarioForBoard(organizationId: "interlodge", scenarioId: "maturity-first") { id } }',
    );
    const investmentsOf = async (name: string) =>
      (
        await journey.graphql<{ scenarios: { name: string; investmentIds: string[] }[] }>(
          '{ scenarios(organizationId: "interlodge") { name investmentIds } }',
        )
      ).scenarios.find((scenario) => scenario.name === name)?.investmentIds;

    await page.click('[data-screen="overview"]');
    await page.waitForSelector('[data-investment="room-readiness-app"]', { timeout: 60_000 });
    await page.check('[data-investment="room-readiness-app"]');
    await page.click('button[type="submit"]:has-text("Simulate")');
    await page.waitForSelector('[data-testid="simulation-result"][data-stale="false"]', { timeout: 60_000 });
    const save = page.locator('.scenario__results [data-testid="save-scenario"]');
    await save.locator('input[name="scenarioName"]').fill('Maturity first');
    await save.locator('button:has-text("Save scenario")').click();

    // The question names what would be lost, and that the board shows it; Go back is the default.
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await dialog.waitFor();
    await expect(dialog.locator('.dialog__message').innerText()).resolves.toMatch(
      /A scenario named “Maturity first” exists: the optimiser within 100,000, 2 investments, \d+ months, saved \d+ \w+ \d{4}, \d\d:\d\d:\d\d UTC\. Replace it\?/,
    );
    await expect(dialog.locator('[data-testid="replaces-board-scenario"]').innerText()).resolves.toContain(
      'chosen for the board',
    );
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Go back');
    // Nothing is being saved while the question waits for an answer.
    await expect(save.locator('button[type="submit"]').innerText()).resolves.toBe('Save scenario');
    await page.screenshot({ path: path.join(artifacts, 'scenarios-replace-confirm.png') });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(artifacts, 'scenarios-replace-confirm-phone.png') });
    await page.setViewportSize(DESKTOP);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await save.locator('text=Not saved: “Maturity first” is kept as it was').waitFor();
    await expect(investmentsOf('Maturity first')).resolves.toEqual([
      'guest-engagement-training',
      'front-desk-say-in-evaluations',
    ]);

    // Replacing on purpose: done, and the board's portfolio changing is said on the page.
    await save.locator('button:has-text("Save scenario")').click();
    await dialog.locator('button:has-text("Replace “Maturity first”")').click();
    await save.locator('[data-testid="board-scenario-replaced"]').waitFor();
    await expect(save.locator('.save-scenario__done').innerText()).resolves.toMatch(
      /^Saved as “Maturity first”, replacing the one saved /,
    );
    await expect(investmentsOf('Maturity first')).resolves.toEqual(['room-readiness-app']);
    expect(pageProblems(page)).toEqual([]);
  });

  it('should say in plain words when the scenarios compared look ahead over different horizons', async () => {
    await page.fill('input[name="horizonMonths"]', '24');
    await page.check('[data-investment="room-readiness-app"]');
    await page.click('button[type="submit"]:has-text("Simulate")');
    await page.waitForSelector('[data-testid="simulation-result"][data-stale="false"]', { timeout: 60_000 });
    const save = page.locator('.scenario__results [data-testid="save-scenario"]');
    await save.locator('input[name="scenarioName"]').fill('Room app over two years');
    await save.locator('button:has-text("Save scenario")').click();
    await save.locator('text=Saved as “Room app over two years”').waitFor();

    const saved = page.locator('[data-testid="saved-scenarios"]');
    await saved.locator('[data-saved-scenario="room-app-over-two-years"]').waitFor();
    await saved.locator('[data-saved-scenario="alignment-first"] input[type="checkbox"]').check();
    await saved.locator('[data-saved-scenario="room-app-over-two-years"] input[type="checkbox"]').check();
    await saved.locator('button:has-text("Compare 2 side by side")').click();
    const note = page.locator('[data-testid="scenario-comparison"] [data-testid="horizons-differ"]');
    await expect(note.innerText()).resolves.toMatch(/^Different horizons \(12 and 24 months\)/);
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'scenarios-horizons-differ.png') });
    await page.setViewportSize(PHONE);
    await expect(boxOverflow(page, '[data-testid="saved-scenarios"]')).resolves.toBeLessThanOrEqual(0);
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'scenarios-horizons-differ-phone.png') });
    await page.setViewportSize(DESKTOP);
    expect(pageProblems(page)).toEqual([]);
  });
});
