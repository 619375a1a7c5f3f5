// The planner turning a scenario into a decision, on the demo hotel signed in as a planner: the
// optimiser's weight of maturity against alignment changes the pick and is said with the answer,
// and the chosen portfolio shows its uncertainty at the horizon.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { boxOverflow, DESKTOP, PHONE, startJourney, type Journey } from './browser-journey';

jest.setTimeout(240_000);

const artifacts = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

describe('Scenarios journey (browser)', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney('scenarios-browser');
    await journey.graphql('mutation { loadDemo { recording } }');
    page = await journey.signIn(await journey.issueToken('PLANNER', ['interlodge']), DESKTOP);
    await page.waitForSelector('[data-investment="guest-engagement-training"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await journey.stop();
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
    await page.waitForSelector('[data-testid="portfolio-weight"]:has-text("0 % maturity")', {
      timeout: 60_000,
    });
    await expect(selectedIds()).resolves.toEqual(['front-desk-say-in-evaluations']);
    await expect(page.locator('[data-testid="portfolio-result"]').innerText()).resolves.toMatch(
      /alignment at the horizon only; CCI is not weighed/,
    );

    // All the weight on maturity: the second training round joins it.
    await page.fill('input[name="alpha"]', '100');
    await page.click('button[type="submit"]:has-text("Optimise")');
    await page.waitForSelector('[data-testid="portfolio-weight"]:has-text("100 % maturity")', {
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
});
