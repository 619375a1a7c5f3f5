// Retiring a function on Set-up → Functions: the form (reason, date, merged into), the confirmation
// that says what it does (going back records nothing), a refusal shown under its field, the retired
// function folded away with its date, the targets grid and the heatmap without it, and the planning
// page's effect chooser and scenario heatmaps without it (an effect planned before marked not scored).
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  captureScreen,
  DESKTOP,
  PHONE,
  pageProblems,
  startJourney,
  watchProblems,
  type Journey,
} from './browser-journey';

// Screenshots looked at by hand, not committed (docs/screenshots keeps the set-up ones).
const artifacts = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

jest.setTimeout(240_000);

interface FunctionShape {
  id: string;
  retirement: { effectiveFrom: string; reason: string; mergedIntoFunctionId: string | null } | null;
}

describe('Retiring a function (browser)', () => {
  let journey: Journey;
  let page: Page;
  const today = new Date().toISOString().slice(0, 10);
  let fromBillingToken = '';

  const functions = async (): Promise<FunctionShape[]> =>
    (
      await journey.graphql<{ organization: { functions: FunctionShape[] } }>(
        '{ organization(id: "harbour-clinic") { functions { id retirement { effectiveFrom reason mergedIntoFunctionId } } } }',
      )
    ).organization.functions;

  beforeAll(async () => {
    journey = await startJourney('retire-function-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "harbour-clinic", name: "Harbour Clinic" }) { id } }',
    );
    for (const [id, name] of [
      ['front-desk', 'Front desk'],
      ['patient-services', 'Patient services'],
      ['billing', 'Billing office'],
    ]) {
      await journey.graphql('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
        input: { organizationId: 'harbour-clinic', functionId: id, name },
      });
    }
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "harbour-clinic", assessmentId: "q1", title: "Q1", periodEnd: "2026-01-31" }) { id } }',
    );
    for (const [functionId, level] of [
      ['front-desk', 3],
      ['patient-services', 4],
      ['billing', 2],
    ] as const) {
      await journey.graphql('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', {
        input: { assessmentId: 'q1', functionId, capabilityId: 'customer-insight', level, source: 'SELF' },
      });
    }
    await journey.graphql('mutation { closeAssessment(assessmentId: "q1") { id } }');
    // Open cycles of a period ending before the retirement (still rated late) and after it.
    for (const [assessmentId, periodEnd] of [
      ['mid-year', '2026-06-30'],
      ['year-end', '2099-12-31'],
    ])
      await journey.graphql(
        'mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }',
        { input: { organizationId: 'harbour-clinic', assessmentId, title: assessmentId, periodEnd } },
      );
    // A link to rate the front desk from billing: after the retirement it asks nothing.
    const fromBilling = await journey.graphql<{ inviteRaters: { token: string }[] }>(
      'mutation { inviteRaters(input: { assessmentId: "year-end", invitations: [{ respondentId: "billing-lead", source: PEER, raterFunctionId: "billing", functionIds: ["front-desk"] }] }) { token } }',
    );
    fromBillingToken = fromBilling.inviteRaters[0]?.token ?? '';
    // Planned while billing was in place: after the retirement its billing effect is not scored.
    await journey.graphql(
      'mutation { planInvestment(input: { organizationId: "harbour-clinic", investmentId: "billing-portal", name: "Billing portal", kind: CAPITAL, cost: 1000, lagMonths: 0, effects: [{ functionId: "billing", capabilityId: "customer-insight", low: 1, likely: 1, high: 1 }, { functionId: "front-desk", capabilityId: "customer-insight", low: 0, likely: 1, high: 1 }] }) { id } }',
    );
    page = await journey.signIn();
    await page.goto(`${journey.api.baseUrl}/?view=setup&org=harbour-clinic`);
    await page.waitForSelector('[data-testid="functions-panel"] [data-function="billing"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should say what retiring does before recording anything, and record nothing on going back', async () => {
    await page.click('button[aria-label="Retire Billing office"]');
    const form = page.locator('form[aria-label="Retire Billing office"]');
    await expect(form.locator('[data-field="effectiveFrom"] input').inputValue()).resolves.toBe(today);
    await form.locator('[data-field="reason"] textarea').fill('Merged into patient services');
    await form.locator('[data-field="mergedIntoFunctionId"] select').selectOption('patient-services');
    await form.locator('button[type="submit"]').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    const asked = await dialog.innerText();
    expect(asked).toContain('Billing office leaves every view');
    expect(asked).toContain('merged into Patient services');
    expect(asked).toContain('Views of earlier dates and the audit history keep it');
    expect(asked).toContain('This cannot be undone');
    await captureScreen(page, 'set-up-retire-function');
    await dialog.locator('button:has-text("Go back")').click();
    expect((await functions()).every((business) => business.retirement === null)).toBe(true);
  });

  it('should show a refusal of the api under its field', async () => {
    const form = page.locator('form[aria-label="Retire Billing office"]');
    await form.locator('[data-field="effectiveFrom"] input').fill('2020-01-01');
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-testid="confirm-dialog"] button[type="submit"]').click();
    const error = page.locator('[data-field-error="effectiveFrom"]');
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('registered');
    expect((await functions()).every((business) => business.retirement === null)).toBe(true);
  });

  it('should retire it after confirming, and fold it away with its date', async () => {
    const form = page.locator('form[aria-label="Retire Billing office"]');
    await form.locator('[data-field="effectiveFrom"] input').fill(today);
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-testid="confirm-dialog"] button[type="submit"]').click();
    const retired = page.locator('[data-testid="retired-functions"]');
    await retired.waitFor();
    await expect(retired.locator('summary').innerText()).resolves.toBe('Show 1 retired function');
    expect((await functions()).find((business) => business.id === 'billing')?.retirement).toEqual({
      effectiveFrom: `${today}T00:00:00.000Z`,
      reason: 'Merged into patient services',
      mergedIntoFunctionId: 'patient-services',
    });
    await expect(
      page.locator('[data-testid="functions-panel"] [data-function="billing"]').count(),
    ).resolves.toBe(0);
    await retired.locator('summary').click();
    const entry = await retired.locator('[data-retired-function="billing"]').innerText();
    expect(entry).toContain('Billing office');
    expect(entry).toContain('merged into Patient services');
    expect(entry).toContain('Merged into patient services');
    // The targets grid sets targets for the present: no row for the retired function.
    await expect(page.locator('[data-heatmap="targets"] [data-cell^="billing:"]').count()).resolves.toBe(0);
    await expect(
      page.locator('[data-heatmap="targets"] [data-cell^="front-desk:"]').count(),
    ).resolves.toBeGreaterThan(0);
    await captureScreen(page, 'set-up-retired-functions');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should leave it out of the current heatmap and keep it in a view of a date before its retirement', async () => {
    await page.goto(`${journey.api.baseUrl}/?view=overview&org=harbour-clinic`);
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"] [data-cell^="front-desk:"]');
    await expect(page.locator('[data-heatmap="current"] [data-cell^="billing:"]').count()).resolves.toBe(0);
    const before = await journey.graphql<{ maturity: { cells: { functionId: string }[] } }>(
      '{ maturity(organizationId: "harbour-clinic", asOf: "2026-02-01") { cells { functionId } } }',
    );
    expect(before.maturity.cells.some((cell) => cell.functionId === 'billing')).toBe(true);
  });

  it('should leave it out of the plan form and the scenario heatmaps, and mark an effect on it as not scored', async () => {
    await page.goto(`${journey.api.baseUrl}/?view=planning&org=harbour-clinic`);
    await page.waitForSelector('[data-heatmap="effects"][aria-busy="false"] [data-cell^="front-desk:"]');
    await expect(page.locator('[data-heatmap="effects"] [data-cell^="billing:"]').count()).resolves.toBe(0);
    const card = page.locator('[data-investment-card]:has-text("Billing portal")');
    await card.locator('[data-testid="investment-effects"] summary').click();
    await expect(
      card.locator('[data-effect-cell="billing:customer-insight"] [data-effect-retired]').innerText(),
    ).resolves.toContain('not scored');
    await expect(
      card.locator('[data-effect-cell="front-desk:customer-insight"] [data-effect-retired]').count(),
    ).resolves.toBe(0);
    await page.screenshot({ path: path.join(artifacts, 'planning-retired-function.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({
      path: path.join(artifacts, 'planning-retired-function-phone.png'),
      fullPage: true,
    });
    await page.setViewportSize(DESKTOP);

    await page.goto(`${journey.api.baseUrl}/?view=overview&org=harbour-clinic`);
    await page.check('[data-investment="billing-portal"]');
    await page.click('button[type="submit"]:has-text("Simulate")');
    const outcome = page.locator('[data-testid="simulation-result"][data-stale="false"]');
    await outcome.waitFor({ timeout: 60_000 });
    for (const heatmap of ['baseline', 'projected']) {
      await expect(
        outcome.locator(`[data-heatmap="${heatmap}"] [data-cell^="billing:"]`).count(),
      ).resolves.toBe(0);
      await expect(
        outcome.locator(`[data-heatmap="${heatmap}"] [data-cell^="front-desk:"]`).count(),
      ).resolves.toBeGreaterThan(0);
    }
    await expect(outcome.innerText()).resolves.toContain('belongs to a function retired from');
    await outcome.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'scenario-retired-function.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({
      path: path.join(artifacts, 'scenario-retired-function-phone.png'),
      fullPage: true,
    });
    await page.setViewportSize(DESKTOP);
    expect(pageProblems(page)).toEqual([]);
  });

  it('should offer it to rate and invite for a period that ended before its retirement, and not after', async () => {
    await page.goto(`${journey.api.baseUrl}/?view=assessments&org=harbour-clinic`);
    const offered = async (assessmentId: string) => {
      await page.click(`[data-assessment="${assessmentId}"]`);
      const rating = page.locator('form[aria-label="Record a rating"] [data-field="functionId"] select');
      const invite = page.locator(
        'form[aria-label="Invite raters"] [data-field="invitations[0].functionIds"] select',
      );
      await rating.locator('option[value="front-desk"]').waitFor({ state: 'attached' });
      await invite.locator('option[value="front-desk"]').waitFor({ state: 'attached' });
      return [
        await rating.locator('option[value="billing"]').count(),
        await invite.locator('option[value="billing"]').count(),
      ];
    };
    await expect(offered('mid-year')).resolves.toEqual([1, 1]);
    await expect(offered('year-end')).resolves.toEqual([0, 0]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('should tell a rater whose link rates from it that nothing is left to answer', async () => {
    const rater = watchProblems(await journey.browser.newPage({ viewport: PHONE }));
    await rater.goto(`${journey.api.baseUrl}/rate#token=${encodeURIComponent(fromBillingToken)}`);
    const nothing = rater.locator('[data-testid="rate-nothing-asked"]');
    await nothing.waitFor();
    await expect(nothing.innerText()).resolves.toContain('Nothing left to answer');
    await expect(rater.locator('[data-testid="rate-questions"]').count()).resolves.toBe(0);
    await expect(rater.locator('[data-testid="rate-subject"]').innerText()).resolves.toBe(
      'You were invited to answer as a colleague from another function (Billing office).',
    );
    await rater.screenshot({ path: path.join(artifacts, 'rate-nothing-asked-phone.png'), fullPage: true });
    await rater.setViewportSize(DESKTOP);
    await rater.screenshot({ path: path.join(artifacts, 'rate-nothing-asked.png'), fullPage: true });
    expect(pageProblems(rater)).toEqual([]);
    await rater.close();
  });
});
