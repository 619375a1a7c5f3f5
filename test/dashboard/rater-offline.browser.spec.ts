// A rater on a flaky phone connection, in real Chromium at phone width against the real api: an
// answer that cannot be sent is kept on the phone and said so in the rater's words (never the
// operator's "npm start"), summarised in the sticky progress bar, sent by itself when the
// connection is back or the next answer gets through, kept over closing the tab (with a warning)
// and sent when the link is reopened; a questionnaire opened without a connection opens by itself
// once there is one.
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

interface RatingShape {
  respondentId: string | null;
  capabilityId: string;
  level: number;
  evidence: string | null;
}

const ASSESSMENT = 'autumn-2026';
const NO_CONNECTION = 'No connection: your answer is kept on this phone and sent when you are back online.';

describe('Rater offline (browser)', () => {
  let journey: Journey;
  const links = new Map<string, string>();

  const ratingsOf = async (respondentId: string): Promise<RatingShape[]> =>
    (
      await journey.graphql<{ assessment: { ratings: RatingShape[] } }>(
        `{ assessment(id: "${ASSESSMENT}") { ratings { respondentId capabilityId level evidence } } }`,
      )
    ).assessment.ratings.filter((rating) => rating.respondentId === respondentId);
  const question = (page: Page, index: number) =>
    page.locator('[data-testid="rate-questions"] > li').nth(index);
  const phone = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await journey.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    return { context, page: watchProblems(await context.newPage()) };
  };
  beforeAll(async () => {
    journey = await startJourney('rater-offline-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "inn", name: "Harbour Inn" }) { id } }',
    );
    await journey.graphql(
      'mutation { addFunction(input: { organizationId: "inn", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    );
    await journey.graphql(
      `mutation { openAssessment(input: { organizationId: "inn", assessmentId: "${ASSESSMENT}", title: "Autumn 2026 review", periodEnd: "2026-09-30" }) { id } }`,
    );
    const issued = await journey.graphql<{
      inviteRaters: { link: string; invitation: { respondentId: string } }[];
    }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { link invitation { respondentId } } }',
      {
        input: {
          assessmentId: ASSESSMENT,
          invitations: ['ana', 'ben', 'cleo', 'dan'].map((respondentId) => ({
            respondentId,
            label: respondentId,
            source: 'SELF',
            functionIds: ['front-desk'],
            capabilityIds: ['service-recovery', 'customer-insight'],
          })),
        },
      },
    );
    for (const { link, invitation } of issued.inviteRaters) links.set(invitation.respondentId, link);
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should keep a level picked and evidence typed offline on the phone, say so in the rater’s words, warn before the tab closes, and send them when the link is reopened', async () => {
    const { context, page } = await phone();
    await page.goto(links.get('ana') ?? '');
    await page.waitForSelector('[data-testid="rate-progress"] >> text=0 of 2 answered');
    await context.setOffline(true);
    const card = question(page, 1);
    await card.locator('label.choice:has-text("3 ·")').click();
    await card.locator('textarea').click();
    await page.keyboard.type('Complaints are logged on paper at night.');
    await card.locator('[data-save-state="kept"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1_200); // the typing settled and its sending failed too

    const status = await card.locator('.question__status').innerText();
    expect(status.startsWith(NO_CONNECTION)).toBe(true);
    expect(await page.locator('main').innerText()).not.toMatch(/npm start|reload|api did not answer/i);
    await expect(page.locator('[data-testid="rate-progress"]').innerText()).resolves.toBe(
      '0 of 2 answered · no connection: 1 answer waiting to be sent',
    );
    await expect(page.locator('[data-testid="rate-footer-note"]').innerText()).resolves.toMatch(
      /^1 answer waiting to be sent: kept on this phone/,
    );
    await page.screenshot({ path: path.join(phoneScreenshots, 'rate-offline-phone.png') });
    await expectAccessible(page);

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(dialogs).toEqual(['beforeunload']);
    expect(await ratingsOf('ana')).toEqual([]);

    await context.setOffline(false);
    const reopened = watchProblems(await context.newPage());
    await reopened.goto(links.get('ana') ?? '');
    const again = question(reopened, 1);
    await again.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
    await expect(again.locator('input[type="radio"]:checked').getAttribute('value')).resolves.toBe('3');
    await expect(again.locator('textarea').inputValue()).resolves.toBe(
      'Complaints are logged on paper at night.',
    );
    expect(await ratingsOf('ana')).toEqual([
      {
        respondentId: 'ana',
        capabilityId: 'customer-insight',
        level: 3,
        evidence: 'Complaints are logged on paper at night.',
      },
    ]);
    await expect(reopened.locator('[data-testid="rate-progress"]').innerText()).resolves.toBe(
      '1 of 2 answered',
    );
    // Sent: nothing is kept on the phone any more.
    await expect(
      reopened.evaluate(() =>
        Object.keys((globalThis as unknown as { localStorage: Record<string, string> }).localStorage).filter(
          (key) => key.startsWith('questionnaire-unsent:'),
        ),
      ),
    ).resolves.toEqual([]);
    expect(pageProblems(reopened)).toEqual([]);
    await context.close();
  });

  it('should send a kept answer by itself when the connection comes back, and not warn when leaving after', async () => {
    const { context, page } = await phone();
    await page.goto(links.get('ben') ?? '');
    await page.waitForSelector('[data-testid="rate-progress"] >> text=0 of 2 answered');
    await context.setOffline(true);
    await question(page, 0).locator('label.choice:has-text("2 ·")').click();
    await question(page, 0).locator('[data-save-state="kept"]').waitFor({ timeout: 10_000 });
    await context.setOffline(false);
    await question(page, 0).locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
    expect((await ratingsOf('ben')).map(({ level }) => level)).toEqual([2]);
    await expect(page.locator('[data-testid="rate-progress"]').innerText()).resolves.toBe('1 of 2 answered');

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.close({ runBeforeUnload: true });
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('should say Saved for an answer whose response was lost after the api recorded it, once the next answer gets through, recording it once', async () => {
    const { context, page } = await phone();
    await page.goto(links.get('cleo') ?? '');
    await page.waitForSelector('[data-testid="rate-progress"] >> text=0 of 2 answered');
    let lost = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (lost > 0 || !body.includes('service-recovery')) return route.continue();
      lost += 1;
      await route.fetch(); // the api records it; the answer never reaches the phone
      return route.abort('connectionreset');
    });
    await question(page, 0).locator('label.choice:has-text("4 ·")').click();
    await question(page, 0).locator('[data-save-state="kept"]').waitFor({ timeout: 10_000 });
    expect(await question(page, 0).locator('.question__status').innerText()).toMatch(/^No connection:/);
    expect(await ratingsOf('cleo')).toEqual([
      expect.objectContaining({ capabilityId: 'service-recovery', level: 4 }),
    ]);

    await question(page, 1).locator('label.choice:has-text("1 ·")').click();
    await question(page, 1).locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
    await question(page, 0).locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid="rate-progress"]').innerText()).resolves.toBe('2 of 2 answered');
    const ratings = await ratingsOf('cleo');
    expect(ratings.map(({ capabilityId, level }) => `${capabilityId}:${level}`).sort()).toEqual([
      'customer-insight:1',
      'service-recovery:4',
    ]);
    expect(lost).toBe(1);
    await context.close();
  });

  it('should tell a rater whose link opened without a connection that it opens by itself when back online, and open it then', async () => {
    const { context, page } = await phone();
    let blocked = true;
    await page.route('**/graphql', (route) =>
      blocked ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(links.get('dan') ?? '');
    const message = page.locator('.rate-message[role="alert"]');
    await message.waitFor();
    const text = await message.innerText();
    expect(text).toMatch(/^No connection\n/);
    expect(text).toMatch(/opens by itself when this phone is back online/);
    expect(text).not.toMatch(/npm start|reload|api/i);
    await context.setOffline(true);
    blocked = false;
    await context.setOffline(false);
    await page.waitForSelector('[data-testid="rate-progress"] >> text=0 of 2 answered', { timeout: 10_000 });
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
