// The rater's links in real Chromium, as people use them on a shared PC or a phone: a second
// person's link pasted into a tab already showing someone's questionnaire loads theirs (and
// nothing more is sent with the first link), evidence typed is saved without leaving the box and
// survives closing the page (typed before a level is picked, it is kept on the phone until one
// is), a mistyped or cut-off link says what to do, and a rater who never answered a closed
// assessment is told it closed before they answered.
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
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

interface RatingShape {
  respondentId: string | null;
  level: number;
  evidence: string | null;
}

const ASSESSMENT = 'summer-2026';

describe('Rater links (browser)', () => {
  let journey: Journey;
  const links = new Map<string, string>();
  const tokenOf = (respondentId: string): string =>
    decodeURIComponent((links.get(respondentId) ?? '').split('#token=')[1] ?? '');

  const ratings = async (): Promise<RatingShape[]> =>
    (
      await journey.graphql<{ assessment: { ratings: RatingShape[] } }>(
        `{ assessment(id: "${ASSESSMENT}") { ratings { respondentId level evidence } } }`,
      )
    ).assessment.ratings;
  const ratingOf = async (respondentId: string): Promise<RatingShape | undefined> =>
    (await ratings()).find((rating) => rating.respondentId === respondentId);
  const firstQuestion = (page: Page) => page.locator('[data-testid="rate-questions"] > li').first();
  const newRaterPage = async (): Promise<Page> =>
    watchProblems(await journey.browser.newPage({ viewport: PHONE }));

  beforeAll(async () => {
    journey = await startJourney('rater-links-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "bay", name: "Bay Hotel" }) { id } }',
    );
    for (const [functionId, name] of [
      ['front-desk', 'Front desk'],
      ['housekeeping', 'Housekeeping'],
    ] as const)
      await journey.graphql(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "bay", functionId: $f, name: $n, customerFacing: true }) { id } }',
        { f: functionId, n: name },
      );
    await journey.graphql(
      `mutation { openAssessment(input: { organizationId: "bay", assessmentId: "${ASSESSMENT}", title: "Summer 2026 review", periodEnd: "2026-06-30" }) { id } }`,
    );
    const person = (respondentId: string, label: string, functionId: string) => ({
      respondentId,
      label,
      source: 'SELF',
      functionIds: [functionId],
      capabilityIds: ['service-recovery'],
    });
    const issued = await journey.graphql<{
      inviteRaters: { link: string; invitation: { respondentId: string } }[];
    }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { link invitation { respondentId } } }',
      {
        input: {
          assessmentId: ASSESSMENT,
          invitations: [
            person('alice', 'Alice desk', 'front-desk'),
            person('bob', 'Bob desk', 'front-desk'),
            person('carol', 'Carol rooms', 'housekeeping'),
            person('dave', 'Dave rooms', 'housekeeping'),
            person('erin', 'Erin rooms', 'housekeeping'),
            person('fay', 'Fay rooms', 'housekeeping'),
          ],
        },
      },
    );
    for (const { link, invitation } of issued.inviteRaters) links.set(invitation.respondentId, link);
  });

  afterAll(async () => {
    await journey.stop();
  });

  it("should load Bob's questionnaire when his link is pasted into Alice's tab, record his answer under him, and send nothing more with Alice's link", async () => {
    const page = await newRaterPage();
    await page.goto(links.get('alice') ?? '');
    await page.waitForSelector('[data-testid="rate-progress"] >> text=0 of 1 answered');
    await firstQuestion(page).locator('label.choice:has-text("2 ·")').click();
    await firstQuestion(page).locator('[data-save-state="saved"]').waitFor();
    expect(await ratingOf('alice')).toEqual(expect.objectContaining({ level: 2 }));

    // Alice changes her mind, and before that answer has gone, Bob pastes his link into the tab.
    const sentWithAlicesLink: Request[] = [];
    await firstQuestion(page).locator('label.choice:has-text("3 ·")').click();
    const alice = tokenOf('alice');
    page.on('request', (request) => {
      if (request.headers().authorization === `Bearer ${alice}`) sentWithAlicesLink.push(request);
    });
    await page.goto(links.get('bob') ?? '');
    await page.waitForSelector('[data-testid="rate-progress"] >> text=0 of 1 answered', { timeout: 5_000 });
    await expect(firstQuestion(page).locator('input[type="radio"]:checked').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="rate-subject"]').innerText()).resolves.toBe(
      'This link’s questions are about Front desk; you answer about your own function.',
    );

    await firstQuestion(page).locator('label.choice:has-text("4 ·")').click();
    await firstQuestion(page).locator('[data-save-state="saved"]').waitFor();
    await page.waitForTimeout(500);
    expect(await ratingOf('bob')).toEqual(expect.objectContaining({ level: 4 }));
    expect(await ratingOf('alice')).toEqual(expect.objectContaining({ level: 2 }));
    expect(sentWithAlicesLink.map((request) => request.url())).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('should save the evidence as it is typed, saying "Not saved yet" until the api has it, and keep it over a reload', async () => {
    const page = await newRaterPage();
    await page.goto(links.get('carol') ?? '');
    await firstQuestion(page).locator('label.choice:has-text("2 ·")').click();
    await firstQuestion(page).locator('[data-save-state="saved"]').waitFor();
    const box = firstQuestion(page).locator('textarea');
    await box.click();
    await page.keyboard.type('Rooms come back late; nobody tells us about VIPs.');
    await expect(firstQuestion(page).locator('.question__status').innerText()).resolves.toMatch(
      /^Not saved yet/,
    );
    await expect(page.locator('[data-testid="rate-footer-note"]').innerText()).resolves.toMatch(
      /wait until each question says “Saved”/,
    );
    // Still typing in the box (no blur): saved once the typing pauses.
    await firstQuestion(page).locator('[data-save-state="saved"]').waitFor({ timeout: 5_000 });
    await expect(box.evaluate((element) => element === element.ownerDocument.activeElement)).resolves.toBe(
      true,
    );
    expect(await ratingOf('carol')).toEqual({
      respondentId: 'carol',
      level: 2,
      evidence: 'Rooms come back late; nobody tells us about VIPs.',
    });
    await page.reload();
    await expect(firstQuestion(page).locator('textarea').inputValue()).resolves.toBe(
      'Rooms come back late; nobody tells us about VIPs.',
    );
    await expectAccessible(page);
    await page.close();
  });

  it('should send typed evidence once, even when the box loses focus while it is being sent', async () => {
    const page = await newRaterPage();
    await page.goto(links.get('erin') ?? '');
    await firstQuestion(page).locator('label.choice:has-text("3 ·")').click();
    await firstQuestion(page).locator('[data-save-state="saved"]').waitFor();
    const evidence = 'Linen arrives after check-in time on Mondays.';
    const sentWithEvidence: string[] = [];
    let releaseAnswer: () => void = () => undefined;
    const answerHeld = new Promise<void>((resolve) => {
      releaseAnswer = resolve;
    });
    // Hold the answer carrying the evidence at the api's door, so the blur below happens while it is in flight.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes(evidence)) return route.continue();
      sentWithEvidence.push(body);
      await answerHeld;
      return route.continue();
    });
    await firstQuestion(page).locator('textarea').click();
    await page.keyboard.type(evidence);
    for (const deadline = Date.now() + 5_000; sentWithEvidence.length === 0 && Date.now() < deadline;)
      await page.waitForTimeout(50);
    expect(sentWithEvidence).toHaveLength(1);
    await page.locator('h1').first().click(); // the box loses focus
    await page.waitForTimeout(300);
    releaseAnswer();
    await firstQuestion(page).locator('[data-save-state="saved"]').waitFor({ timeout: 5_000 });
    expect(sentWithEvidence).toHaveLength(1);
    expect(await ratingOf('erin')).toEqual({ respondentId: 'erin', level: 3, evidence });
    await page.close();
  });

  it('should send the evidence when the page is closed straight after typing', async () => {
    const page = await newRaterPage();
    await page.goto(links.get('carol') ?? '');
    const box = firstQuestion(page).locator('textarea');
    await box.waitFor();
    await box.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Twice this week.');
    await page.close({ runBeforeUnload: true });
    const expected = 'Rooms come back late; nobody tells us about VIPs. Twice this week.';
    for (const deadline = Date.now() + 5_000; (await ratingOf('carol'))?.evidence !== expected;) {
      if (Date.now() > deadline)
        throw new Error(`the evidence never arrived: ${JSON.stringify(await ratingOf('carol'))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await ratingOf('carol')).toEqual(expect.objectContaining({ level: 2, evidence: expected }));
  });

  it('should keep evidence written before a level is picked on the phone, say so, and send it with the level', async () => {
    const page = await newRaterPage();
    await page.goto(links.get('fay') ?? '');
    const box = firstQuestion(page).locator('textarea');
    const status = firstQuestion(page).locator('.question__status');
    await box.click();
    const evidence = 'Nobody tells us which rooms are for VIP guests.';
    await page.keyboard.type(evidence);
    await expect(status.innerText()).resolves.toBe(
      'What you wrote is kept on this phone, not sent: pick a level to send it with your answer.',
    );
    // Nothing can be recorded without a level, and nothing is.
    await page.waitForTimeout(1_200);
    expect(await ratingOf('fay')).toBeUndefined();

    // The page closed and the link opened again on this phone: the text is there, still said so.
    await page.reload();
    await expect(box.inputValue()).resolves.toBe(evidence);
    await expect(status.innerText()).resolves.toMatch(/^What you wrote is kept on this phone, not sent/);
    await firstQuestion(page).locator('label.choice:has-text("Not sure")').click();
    // Not sure is sent (no level, no text); the text stays on the phone.
    await firstQuestion(page).locator('[data-save-state="unsaved"]').waitFor();
    await expect(status.innerText()).resolves.toBe(
      'Not sure is saved, with no level. What you wrote is kept on this phone, not sent: pick a level to send it with your answer.',
    );
    // For a look at the card on a phone and on a desktop (not for the docs).
    await page.screenshot({ path: path.join(phoneScreenshots, 'rate-draft-evidence-phone.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(phoneScreenshots, 'rate-draft-evidence-desktop.png') });
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(box.inputValue()).resolves.toBe(evidence);

    await firstQuestion(page).locator('label.choice:has-text("3 ·")').click();
    await firstQuestion(page).locator('[data-save-state="saved"]').waitFor();
    expect(await ratingOf('fay')).toEqual({ respondentId: 'fay', level: 3, evidence });
    // Sent: nothing of it is kept on the phone any more.
    await expect(
      page.evaluate(() =>
        Object.keys(window.localStorage).filter((key) => key.startsWith('questionnaire-draft-evidence:')),
      ),
    ).resolves.toEqual([]);
    await expectAccessible(page);
    await page.close();
  });

  it('should tell a rater whose link is mistyped or cut off to open it again from the invitation or ask the office', async () => {
    const page = await newRaterPage();
    const alice = tokenOf('alice');
    for (const wrong of [`${alice.split('.')[0] ?? ''}.WRONGSECRET`, alice.slice(0, 20)]) {
      await page.goto(`${journey.api.baseUrl}/rate#token=${encodeURIComponent(wrong)}`);
      await page.reload();
      const stopped = page.locator('[data-testid="rate-link-stopped"]');
      await stopped.waitFor();
      const text = await stopped.innerText();
      expect(text).toMatch(/This link is incomplete or not recognised/);
      expect(text).toMatch(/Open it again from your invitation/);
      expect(text).toMatch(/ask the assessment office for a new one/);
      expect(text).not.toMatch(/API token|malformed/);
    }
    await expectAccessible(page);
    await page.close();
  });

  it('should tell a rater who never answered that the assessment closed before they did', async () => {
    await journey.graphql(`mutation { closeAssessment(assessmentId: "${ASSESSMENT}") { id } }`);
    const page = await newRaterPage();
    await page.goto(links.get('dave') ?? '');
    const closed = page.locator('[data-testid="rate-thank-you"]');
    await closed.waitFor();
    const text = await closed.innerText();
    expect(text).toMatch(/closed before you answered/);
    expect(text).not.toMatch(/Thank you|0 answers/);
    await page.goto(links.get('carol') ?? '');
    await page.waitForSelector('[data-testid="rate-thank-you"] >> text=Your answer is on record');
    await page.close();
  });
});
