// A planner corrects an approved investment on the page: Edit opens the plan form pre-filled, the
// confirmation lists what changes (old -> new) and says the approval is withdrawn, the card then
// shows the new figures, the saved scenario that includes it says it simulates them, and the
// auditor's history reads the revision old -> new. At 375 px nothing scrolls sideways.
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  captureScreen,
  DESKTOP,
  pageProblems,
  PHONE,
  phoneScreenshots,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

describe('Revising an investment (browser)', () => {
  let journey: Journey;
  let page: Page;

  const recorded = async () =>
    (
      await journey.graphql<{
        investment: {
          name: string;
          status: string;
          cost: number;
          revisedAt: string | null;
          effects: { functionId: string; capabilityId: string; low: number; likely: number; high: number }[];
        };
      }>(
        '{ investment(id: "upsell-training") { name status cost revisedAt effects { functionId capabilityId low likely high } } }',
      )
    ).investment;

  beforeAll(async () => {
    journey = await startJourney('revise-investment-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "bank", name: "Harbour Bank" }) { id } }',
    );
    for (const [functionId, name] of [
      ['branches', 'Branches'],
      ['call-centre', 'Call centre'],
    ])
      await journey.graphql(
        'mutation($f: ID!, $name: String!) { addFunction(input: { organizationId: "bank", functionId: $f, name: $name }) { id } }',
        { f: functionId, name },
      );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "bank", assessmentId: "q4", title: "Q4", periodEnd: "2023-12-31" }) { id } }',
    );
    for (const [functionId, level] of [
      ['branches', 2],
      ['call-centre', 4],
    ] as const)
      await journey.graphql('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', {
        input: { assessmentId: 'q4', functionId, capabilityId: 'service-recovery', level, source: 'SELF' },
      });
    await journey.graphql(
      'mutation { planInvestment(input: { organizationId: "bank", investmentId: "upsell-training", name: "Upsell training", kind: OPERATIONAL, cost: 12000, lagMonths: 3, effects: [{ functionId: "branches", capabilityId: "service-recovery", low: 0, likely: 1, high: 1.5 }] }) { id } }',
    );
    await journey.graphql('mutation { approveInvestment(investmentId: "upsell-training") { id } }');
    await journey.graphql(
      'mutation { saveScenario(input: { organizationId: "bank", scenarioId: "best-for-20k", name: "Best for 20k", investmentIds: ["upsell-training"] }) { id } }',
    );
    page = await journey.signIn(await journey.issueToken('PLANNER', ['bank']));
    await page.click('[data-screen="planning"]');
    await page.waitForSelector('[data-testid="planning-screen"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  const card = () => page.locator('[data-investment-card="upsell-training"]');
  const form = () => page.locator('form[aria-label="Edit Upsell training"]');

  it('should open the plan form pre-filled on Edit, and refuse saving when nothing changed', async () => {
    await card().locator('button:has-text("Edit")').click();
    await expect(page.locator('#plan-title').innerText()).resolves.toBe('Edit “Upsell training”');
    await expect(form().locator('[data-field="name"] input').inputValue()).resolves.toBe('Upsell training');
    await expect(form().locator('[data-field="cost"] input').inputValue()).resolves.toBe('12000');
    await expect(form().locator('[data-field="lagMonths"] input').inputValue()).resolves.toBe('3');
    await expect(
      form()
        .locator('[data-effect="branches:service-recovery"] [data-field="effects[0].high"] input')
        .inputValue(),
    ).resolves.toBe('1.5');
    await expect(page.locator('[data-testid="plan-card"]').innerText()).resolves.toMatch(
      /It is approved: saving withdraws the approval/,
    );
    await form().locator('button[type="submit"]').click();
    await expect(form().innerText()).resolves.toMatch(/Nothing changed: edit the name, kind, cost/);
    await expect(page.locator('[data-testid="confirm-dialog"]').count()).resolves.toBe(0);
  });

  it('should list old -> new before saving, then show the new figures on the card, planned again', async () => {
    await form().locator('[data-field="cost"] input').fill('9500');
    await form()
      .locator('[data-effect="branches:service-recovery"] [data-field="effects[0].likely"] input')
      .fill('0.5');
    await page.click('[data-heatmap="effects"] [data-cell="call-centre:service-recovery"] button');
    for (const [bound, value] of [
      ['low', '0'],
      ['likely', '0.5'],
      ['high', '1'],
    ] as const)
      await form()
        .locator(`[data-effect="call-centre:service-recovery"] [data-field="effects[1].${bound}"] input`)
        .fill(value);
    await form().locator('button[type="submit"]').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await expect(dialog.locator('[data-plan-change]').allInnerTexts()).resolves.toEqual([
      'Cost: 12,000 → 9,500',
      'Effect on Branches · Service recovery: 0.0 / +1.0 / +1.5 → 0.0 / +0.5 / +1.5',
      'Effect on Call centre · Service recovery: none → 0.0 / +0.5 / +1.0',
    ]);
    await expect(dialog.locator('[data-testid="approval-withdrawn"]').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(phoneScreenshots, 'revise-investment-confirm.png') });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(phoneScreenshots, 'revise-investment-confirm-phone.png') });
    await page.setViewportSize(DESKTOP);
    // Nothing is recorded before the confirmation.
    await expect(recorded()).resolves.toMatchObject({ cost: 12000, status: 'APPROVED', revisedAt: null });
    await dialog.locator('button[type="submit"]').click();

    const saved = page.locator('[data-testid="revision-saved"]');
    await expect(saved.innerText()).resolves.toBe(
      'Saved the changes to “Upsell training”. The saved scenario “Best for 20k” includes it: it is simulated afresh, so it now simulates the revised figures.',
    );
    await expect(card().innerText()).resolves.toMatch(
      /planned\s+operational · cost 9,500 · after 3 months · 2 effects · revised/i,
    );
    await expect(page.locator('form[aria-label="Plan an investment"]').count()).resolves.toBe(1);
    const investment = await recorded();
    expect(investment).toMatchObject({ status: 'PLANNED', cost: 9500 });
    expect(investment.effects).toEqual([
      { functionId: 'branches', capabilityId: 'service-recovery', low: 0, likely: 0.5, high: 1.5 },
      { functionId: 'call-centre', capabilityId: 'service-recovery', low: 0, likely: 0.5, high: 1 },
    ]);
    await card().scrollIntoViewIfNeeded();
    await captureScreen(page, 'planning-investment-revised');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should fit the edit form on a 375 px phone, its first field focused', async () => {
    await page.setViewportSize(PHONE);
    await card().locator('button:has-text("Edit")').click();
    await expect(
      page.evaluate(
        () =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(name: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('name') ?? null,
      ),
    ).resolves.toBe('name');
    const width = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return document.documentElement.scrollWidth - innerWidth;
    });
    expect(width).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: path.join(phoneScreenshots, 'revise-investment-form-phone.png'),
      fullPage: true,
    });
    await form().locator('button:has-text("Stop editing")').click();
    await page.setViewportSize(DESKTOP);
  });

  it('should say in the saved scenario list and comparison that it simulates the revised figures', async () => {
    await journey.graphql(
      'mutation { saveScenario(input: { organizationId: "bank", scenarioId: "nothing-revised", name: "Nothing revised", investmentIds: ["upsell-training"] }) { id } }',
    );
    await page.reload();
    await page.click('[data-screen="overview"]');
    const saved = page.locator('[data-testid="saved-scenarios"]');
    await saved.locator('[data-saved-scenario="nothing-revised"]').waitFor();
    await expect(
      saved.locator('[data-saved-scenario="best-for-20k"] [data-testid="revised-since-saved"]').innerText(),
    ).resolves.toBe(
      '“Upsell training” was revised since it was saved: it now simulates the revised figures.',
    );
    // Saved after the revision: nothing to say.
    await expect(
      saved.locator('[data-saved-scenario="nothing-revised"] [data-testid="revised-since-saved"]').count(),
    ).resolves.toBe(0);
    for (const id of ['best-for-20k', 'nothing-revised'])
      await saved.locator(`[data-saved-scenario="${id}"] input[type="checkbox"]`).check();
    await saved.locator('button:has-text("Compare 2 side by side")').click();
    await page.locator('[data-testid="scenario-comparison"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-testid="compared-revised"]').allInnerTexts()).resolves.toEqual([
      '“Best for 20k” was saved before “Upsell training” was revised: it is simulated with the revised figures.',
    ]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('should say on the board report that the chosen portfolio simulates the revised figures', async () => {
    await journey.graphql(
      'mutation { chooseScenarioForBoard(organizationId: "bank", scenarioId: "best-for-20k") { id } }',
    );
    await page.goto(`${journey.api.baseUrl}/?view=reports&org=bank`);
    await page.waitForSelector('[data-testid="board-scenario"] dl');
    await expect(
      page.locator('[data-testid="board-scenario"] [data-testid="board-revised-since-saved"]').innerText(),
    ).resolves.toBe(
      '“Upsell training” was revised since it was saved: it now simulates the revised figures.',
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it('should show the revision old -> new in the history', async () => {
    const auditor = await journey.signIn(await journey.issueToken('AUDITOR', ['bank']));
    await auditor.click('[data-screen="audit"]');
    await auditor.waitForSelector('[data-testid="audit-screen"]');
    const filters = auditor.locator('form[aria-label="Filter the history"]');
    await filters.locator('[data-field="type"] select').selectOption('InvestmentRevised');
    await filters.locator('button[type="submit"]').click();
    await auditor.waitForSelector('[data-testid="history-count"]:has-text("1 event matches")');
    const row = auditor.locator('tr[data-history-event="InvestmentRevised"]');
    await expect(row.locator('[data-testid="revision-summary"] li').allInnerTexts()).resolves.toEqual([
      'Cost: 12,000 → 9,500',
      'Effect on Branches · Service recovery: 0.0 / +1.0 / +1.5 → 0.0 / +0.5 / +1.5',
      'Effect on Call centre · Service recovery: none → 0.0 / +0.5 / +1.0',
      'Approval withdrawn: planned again',
    ]);
    await row.scrollIntoViewIfNeeded();
    await auditor.screenshot({ path: path.join(phoneScreenshots, 'revise-investment-history.png') });
    expect(pageProblems(auditor)).toEqual([]);
    await auditor.close();
  });
});
