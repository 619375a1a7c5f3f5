// A rater's "Not sure" and "Next unanswered", in real Chromium at 375 px against the real api:
// Not sure is saved by the api, so a fresh browser (another phone, no storage of the first) shows
// it; Next unanswered, in the sticky progress bar, takes a keyboard user to the next question with
// no answer and no Not sure, in view and clear of the bar, and says when none is left.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  expectAccessible,
  pageProblems,
  PHONE,
  phoneScreenshots,
  startJourney,
  watchProblems,
  type Journey,
} from './browser-journey';

jest.setTimeout(300_000);

const ASSESSMENT = 'winter-2026';
const CAPABILITIES = ['customer-insight', 'service-recovery', 'self-service', 'cross-functional-cooperation'];

describe('Rater Not sure and Next unanswered (browser)', () => {
  let journey: Journey;
  const links = new Map<string, string>();
  const tokens = new Map<string, string>();
  const contexts: BrowserContext[] = [];

  const question = (page: Page, index: number) =>
    page.locator('[data-testid="rate-questions"] > li').nth(index);
  /** A phone of its own: nothing kept by another context's storage. */
  const freshPhone = async (): Promise<Page> => {
    const context = await journey.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    contexts.push(context);
    return watchProblems(await context.newPage());
  };
  const focusedQuestion = (page: Page) =>
    page.evaluate(() => {
      const focused = document.activeElement;
      const questions = Array.from(document.querySelectorAll('.rate-questions > li > .question'));
      return focused === null ? -1 : questions.indexOf(focused);
    });
  /** The focused question lies in the viewport, below the sticky progress bar. */
  const inViewBelowTheBar = (page: Page) =>
    page.evaluate(() => {
      const focused = document.activeElement?.getBoundingClientRect();
      const bar = document.querySelector('.rate-progress')?.getBoundingClientRect();
      if (!focused || !bar) return false;
      return focused.top >= bar.bottom - 1 && focused.top < window.innerHeight;
    });
  /** Presses `key` (Tab or Shift+Tab) until Next unanswered has the focus, as a keyboard user does. */
  const tabTo = async (page: Page, key: 'Tab' | 'Shift+Tab') => {
    const next = page.locator('[data-testid="rate-next-unanswered"]');
    const focused = () => next.evaluate((element) => element === document.activeElement);
    for (let step = 0; step < 30 && !(await focused()); step += 1) await page.keyboard.press(key);
    await expect(focused()).resolves.toBe(true);
  };
  const answerAsRater = (respondentId: string, capabilityId: string, level: number) =>
    journey.graphql(
      'mutation($input: AnswerInput!) { answerQuestion(input: $input) { answered } }',
      { input: { functionId: 'front-desk', capabilityId, level } },
      tokens.get(respondentId),
    );

  beforeAll(async () => {
    journey = await startJourney('rater-not-sure-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "inn", name: "Harbour Inn" }) { id } }',
    );
    await journey.graphql(
      'mutation { addFunction(input: { organizationId: "inn", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    );
    await journey.graphql(
      `mutation { openAssessment(input: { organizationId: "inn", assessmentId: "${ASSESSMENT}", title: "Winter 2026 review", periodEnd: "2026-12-31" }) { id } }`,
    );
    const issued = await journey.graphql<{
      inviteRaters: { link: string; token: string; invitation: { respondentId: string } }[];
    }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { link token invitation { respondentId } } }',
      {
        input: {
          assessmentId: ASSESSMENT,
          invitations: ['guest-a', 'guest-b'].map((respondentId) => ({
            respondentId,
            source: 'CUSTOMER',
            functionIds: ['front-desk'],
            capabilityIds: CAPABILITIES,
          })),
        },
      },
    );
    for (const { link, token, invitation } of issued.inviteRaters) {
      links.set(invitation.respondentId, link);
      tokens.set(invitation.respondentId, token);
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await journey.stop();
  });

  it('should save Not sure with the api, so a fresh browser on another phone shows it', async () => {
    const first = await freshPhone();
    await first.goto(links.get('guest-a') ?? '');
    await first.waitForSelector('[data-testid="rate-progress"] >> text=0 of 4 answered');
    await question(first, 1).locator('label.choice:has-text("Not sure")').click();
    await question(first, 1).locator('[data-save-state="saved"]').waitFor();
    await expect(question(first, 1).locator('.question__status').innerText()).resolves.toBe(
      'Saved: Not sure (no level recorded)',
    );
    await expect(first.locator('[data-testid="rate-progress"]').innerText()).resolves.toBe(
      '0 of 4 answered · 1 not sure',
    );

    const second = await freshPhone();
    await second.goto(links.get('guest-a') ?? '');
    await second.waitForSelector('[data-testid="rate-progress"] >> text=0 of 4 answered · 1 not sure');
    await expect(question(second, 1).locator('input[value="not-sure"]').isChecked()).resolves.toBe(true);
    await expect(question(second, 0).locator('input[value="not-sure"]').isChecked()).resolves.toBe(false);
    await expect(
      second.evaluate(() =>
        Object.keys(window.localStorage).filter((key) => key.startsWith('questionnaire-not-sure:')),
      ),
    ).resolves.toEqual([]);
    expect(pageProblems(first)).toEqual([]);
    expect(pageProblems(second)).toEqual([]);
  });

  it('should move a keyboard user to the next question left (no answer, no Not sure), in view, and say when none is left', async () => {
    // guest-b answered the first question elsewhere and was not sure about the third.
    await answerAsRater('guest-b', CAPABILITIES[0] ?? '', 3);
    await journey.graphql(
      'mutation($input: SetQuestionAsideInput!) { setQuestionAside(input: $input) { notSure } }',
      { input: { functionId: 'front-desk', capabilityId: CAPABILITIES[2] } },
      tokens.get('guest-b'),
    );
    const page = await freshPhone();
    await page.goto(links.get('guest-b') ?? '');
    await page.waitForSelector('[data-testid="rate-progress"] >> text=1 of 4 answered · 1 not sure');
    const next = page.locator('[data-testid="rate-next-unanswered"]');
    await expect(next.evaluate((element) => element.tagName)).resolves.toBe('BUTTON');

    // Tab from the top of the page to the button: the keyboard only.
    await tabTo(page, 'Tab');
    await page.keyboard.press('Enter');
    // Question 2: the first with neither an answer nor Not sure.
    await expect(focusedQuestion(page)).resolves.toBe(1);
    await expect(inViewBelowTheBar(page)).resolves.toBe(true);
    // For a look at the bar and the question reached, on a phone and on a desktop (not for the docs).
    await page.screenshot({ path: path.join(phoneScreenshots, 'rate-next-unanswered-phone.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(phoneScreenshots, 'rate-next-unanswered-desktop.png') });
    await page.setViewportSize(PHONE);

    // Tab into its levels, pick one with Space, and go back up to the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await question(page, 1).locator('[data-save-state="saved"]').waitFor();
    await tabTo(page, 'Shift+Tab');
    await page.keyboard.press('Enter');
    // Past question 3 (Not sure) to question 4.
    await expect(focusedQuestion(page)).resolves.toBe(3);
    await expect(inViewBelowTheBar(page)).resolves.toBe(true);
    await expect(page.locator('[data-testid="rate-none-left"]').innerText()).resolves.toBe('');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await question(page, 3).locator('[data-save-state="saved"]').waitFor();
    await tabTo(page, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid="rate-none-left"]').innerText()).resolves.toBe(
      'Every question has an answer or Not sure: nothing is left to answer.',
    );
    await expect(page.locator('[data-testid="rate-progress"]').innerText()).resolves.toBe(
      '3 of 4 answered · 1 not sure',
    );
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);

    // The office sees guest-b finished: answered + not sure = expected.
    const { campaignProgress } = await journey.graphql<{
      campaignProgress: { finished: number; completed: number; notSure: number };
    }>(`{ campaignProgress(assessmentId: "${ASSESSMENT}") { finished completed notSure } }`);
    expect(campaignProgress).toEqual({ finished: 1, completed: 0, notSure: 2 });
  });
});
