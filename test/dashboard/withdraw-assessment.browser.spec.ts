// An assessment opened by mistake, in real Chromium: opening one with a period end in 1900 asks
// again, naming the date; Withdraw… asks for a reason and says what happens; the cycle then reads
// as withdrawn in the list, is no longer the one shown first, counts nowhere on the overview, and
// its rater's link says it was withdrawn.
import type { Page } from 'playwright-core';
import {
  captureScreen,
  pageProblems,
  PHONE,
  startJourney,
  watchProblems,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

interface AssessmentShape {
  id: string;
  title: string;
  status: string;
  withdrawalReason: string | null;
}

describe('Withdrawing an assessment (browser)', () => {
  let journey: Journey;
  let page: Page;
  let raterLink = '';

  const assessments = async (): Promise<AssessmentShape[]> =>
    (
      await journey.graphql<{ assessments: AssessmentShape[] }>(
        '{ assessments(organizationId: "inn") { id title status withdrawalReason } }',
      )
    ).assessments;
  const dialog = () => page.locator('[data-testid="confirm-dialog"]');

  beforeAll(async () => {
    journey = await startJourney('withdraw-browser');
    await journey.graphql('mutation { registerOrganization(input: { id: "inn", name: "Quay Inn" }) { id } }');
    await journey.graphql(
      'mutation { addFunction(input: { organizationId: "inn", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    );
    // The cycle that counts: rated, closed.
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "inn", assessmentId: "spring-2025", title: "Spring 2025 review", periodEnd: "2025-03-31" }) { id } }',
    );
    await journey.graphql(
      'mutation { recordRating(input: { assessmentId: "spring-2025", functionId: "front-desk", capabilityId: "service-recovery", level: 2, source: SELF }) { id } }',
    );
    await journey.graphql('mutation { closeAssessment(assessmentId: "spring-2025") { id } }');
    page = await journey.signIn(await journey.issueToken('ASSESSOR', ['inn']));
    await page.click('[data-screen="assessments"]');
    await page.waitForSelector('[data-testid="assessments-screen"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should ask again, naming the date, before opening an assessment for a period ending in 1900', async () => {
    const form = page.locator('form[aria-label="Open an assessment"]');
    await form.locator('[data-field="title"] input').fill('2026 Q1 review');
    await form.locator('[data-field="periodEnd"] input').fill('1900-01-01');
    await form.locator('button[type="submit"]').click();
    await expect(dialog().locator('[data-testid="unusual-period-end"]').innerText()).resolves.toMatch(
      /1 Jan 1900 is more than 10 years ago\. Is that the date you meant\?/,
    );
    await expect(dialog().locator('button[type="submit"]').innerText()).resolves.toBe(
      'Open it for 1 Jan 1900',
    );
    await dialog().locator('button:has-text("Go back")').click();
    expect((await assessments()).map((assessment) => assessment.title)).toEqual(['Spring 2025 review']);

    // A usual date asks as before, without the warning.
    await form.locator('[data-field="periodEnd"] input').fill('2026-03-31');
    await form.locator('button[type="submit"]').click();
    await expect(dialog().locator('[data-testid="unusual-period-end"]').count()).resolves.toBe(0);
    await dialog().locator('button:has-text("Go back")').click();

    // The slip goes through anyway, confirmed: the withdrawal below is for exactly this.
    await form.locator('[data-field="periodEnd"] input').fill('1900-01-01');
    await form.locator('button[type="submit"]').click();
    await dialog().locator('button:has-text("Open it for 1 Jan 1900")').click();
    await page.waitForSelector('[data-testid="assessment-status"]:has-text("OPEN")');
    const typo = (await assessments()).find((assessment) => assessment.title === '2026 Q1 review');
    expect(typo?.status).toBe('OPEN');

    const invited = await journey.graphql<{ inviteRaters: { link: string }[] }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { link } }',
      {
        input: {
          assessmentId: typo?.id,
          invitations: [{ respondentId: 'guest-1', source: 'CUSTOMER', functionIds: ['front-desk'] }],
        },
      },
    );
    raterLink = invited.inviteRaters[0]?.link ?? '';
  });

  it('should withdraw it with a reason, after saying what happens, and show it as withdrawn', async () => {
    const withdraw = page.locator('button:has-text("Withdraw…")');
    await withdraw.click();
    const asked = await dialog().innerText();
    expect(asked).toContain('Withdraw “2026 Q1 review”?');
    expect(asked).toMatch(/stops counting everywhere/);
    expect(asked).toMatch(/links stop taking answers/);
    expect(asked).toMatch(/stays in the audit history/);
    expect(asked).toMatch(/cannot be undone/);
    // No reason, no withdrawal.
    await expect(dialog().locator('button[type="submit"]').isDisabled()).resolves.toBe(true);
    await dialog().locator('button:has-text("Go back")').click();
    expect((await assessments()).every((assessment) => assessment.status !== 'WITHDRAWN')).toBe(true);

    await withdraw.click();
    await dialog().locator('textarea[name="reason"]').fill('Period end typed as 1900; reopened as 2026 Q1');
    await dialog().locator('button:has-text("Withdraw the assessment")').click();
    await page.waitForSelector('[data-testid="assessment-status"]:has-text("WITHDRAWN")');
    await expect(page.locator('[data-testid="withdrawal-notice"]').innerText()).resolves.toMatch(
      /Withdrawn on .*: “Period end typed as 1900; reopened as 2026 Q1”\. It counts in no view/,
    );
    // Nothing more is offered on it: no recording, closing, inviting or withdrawing again.
    for (const gone of [
      'form[aria-label="Record a rating"]',
      'form[aria-label="Invite raters"]',
      'button:has-text("Close the assessment")',
      'button:has-text("Withdraw…")',
    ])
      await expect(page.locator(gone).count()).resolves.toBe(0);
    const withdrawn = (await assessments()).find((assessment) => assessment.title === '2026 Q1 review');
    expect(withdrawn).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: 'Period end typed as 1900; reopened as 2026 Q1',
    });
    const listed = page.locator(`[data-assessment="${withdrawn?.id ?? ''}"]`);
    await expect(listed.innerText()).resolves.toMatch(/WITHDRAWN[\s\S]*counts nowhere/);
    await captureScreen(page, 'assessment-withdrawn');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should show the cycle that still counts first, and leave the withdrawn one out of the overview', async () => {
    await page.reload();
    await page.click('[data-screen="assessments"]');
    await expect(page.locator('#assessment-title').innerText()).resolves.toBe('Spring 2025 review');
    await page.click('[data-screen="overview"]');
    await page.waitForSelector(
      'main[data-screen="overview"] [data-testid="change-since"], main[data-screen="overview"] table',
    );
    // The time slider and the heatmap know only the cycle that counts.
    await expect(page.locator('main').innerText()).resolves.not.toMatch(/1900/);
    const { maturityTimeline } = await journey.graphql<{ maturityTimeline: { at: string }[] }>(
      '{ maturityTimeline(organizationId: "inn") { at } }',
    );
    expect(maturityTimeline.map((point) => point.at)).toEqual(['2025-03-31T00:00:00.000Z']);
  });

  it('should tell the rater their link stopped because the assessment was withdrawn', async () => {
    const rater = watchProblems(await journey.browser.newPage({ viewport: PHONE }));
    await rater.goto(raterLink);
    const message = rater.locator('[data-testid="rate-withdrawn"]');
    await expect(message.innerText()).resolves.toMatch(
      /This assessment was withdrawn[\s\S]*takes no more answers[\s\S]*count nowhere/,
    );
    await expect(rater.locator('[data-testid="rate-questions"]').count()).resolves.toBe(0);
    await captureScreen(rater, 'rate-withdrawn');
    expect(pageProblems(rater)).toEqual([]);
    await rater.close();
  });

  it('should ask before opening a twin of an open assessment, naming it, ask whether the year is right years ahead, and list twins with their ids', async () => {
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "inn", assessmentId: "winter-2027", title: "Winter 2027 review", periodEnd: "2027-02-28" }) { id } }',
    );
    await page.reload();
    await page.click('[data-screen="assessments"]');
    const form = page.locator('form[aria-label="Open an assessment"]');
    await form.locator('[data-field="title"] input').fill('Winter 2027 review');
    await form.locator('[data-field="periodEnd"] input').fill('2027-02-28');
    await form.locator('button[type="submit"]').click();
    await expect(dialog().locator('[data-testid="twin-assessment"]').innerText()).resolves.toMatch(
      /^An open assessment “Winter 2027 review” ending 28 Feb 2027 already exists \(id winter-2027\)\./,
    );
    await expect(dialog().locator('button[type="submit"]').innerText()).resolves.toBe('Open a second one');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Go back');
    await captureScreen(page, 'assessment-twin-confirm');
    await dialog().locator('button:has-text("Go back")').click();
    expect(
      (await assessments()).filter((assessment) => assessment.title === 'Winter 2027 review'),
    ).toHaveLength(1);

    // Another period end is no twin; one more than two years ahead asks whether the year is right.
    await form.locator('[data-field="periodEnd"] input').fill('2030-01-01');
    await form.locator('button[type="submit"]').click();
    await expect(dialog().locator('[data-testid="twin-assessment"]').count()).resolves.toBe(0);
    await expect(dialog().locator('[data-testid="unusual-period-end"]').innerText()).resolves.toMatch(
      /1 Jan 2030 is more than 2 years from now\. Is the year right\?/,
    );
    await dialog().locator('button:has-text("Go back")').click();

    // Opened twice on purpose: both are listed with their ids, the cycle without a twin is not.
    await form.locator('[data-field="periodEnd"] input').fill('2027-02-28');
    await form.locator('button[type="submit"]').click();
    await dialog().locator('button:has-text("Open a second one")').click();
    await page.waitForSelector('[data-testid="assessment-status"]:has-text("OPEN")');
    const twins = (await assessments()).filter((assessment) => assessment.title === 'Winter 2027 review');
    expect(twins).toHaveLength(2);
    for (const twin of twins)
      await expect(page.locator(`[data-assessment="${twin.id}"]`).innerText()).resolves.toContain(
        `id ${twin.id}`,
      );
    await expect(page.locator('[data-assessment="spring-2025"]').innerText()).resolves.not.toContain('id ');
    expect(pageProblems(page)).toEqual([]);
  });
});
