// "Sign in with SSO" in real Chromium against a real OpenID Connect provider on loopback: the
// authorization code flow with PKCE through the provider's login page, the access token refreshed
// before it expires, sign-out at the provider, and a person without a role told why.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import {
  startTestIdentityProvider,
  type TestIdentityProvider,
  type TestUser,
} from '../support/test-identity-provider';
import { captureScreen, pageProblems, startJourney, type Journey, watchProblems } from './browser-journey';

jest.setTimeout(240_000);

/** For looking at, not for the docs: kept out of the repository. */
const artifacts = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

const CLIENT_ID = 'maturity-dashboard';
const ada: TestUser = {
  subject: 'ada-4f1c',
  name: 'Ada Planner',
  roles: ['PLANNER', 'AUDITOR'],
  organizations: ['interlodge'],
};
const eve: TestUser = { subject: 'eve-0001', name: 'Eve Nobody', roles: ['Domain Users'] };
/** The provider's first set-up mistake: no roles claim in the access token at all. */
const noah: TestUser = { subject: 'noah-0002', name: 'Noah Unmapped' };

describe('Sign in with SSO (browser)', () => {
  let provider: TestIdentityProvider;
  let journey: Journey;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    provider = await startTestIdentityProvider({ users: [ada, eve, noah] });
    journey = await startJourney('sso-browser', {
      env: { OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: provider.audience, OIDC_CLIENT_ID: CLIENT_ID },
    });
    provider.registerClient(CLIENT_ID, [`${journey.api.baseUrl}/`]);
    await journey.graphql('mutation { loadDemo { recordedEvents } }');
  });

  afterAll(async () => {
    await journey.stop();
    await provider.close();
  });

  async function openSignInPage(): Promise<Page> {
    const page = watchProblems(await journey.browser.newPage());
    await page.goto(journey.api.baseUrl);
    await page.waitForSelector('button:has-text("Sign in with SSO")');
    return page;
  }

  async function signInAs(page: Page, user: TestUser): Promise<void> {
    await page.click('button:has-text("Sign in with SSO")');
    await page.waitForURL(`${provider.issuer}/authorize?**`);
    await page.selectOption('select[name="user"]', user.subject);
    await page.click('button:has-text("Continue")');
    await page.waitForURL(`${journey.api.baseUrl}/**`);
  }

  const storedAccessToken = (page: Page): Promise<string | null> =>
    page.evaluate(() => {
      const raw = (
        globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
      ).sessionStorage.getItem('ccm.sso');
      return raw === null ? null : (JSON.parse(raw) as { accessToken: string }).accessToken;
    });

  it('should offer SSO beside the token sign-in, sign a person in through the provider, refresh the token before it expires, and sign out there', async () => {
    provider.setAccessTokenLifetime(8);
    const page = await openSignInPage();
    await expect(page.locator('input[name="token"]').count()).resolves.toBe(1);
    await captureScreen(page, 'sign-in-with-sso');

    await signInAs(page, ada);
    const who = page.locator('[data-testid="signed-in-as"]');
    await who.waitFor();
    await expect(who.getAttribute('data-signed-in-with')).resolves.toBe('IDENTITY_PROVIDER');
    await expect(who.innerText()).resolves.toMatch(/Planner[\s\S]*Auditor[\s\S]*Ada Planner/i);
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]', { timeout: 60_000 });
    // The single-use code is gone from the address.
    expect(new URL(page.url()).search).toBe('');

    const first = await storedAccessToken(page);
    expect(first).not.toBeNull();
    const sent: string[] = [];
    page.on('request', (request: Request) => {
      const authorization = request.headers().authorization;
      if (request.url().endsWith('/graphql') && authorization) sent.push(authorization);
    });
    // Refreshed at four fifths of 8 s, before it expires.
    await page.waitForFunction(
      (previous) => {
        const raw = (
          globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
        ).sessionStorage.getItem('ccm.sso');
        return raw !== null && (JSON.parse(raw) as { accessToken: string }).accessToken !== previous;
      },
      first,
      { timeout: 15_000 },
    );
    expect(provider.requests).toContain('POST /token refresh_token');
    // From now on the page sends refreshed tokens only.
    sent.length = 0;
    await page.reload();
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]', { timeout: 60_000 });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).not.toContain(`Bearer ${first}`);
    await page.screenshot({ path: path.join(artifacts, 'signed-in-with-sso.png') });

    await page.click('button:has-text("Sign out")');
    await page.waitForSelector('button:has-text("Sign in with SSO")');
    expect(provider.requests).toContain('GET /logout');
    await expect(storedAccessToken(page)).resolves.toBeNull();
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('should tell a person the provider gives no role here why, and let them sign out', async () => {
    provider.setAccessTokenLifetime(300);
    const page = await openSignInPage();
    await signInAs(page, eve);
    await page.waitForSelector('text=none of the roles');
    await page.click('button:has-text("Sign out")');
    await page.waitForSelector('button:has-text("Sign in with SSO")');
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it("should show the api's reason when it refuses a first single sign-on, not that a session ended", async () => {
    provider.setAccessTokenLifetime(300);
    const page = await openSignInPage();
    await signInAs(page, noah);
    await page.waitForSelector('text=this api refused it');
    const text = await page.locator('body').innerText();
    expect(text).toContain('this api refused it: The access token has no "roles" claim');
    expect(text).not.toContain('session has ended');
    await page.screenshot({ path: path.join(artifacts, 'sso-refused-by-api.png') });
    await expect(page.locator('button:has-text("Sign in with SSO")').count()).resolves.toBe(1);
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });
});
