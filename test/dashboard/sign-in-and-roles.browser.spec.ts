// Signing in from the sign-in page, "remember on this device", the empty store's two ways in
// (create your organisation, load the demo) and a page that shows each role only what it may do.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  captureScreen,
  expectAccessible,
  pageProblems,
  PHONE,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

const artifacts = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

describe('Sign-in and roles (browser)', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney('sign-in-browser');
  });

  afterAll(async () => {
    await journey.stop();
  });

  async function signInIn(context: BrowserContext, remember: boolean) {
    const page = await context.newPage();
    await page.goto(journey.api.baseUrl);
    await page.fill('input[name="token"]', journey.api.adminToken);
    if (remember) await page.check('input[name="remember"]');
    await page.click('button[type="submit"]:has-text("Sign in")');
    await page.waitForSelector('[data-testid="signed-in-as"]');
    return page;
  }

  it('should keep the token to the tab unless "remember on this device" is ticked', async () => {
    const context = await journey.browser.newContext();
    const first = await context.newPage();
    await first.goto(journey.api.baseUrl);
    await expect(first.isChecked('input[name="remember"]')).resolves.toBe(false);
    // A newcomer who lost the printed admin token is told how to get another.
    await expect(first.innerText('.sign-in__help')).resolves.toContain(
      'npm run cli -- token issue --role ADMIN prints a new one',
    );
    await expectAccessible(first);
    await first.close();

    await signInIn(context, false);
    const otherTab = await context.newPage();
    await otherTab.goto(journey.api.baseUrl);
    await otherTab.waitForSelector('input[name="token"]');

    const remembered = await signInIn(context, true);
    const thirdTab = await context.newPage();
    await thirdTab.goto(journey.api.baseUrl);
    await thirdTab.waitForSelector('[data-testid="signed-in-as"]');

    await remembered.click('button:has-text("Sign out")');
    await remembered.waitForSelector('input[name="token"]');
    const afterSignOut = await context.newPage();
    await afterSignOut.goto(journey.api.baseUrl);
    await afterSignOut.waitForSelector('input[name="token"]');
    await context.close();
  });

  it('should sign in when the printed link is pasted into a tab already on the sign-in page', async () => {
    const context = await journey.browser.newContext();
    const page = await context.newPage();
    await page.goto(journey.api.baseUrl);
    await page.waitForSelector('input[name="token"]');
    // Only the fragment changes: the browser does not load the page again.
    await page.goto(`${journey.api.baseUrl}/#token=${encodeURIComponent(journey.api.adminToken)}`);
    await page.waitForSelector('[data-testid="signed-in-as"]', { timeout: 10_000 });
    expect(page.url()).not.toContain('token=');
    await context.close();
  });

  it('should sign in with an opened link for its tab only, keeping the sign-in remembered on the device', async () => {
    const context = await journey.browser.newContext();
    const remembered = await signInIn(context, true);
    // Where the tab's token and the device's are kept (the test files compile without the DOM types).
    const stored = (page: Page) =>
      page.evaluate<{ tab: string | null; device: string | null }>(
        '({ tab: sessionStorage.getItem("ccm.apiToken"), device: localStorage.getItem("ccm.apiToken") })',
      );
    await expect(stored(remembered)).resolves.toEqual({
      tab: journey.api.adminToken,
      device: journey.api.adminToken,
    });
    const other = await journey.issueToken('ADMIN', []);
    const linked = await context.newPage();
    await linked.goto(`${journey.api.baseUrl}/#token=${encodeURIComponent(other)}`);
    const notice = linked.locator('[data-testid="link-sign-in-notice"]');
    await expect(notice.innerText()).resolves.toMatch(
      /signed in this tab only[\s\S]*Another sign-in is remembered on this device and stays as it was/,
    );
    await expect(stored(linked)).resolves.toEqual({ tab: other, device: journey.api.adminToken });
    await expectAccessible(linked);
    // Another tab, or a later visit, is still signed in with the remembered token.
    const later = await context.newPage();
    await later.goto(journey.api.baseUrl);
    await later.waitForSelector('[data-testid="signed-in-as"]');
    await expect(stored(later)).resolves.toEqual({ tab: null, device: journey.api.adminToken });
    await expect(later.locator('[data-testid="link-sign-in-notice"]').count()).resolves.toBe(0);

    // Back to the remembered sign-in, in the link's tab.
    await notice.locator('button:has-text("Back to the remembered sign-in")').click();
    await notice.waitFor({ state: 'detached' });
    await linked.waitForSelector('[data-testid="signed-in-as"]');
    await expect(stored(linked)).resolves.toEqual({
      tab: journey.api.adminToken,
      device: journey.api.adminToken,
    });

    // Or remember the link's sign-in instead.
    const again = await context.newPage();
    await again.goto(`${journey.api.baseUrl}/#token=${encodeURIComponent(other)}`);
    await again
      .locator(
        '[data-testid="link-sign-in-notice"] button:has-text("Remember this sign-in on this device instead")',
      )
      .click();
    await again.locator('[data-testid="link-sign-in-notice"]').waitFor({ state: 'detached' });
    await expect(stored(again)).resolves.toEqual({ tab: other, device: other });
    // The same token remembered as the link's: nothing to say.
    const same = await context.newPage();
    await same.goto(`${journey.api.baseUrl}/#token=${encodeURIComponent(other)}`);
    await same.waitForSelector('[data-testid="signed-in-as"]');
    await expect(same.locator('[data-testid="link-sign-in-notice"]').count()).resolves.toBe(0);
    await context.close();
  });

  it('should offer an admin on an empty store to create the organisation or load the demo, and load it', async () => {
    const page = await journey.signIn();
    await page.waitForSelector('[data-testid="empty-state"]');
    await expect(page.locator('form[aria-label="Create your organisation"]').isVisible()).resolves.toBe(true);
    await captureScreen(page, 'welcome-empty-store');

    await page.click('button:has-text("Load the demo")');
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]', { timeout: 60_000 });
    await expect(page.locator('h1').innerText()).resolves.toBe('Interlodge Hotels');

    const { organizations } = await journey.graphql<{ organizations: { id: string }[] }>(
      '{ organizations { id } }',
    );
    expect(organizations.map((organization) => organization.id)).toEqual(['interlodge']);
    const { loadDemo } = await journey.graphql<{ loadDemo: { recordedEvents: number } }>(
      'mutation { loadDemo { recordedEvents } }',
    );
    expect(loadDemo.recordedEvents).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('should show every screen’s tab at once on a phone, and open one from the keyboard', async () => {
    const page = await journey.signIn(journey.api.adminToken, PHONE);
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
    const tabs = page.locator('.tabs__tab');
    await expect(tabs.count()).resolves.toBeGreaterThan(5);
    // Cut off at the right edge, the later tabs went unnoticed: each must lie inside the screen.
    const outside: string[] = [];
    for (const tab of await tabs.all()) {
      const box = await tab.boundingBox();
      const [left, right] = [box?.x ?? -1, (box?.x ?? 0) + (box?.width ?? PHONE.width)];
      if (left < 0 || right > PHONE.width) outside.push(`${await tab.innerText()} at ${left}–${right} px`);
    }
    expect(outside).toEqual([]);
    // The last tab is reached with Tab alone and opened with Enter.
    for (let presses = 0; presses < 30; presses += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(
        () =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(name: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('data-screen') ?? null,
      );
      if (focused === 'tokens') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="tokens-screen"]');
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('should show a planner the scenario view and an auditor none of it', async () => {
    const planner = await journey.signIn(await journey.issueToken('PLANNER', ['interlodge']));
    await planner.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
    await expect(planner.locator('[data-testid="signed-in-as"]').getAttribute('data-role')).resolves.toBe(
      'PLANNER',
    );
    await expect(planner.locator('#scenario-title').count()).resolves.toBe(1);
    await planner.close();

    const auditor = await journey.signIn(await journey.issueToken('AUDITOR', ['interlodge']));
    await auditor.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
    await expect(auditor.locator('#scenario-title').count()).resolves.toBe(0);
    expect(pageProblems(auditor)).toEqual([]);
    await auditor.close();
  });

  it('should tell a user whose sign-in was revoked to ask their administrator, not how to issue a token on the server', async () => {
    const { issueApiToken } = await journey.graphql<{ issueApiToken: { token: string; tokenId: string } }>(
      'mutation { issueApiToken(role: AUDITOR, organizationIds: ["interlodge"], label: "auditor to revoke") { token tokenId } }',
    );
    const page = await journey.signIn(issueApiToken.token);
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
    await journey.graphql('mutation($id: ID!) { revokeApiToken(tokenId: $id) { tokenId } }', {
      id: issueApiToken.tokenId,
    });
    // The next request tells the page: the click on another screen, or one the page was still making
    // (it then turns to the sign-in page by itself and the tab is gone before the click lands).
    const reason = page.locator('[data-testid="sign-in-reason"]');
    await Promise.race([
      reason.waitFor(),
      page.click('.tabs__tab[data-screen="reports"]', { timeout: 10_000 }).catch(() => undefined),
    ]);
    await expect(reason.innerText()).resolves.toBe(
      'Your sign-in was revoked or has expired: ask your administrator for a new link.',
    );
    await expect(page.innerText('.sign-in__help')).resolves.not.toMatch(/token issue|admin token is printed/);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(artifacts, 'sign-in-revoked.png') });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(artifacts, 'sign-in-revoked-phone.png') });

    // A token that never worked (mistyped) is still told so, again without the operator's advice.
    await page.fill('input[name="token"]', 'not-a-token');
    await page.click('button[type="submit"]:has-text("Sign in")');
    await expect(page.locator('[data-testid="sign-in-reason"]').innerText()).resolves.toMatch(
      /^The api did not accept this token: it may be mistyped/,
    );
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('should say so, and put the address right, when a link names an organisation or a screen out of reach', async () => {
    // A colleague's link to another organisation: the page shows the auditor's own, and says so.
    const auditor = await journey.signIn(await journey.issueToken('AUDITOR', ['interlodge']));
    await auditor.goto(`${journey.api.baseUrl}/?org=seaview&view=reports`);
    const notice = auditor.locator('[data-testid="place-corrected"]');
    await expect(notice.innerText()).resolves.toBe(
      'You don’t have access to “seaview”, or it doesn’t exist: showing Interlodge Hotels instead.',
    );
    await expect(auditor.locator('h1').innerText()).resolves.toBe('Reports: Interlodge Hotels');
    expect(new URL(auditor.url()).searchParams.get('org')).toBe('interlodge');
    expect(new URL(auditor.url()).searchParams.get('view')).toBe('reports');
    await auditor.screenshot({ path: path.join(artifacts, 'link-out-of-reach.png') });
    // Going on to another screen leaves the notice behind.
    await auditor.click('.tabs__tab[data-screen="audit"]');
    await auditor.waitForSelector('main[data-screen="audit"]');
    await expect(notice.count()).resolves.toBe(0);
    expect(pageProblems(auditor)).toEqual([]);
    await auditor.close();

    // A planner's link to Set-up: the Overview, said as such, and the address says overview.
    const planner = await journey.signIn(await journey.issueToken('PLANNER', ['interlodge']), PHONE);
    await planner.goto(`${journey.api.baseUrl}/?org=interlodge&view=setup`);
    await expect(planner.locator('[data-testid="place-corrected"]').innerText()).resolves.toBe(
      'Set-up is not open to a Planner token (ask an admin for a token that may use it): showing the Overview instead.',
    );
    expect(new URL(planner.url()).searchParams.get('view')).toBe('overview');
    await expect(planner.locator('main').getAttribute('data-screen')).resolves.toBe('overview');
    await expectAccessible(planner);
    await planner.screenshot({ path: path.join(artifacts, 'link-to-screen-out-of-reach-phone.png') });
    expect(pageProblems(planner)).toEqual([]);
    await planner.close();
  });

  it('should open Assessments for an auditor on the latest cycle with ratings, and for an assessor on the newest', async () => {
    // A cycle just opened, nothing rated yet: the assessor's work, nothing for an auditor to read.
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "interlodge", assessmentId: "interlodge-next-empty", title: "Next cycle, nothing rated yet", periodEnd: "2030-12-31" }) { id } }',
    );
    const shownTo = async (token: string) => {
      const page = await journey.signIn(token);
      await page.goto(`${journey.api.baseUrl}/?org=interlodge&view=assessments`);
      const chosen = page.locator('.assessment-list__item[aria-pressed="true"]');
      await chosen.waitFor();
      const id = await chosen.getAttribute('data-assessment');
      expect(pageProblems(page)).toEqual([]);
      await page.close();
      return id;
    };
    const auditorsChoice = await shownTo(await journey.issueToken('AUDITOR', ['interlodge']));
    expect(auditorsChoice).not.toBe('interlodge-next-empty');
    const { assessment } = await journey.graphql<{ assessment: { ratingCount: number } }>(
      'query($id: ID!) { assessment(id: $id) { ratingCount } }',
      { id: auditorsChoice },
    );
    expect(assessment.ratingCount).toBeGreaterThan(0);
    await expect(shownTo(journey.api.adminToken)).resolves.toBe('interlodge-next-empty');
  });
});
