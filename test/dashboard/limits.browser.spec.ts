// The api's limits as the dashboard words them, in real Chromium against the real api: a good
// token refused because others sent bad tokens from the same address is told it is the network,
// not the token, with the api's own time to retry, in one consistent text.
import {
  captureScreen,
  pageProblems,
  startJourney,
  watchProblems,
  DESKTOP,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

describe('Limits (browser)', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney('limits-browser', { env: { FAILED_AUTHENTICATIONS_PER_MINUTE: '3' } });
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should tell a user whose good token is refused for bad tokens from the same address that it is the network, and when to retry', async () => {
    // Someone else at the same address (an office behind one NAT) mistypes their token.
    for (let attempt = 0; attempt < 3; attempt += 1)
      await fetch(`${journey.api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer mistyped.token' },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
    const page = watchProblems(await journey.browser.newPage({ viewport: DESKTOP }));
    await page.goto(journey.api.baseUrl);
    await page.fill('input[name="token"]', journey.api.adminToken);
    await page.click('button[type="submit"]:has-text("Sign in")');
    const notice = page.locator('[data-error="TOO_MANY_REQUESTS"]');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toMatch(/from this address: retry in \d+ s/);
    expect(text).toMatch(/came from your network \(not necessarily from you\)/);
    const [, fromApi] = /retry in (\d+) s/.exec(text) ?? [];
    expect(text).toContain(`Retry in ${fromApi ?? '?'} s.`);
    expect(text).not.toMatch(/with this token|Wait a minute/);
    await captureScreen(page, 'limit-sign-in');
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });
});
