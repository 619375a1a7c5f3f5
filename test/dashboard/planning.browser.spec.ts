// The planner's journey on a fresh store, from the sign-in page: plan an investment with effects
// picked on the heatmap (left empty until estimated; the clamping shown), see what it changes on its card and in each
// confirmation, approve it, deploy it on a date (never a later one), cancel another with a reason
// the card then shows; once an assessment after its lag rates its cell, see predicted against actual.
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  captureScreen,
  DESKTOP,
  expectAccessible,
  pageProblems,
  PHONE,
  regionOverflow,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

const artifacts = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

interface InvestmentShape {
  id: string;
  name: string;
  status: string;
  cost: number;
  lagMonths: number;
  deployedAt: string | null;
  effects: { functionId: string; capabilityId: string; low: number; likely: number; high: number }[];
}

describe('Planning journey (browser)', () => {
  let journey: Journey;
  let page: Page;

  const investments = async (): Promise<InvestmentShape[]> =>
    (
      await journey.graphql<{ investments: InvestmentShape[] }>(
        '{ investments(organizationId: "bank") { id name status cost lagMonths deployedAt effects { functionId capabilityId low likely high } } }',
      )
    ).investments;

  async function rate(assessmentId: string, periodEnd: string, ratings: [string, string, number][]) {
    await journey.graphql('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
      input: { organizationId: 'bank', assessmentId, title: assessmentId, periodEnd },
    });
    for (const [functionId, capabilityId, level] of ratings)
      await journey.graphql('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', {
        input: { assessmentId, functionId, capabilityId, level, source: 'SELF' },
      });
    await journey.graphql('mutation($id: ID!) { closeAssessment(assessmentId: $id) { id } }', {
      id: assessmentId,
    });
  }

  beforeAll(async () => {
    journey = await startJourney('planning-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "bank", name: "Harbour Bank" }) { id } }',
    );
    for (const functionId of ['branches', 'call-centre'])
      await journey.graphql(
        'mutation($f: ID!, $name: String!) { addFunction(input: { organizationId: "bank", functionId: $f, name: $name }) { id } }',
        { f: functionId, name: functionId === 'branches' ? 'Branches' : 'Call centre' },
      );
    await rate('bank-2023-q4', '2023-12-31', [
      ['branches', 'service-recovery', 2],
      ['call-centre', 'service-recovery', 5],
    ]);
    await journey.graphql(
      'mutation { planInvestment(input: { organizationId: "bank", investmentId: "branch-refit", name: "Branch refit", kind: CAPITAL, cost: 90000, lagMonths: 6, effects: [{ functionId: "branches", capabilityId: "self-service", low: 0, likely: 1, high: 1 }] }) { id } }',
    );
    page = await journey.signIn(await journey.issueToken('PLANNER', ['bank']));
    await page.click('[data-screen="planning"]');
    await page.waitForSelector('[data-testid="planning-screen"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should plan an investment with effects picked on the heatmap, showing the clamping, and refuse low above likely next to the field', async () => {
    const form = page.locator('form[aria-label="Plan an investment"]');
    await form.locator('[data-field="name"] input').fill('Complaint handling training');
    await form.locator('[data-field="cost"] input').fill('20000');
    await form.locator('[data-field="lagMonths"] input').fill('1');
    await page.waitForSelector('[data-heatmap="effects"][aria-busy="false"]');
    await page.click('[data-heatmap="effects"] [data-cell="branches:service-recovery"] button');
    await page.click('[data-heatmap="effects"] [data-cell="call-centre:service-recovery"] button');
    const previews = page.locator('[data-testid="effect-preview"]');
    const bound = (cell: string, index: number, name: string) =>
      page.locator(`[data-effect="${cell}"] [data-field="effects[${index}].${name}"] input`);
    // Nobody estimated these effects yet: the fields stay empty, and planning is refused until they are filled.
    await expect(previews.nth(0).innerText()).resolves.toBe(
      'Level 2.0 today: estimate the low, likely and high change.',
    );
    await expect(bound('branches:service-recovery', 0, 'likely').inputValue()).resolves.toBe('');
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('[data-field-error="effects[0].low"]').innerText()).resolves.toBe(
      'Effect 1: low is empty: estimate the change in levels this investment brings to the cell (0 for none), or remove the effect',
    );
    await expect(
      page.evaluate(
        () =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(name: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('name') ?? null,
      ),
    ).resolves.toBe('effects[0].low');
    expect(
      (await investments()).some((investment) => investment.name === 'Complaint handling training'),
    ).toBe(false);
    await expectAccessible(page);
    await form.screenshot({ path: path.join(artifacts, 'plan-investment-unestimated.png') });

    for (const [name, value] of [
      ['low', '0.5'],
      ['likely', '1'],
      ['high', '1.5'],
    ] as const) {
      await bound('branches:service-recovery', 0, name).fill(value);
      await bound('call-centre:service-recovery', 1, name).fill(value);
    }
    await expect(previews.nth(0).innerText()).resolves.toBe('Level 2.0 → 3.0');
    await expect(previews.nth(1).innerText()).resolves.toMatch(
      /Level 5\.0 → 5\.0 \(6\.0 clamped to the top level, 5\)/,
    );

    await page.fill('[data-effect="call-centre:service-recovery"] [data-field="effects[1].low"] input', '2');
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('[data-field-error^="effects[1]"]').innerText()).resolves.toMatch(/low|likely/);
    await page.fill('[data-effect="call-centre:service-recovery"] [data-field="effects[1].low"] input', '0');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-investment-card]:has-text("Complaint handling training")');

    const planned = (await investments()).find(
      (investment) => investment.name === 'Complaint handling training',
    );
    expect(planned).toMatchObject({
      status: 'PLANNED',
      cost: 20000,
      lagMonths: 1,
      effects: [
        { functionId: 'branches', capabilityId: 'service-recovery', low: 0.5, likely: 1, high: 1.5 },
        { functionId: 'call-centre', capabilityId: 'service-recovery', low: 0, likely: 1, high: 1.5 },
      ],
    });
  });

  /**
   * The cells a list names, each as its words read: function · capability, then low · likely · high.
   * Waits for the list first: a dialog renders a moment after the click that opens it.
   */
  const listedEffects = async (scope: string): Promise<string[]> => {
    const items = page.locator(`${scope} [data-testid="effect-list"] li`);
    await items.first().waitFor();
    return (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  };
  const complaintEffects = [
    'Branches · Service recovery low +0.5 · likely +1.0 · high +1.5',
    'Call centre · Service recovery low 0.0 · likely +1.0 · high +1.5',
  ];

  it('should list what the investment changes on its card, by function and capability name', async () => {
    const card = page.locator('[data-investment-card]:has-text("Complaint handling training")');
    const details = card.locator('[data-testid="investment-effects"]');
    await expect(details.locator('summary').innerText()).resolves.toBe('What it changes: 2 cells');
    await expect(details.locator('[data-testid="effect-list"]').isVisible()).resolves.toBe(false);
    await details.locator('summary').click();
    const scope = '[data-investment-card]:has-text("Complaint handling training")';
    await expect(listedEffects(scope)).resolves.toEqual(complaintEffects);
    await expect(card.locator('.effect-list__when').innerText()).resolves.toBe(
      'Change in levels (low / likely / high), 1 month after it is deployed:',
    );
  });

  it('should approve and deploy it on a date, each after a confirmation listing its effects', async () => {
    const card = page.locator('[data-investment-card]:has-text("Complaint handling training")');
    await card.locator('button:has-text("Approve")').click();
    await expect(listedEffects('[data-testid="confirm-dialog"]')).resolves.toEqual(complaintEffects);
    await expect(page.locator('[data-testid="confirm-dialog"]').innerText()).resolves.toMatch(
      /change 2 cells for 20,000/,
    );
    await page.click('[data-testid="confirm-dialog"] button[type="submit"]');
    await card.locator('[data-testid="investment-status"]:has-text("approved")').waitFor();

    await card.locator('button:has-text("Deploy")').click();
    const dateInput = card.locator('[data-field="deployedAt"] input');
    const today = new Date().toISOString().slice(0, 10);
    await expect(dateInput.getAttribute('max')).resolves.toBe(today);
    // The page offers no later date; were one sent anyway, the api's refusal shows beside the field.
    await dateInput.evaluate((input: { removeAttribute(name: string): void }) => {
      input.removeAttribute('max');
    });
    await dateInput.fill('2099-06-01');
    await card.locator('button[type="submit"]:has-text("Deploy")').click();
    await page.click('[data-testid="confirm-dialog"] button[type="submit"]');
    await expect(card.locator('[data-field-error="deployedAt"]').innerText()).resolves.toMatch(
      /cannot be dated after today \(got 2099-06-01/,
    );
    expect(
      (await investments()).find((investment) => investment.name === 'Complaint handling training'),
    ).toMatchObject({
      status: 'APPROVED',
      deployedAt: null,
    });

    await dateInput.fill('2024-01-15');
    await card.locator('button[type="submit"]:has-text("Deploy")').click();
    await expect(page.locator('[data-testid="confirm-dialog"]').innerText()).resolves.toMatch(/15 Jan 2024/);
    await expect(listedEffects('[data-testid="confirm-dialog"]')).resolves.toEqual(complaintEffects);
    await page.click('[data-testid="confirm-dialog"] button[type="submit"]');
    await card.locator('[data-testid="investment-status"]:has-text("deployed")').waitFor();

    const deployed = (await investments()).find(
      (investment) => investment.name === 'Complaint handling training',
    );
    expect(deployed).toMatchObject({ status: 'DEPLOYED', deployedAt: '2024-01-15T00:00:00.000Z' });
  });

  it('should cancel another investment only with a reason, after confirming, and show when and why', async () => {
    const card = page.locator('[data-investment-card="branch-refit"]');
    await card.locator('button:has-text("Cancel")').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await expect(dialog.locator('button[type="submit"]').isDisabled()).resolves.toBe(true);
    // A refusal after the button speaks the dialog's words, not the api's field path.
    await dialog.locator('textarea[name="reason"]').fill('x'.repeat(2001));
    await dialog.locator('button[type="submit"]').click();
    await expect(card.locator('[role="alert"] .notice__title').innerText()).resolves.toBe(
      'Could not change “Branch refit”: Reason must be at most 2000 characters (got 2001)',
    );
    await card.locator('button:has-text("Cancel")').click();
    await dialog.locator('textarea[name="reason"]').fill('The branches close in 2025.');
    await dialog.locator('button[type="submit"]').click();
    await card.locator('[data-testid="investment-status"]:has-text("cancelled")').waitFor();
    expect((await investments()).find((investment) => investment.id === 'branch-refit')?.status).toBe(
      'CANCELLED',
    );
    const today = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date());
    await expect(card.locator('[data-testid="cancellation"]').innerText()).resolves.toBe(
      `Cancelled ${today}: The branches close in 2025.`,
    );
    await page.reload();
    await expect(card.locator('[data-testid="cancellation"]').innerText()).resolves.toBe(
      `Cancelled ${today}: The branches close in 2025.`,
    );
  });

  it('should show the realisation, predicted against actual, once an assessment after the lag rates its cells', async () => {
    await rate('bank-2024-q1', '2024-03-31', [
      ['branches', 'service-recovery', 3],
      ['call-centre', 'service-recovery', 4],
    ]);
    const deployed = (await investments()).find(
      (investment) => investment.name === 'Complaint handling training',
    )!;
    const { investmentRealisation } = await journey.graphql<{
      investmentRealisation: { predicted: number; actual: number; due: boolean };
    }>('query($id: ID!) { investmentRealisation(investmentId: $id) { predicted actual due } }', {
      id: deployed.id,
    });
    expect(investmentRealisation).toEqual({ predicted: 1, actual: 0, due: true });

    await page.reload();
    await page.waitForSelector(`[data-realisation-row="${deployed.id}"]`);
    await expect(page.locator(`[data-realisation-row="${deployed.id}"]`).innerText()).resolves.toMatch(
      /\+1\.00\s+0\.00\s+0%/,
    );
    await expect(
      page.locator(`[data-testid="realisation-chart"] [data-realisation="${deployed.id}"]`).count(),
    ).resolves.toBe(1);
    // The figure names the assessment it is read from, and each cell shows baseline, predicted and actual.
    await expect(
      page.locator(`[data-realisation="${deployed.id}"] [data-testid="measured-by"]`).innerText(),
    ).resolves.toBe('measured by bank-2024-q1 (31 Mar 2024, closed)');
    const cells = page.locator(`[data-realisation-cells="${deployed.id}"]`);
    await cells.locator('summary').click();
    await expect(
      cells.locator('[data-realisation-cell="branches:service-recovery"]').innerText(),
    ).resolves.toMatch(/Branches · Service recovery\s+2\.0\s+3\.0\s+3\.0/);
    await expect(
      cells.locator('[data-realisation-cell="call-centre:service-recovery"]').innerText(),
    ).resolves.toMatch(/Call centre · Service recovery\s+5\.0\s+5\.0\s+4\.0/);
    // Every card's effects open: at 375 px the lists wrap and nothing scrolls sideways.
    for (const summary of await page.locator('[data-testid="investment-effects"] summary').all())
      await summary.click();
    await captureScreen(page, 'planning');

    // At phone width each investment's realisation is a card: the table never scrolls sideways.
    await page.setViewportSize(PHONE);
    const overflow = await regionOverflow(page, 'Realisation of deployed investments, as a table');
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(
      page.locator(`[data-realisation-row="${deployed.id}"] td[data-label="Actual"]`).innerText(),
    ).resolves.toBe('0.00');
    await page.setViewportSize(DESKTOP);
    expect(pageProblems(page)).toEqual([]);
  });

  const focused = () =>
    page.evaluate(() => {
      const active = (
        globalThis as unknown as {
          document: {
            activeElement: {
              tagName: string;
              textContent: string | null;
              getAttribute(name: string): string | null;
            } | null;
          };
        }
      ).document.activeElement;
      return {
        tag: active?.tagName.toLowerCase() ?? null,
        text: active?.textContent?.trim() ?? null,
        name: active?.getAttribute('name') ?? null,
        testId: active?.getAttribute('data-testid') ?? null,
      };
    });

  it('should keep keyboard focus on the card through approve and deploy, offering no date before the first assessment', async () => {
    await journey.graphql(
      'mutation { planInvestment(input: { organizationId: "bank", investmentId: "queue-kiosks", name: "Queue kiosks", kind: CAPITAL, cost: 5000, lagMonths: 0, effects: [{ functionId: "branches", capabilityId: "service-recovery", low: 0, likely: 1, high: 1 }] }) { id } }',
    );
    await page.reload();
    const card = page.locator('[data-investment-card="queue-kiosks"]');
    await card.locator('button:has-text("Approve")').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="confirm-dialog"] button[type="submit"]').click();
    await card.locator('[data-testid="investment-status"]:has-text("approved")').waitFor();
    // The Approve button is gone: focus moves to the card's next action, not to <body>.
    await expect(focused()).resolves.toMatchObject({ tag: 'button', text: 'Deploy…' });

    await page.keyboard.press('Enter');
    await expect(focused()).resolves.toMatchObject({ tag: 'input', name: 'deployedAt' });
    const dateInput = card.locator('[data-field="deployedAt"] input');
    await expect(dateInput.getAttribute('min')).resolves.toBe('2023-12-31');
    await expect(card.locator('[data-field="deployedAt"]').innerText()).resolves.toMatch(/from 31 Dec 2023/);

    await dateInput.fill('2024-04-01');
    await card.locator('button[type="submit"]:has-text("Deploy")').click();
    await page.click('[data-testid="confirm-dialog"] button[type="submit"]');
    await card.locator('[data-testid="investment-status"]:has-text("deployed")').waitFor();
    await expect(focused()).resolves.toMatchObject({ testId: 'investment-status', text: 'deployed' });
  });

  it('should mark a realisation measured by an open assessment provisional, say what earlier ones showed, and say why one can never be measured', async () => {
    // A pulse after both lags, still open: Branches' service recovery reaches 4.
    await journey.graphql('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
      input: {
        organizationId: 'bank',
        assessmentId: 'bank-2024-pulse',
        title: 'June pulse',
        periodEnd: '2024-06-30',
      },
    });
    await journey.graphql('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', {
      input: {
        assessmentId: 'bank-2024-pulse',
        functionId: 'branches',
        capabilityId: 'service-recovery',
        level: 4,
        source: 'SELF',
      },
    });
    // Self-service was never rated: deployed in February, it has no baseline.
    await journey.graphql(
      'mutation { planInvestment(input: { organizationId: "bank", investmentId: "self-service-app", name: "Self-service app", kind: CAPITAL, cost: 8000, lagMonths: 2, effects: [{ functionId: "branches", capabilityId: "self-service", low: 0, likely: 1, high: 1 }] }) { id } }',
    );
    await journey.graphql('mutation { approveInvestment(investmentId: "self-service-app") { id } }');
    await journey.graphql(
      'mutation { deployInvestment(investmentId: "self-service-app", deployedAt: "2024-02-01") { id } }',
    );
    const complaint = (await investments()).find(
      (investment) => investment.name === 'Complaint handling training',
    )!;
    await page.reload();
    await page.waitForSelector('[data-realisation-row="self-service-app"]');

    await expect(
      page.locator(`[data-realisation="${complaint.id}"] [data-testid="measured-by"]`).innerText(),
    ).resolves.toBe(
      'measured by June pulse (30 Jun 2024, still open) ◐ provisional; was 0% from bank-2024-q1 (31 Mar 2024)',
    );
    await expect(
      page.locator(`[data-realisation-row="${complaint.id}"] td[data-label="Ratio"]`).innerText(),
    ).resolves.toBe('100%');
    await expect(
      page.locator('[data-realisation-row="self-service-app"] td[data-label="Actual"]').innerText(),
    ).resolves.toBe('never: no baseline');
    await expect(
      page.locator('[data-realisation="self-service-app"] .realisation__pending').innerText(),
    ).resolves.toBe(
      'never measurable: its only cell had no rating on 1 Feb 2024, so there is no baseline to compare with',
    );
    await page.locator('[data-testid="realisation-chart"]').screenshot({
      path: path.join(artifacts, 'realisation-provisional-1280.png'),
    });

    // On a phone the chart's figures keep the page's text size.
    await page.setViewportSize(PHONE);
    const label = page.locator(`[data-realisation="${complaint.id}"] .realisation__value`).first();
    const box = await label.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(12);
    await expect(
      regionOverflow(page, 'Realisation of deployed investments, as a table'),
    ).resolves.toBeLessThanOrEqual(0);
    await page.locator('[data-testid="realisation-chart"]').screenshot({
      path: path.join(artifacts, 'realisation-provisional-375.png'),
    });
    await page.setViewportSize(DESKTOP);
    expect(pageProblems(page)).toEqual([]);
  });

  it('should warn while a name still planned is typed again, and show the ids of namesakes in the list', async () => {
    const plan = (investmentId: string) =>
      journey.graphql(
        `mutation { planInvestment(input: { organizationId: "bank", investmentId: "${investmentId}", name: "Waiter service-recovery training", kind: OPERATIONAL, cost: 12000, lagMonths: 2, effects: [{ functionId: "branches", capabilityId: "service-recovery", low: 0, likely: 1, high: 1 }] }) { id } }`,
      );
    await plan('waiter-training');
    await page.reload();
    await page.click('[data-screen="planning"]');
    const form = page.locator('form[aria-label="Plan an investment"]');
    await form.locator('[data-field="name"] input').fill('waiter  service-recovery TRAINING');
    const warning = form.locator('[data-testid="namesake-warning"]');
    await expect(warning.innerText()).resolves.toBe(
      '“Waiter service-recovery training” is already planned (cost 12,000, 1 effect, id waiter-training). Planning it again adds a second investment beside it; to change that one, use Edit on its card.',
    );
    await warning.scrollIntoViewIfNeeded();
    await captureScreen(page, 'planning-namesake-warning');
    // Another name: no warning.
    await form.locator('[data-field="name"] input').fill('Waiter service-recovery training, part 2');
    await expect(warning.count()).resolves.toBe(0);
    await form.locator('[data-field="name"] input').fill('');

    // Planned twice all the same: the two cards say which is which; a card without a namesake does not.
    await plan('waiter-training-again');
    await page.reload();
    await page.click('[data-screen="planning"]');
    for (const id of ['waiter-training', 'waiter-training-again'])
      await expect(
        page.locator(`[data-investment-card="${id}"] [data-testid="investment-id"]`).innerText(),
      ).resolves.toContain(`id ${id}`);
    await expect(
      page.locator('[data-investment-card="branch-refit"] [data-testid="investment-id"]').count(),
    ).resolves.toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });
});
