// The api's limits as the dashboard words them, in real Chromium against the real api: a second
// simulation of a token whose first still runs is told, next to Simulate, to wait for it (not "a
// minute"); a good token refused because others sent bad tokens from the same address is told it
// is the network, not the token, with the api's own time to retry, in one consistent text.
import path from 'node:path';
import {
  captureScreen,
  pageProblems,
  phoneScreenshots,
  startJourney,
  watchProblems,
  DESKTOP,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

describe('Limits (browser)', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney('limits-browser', {
      env: { FAILED_AUTHENTICATIONS_PER_MINUTE: '3', HEAVY_WORK_PER_TOKEN: '1', HEAVY_WORK_THREADS: '1' },
    });
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should tell a planner next to Simulate that the token’s earlier simulation still runs, and to wait for it', async () => {
    await journey.graphql('mutation { loadDemo { recording } }');
    const planner = await journey.issueToken('PLANNER', ['interlodge']);
    const page = await journey.signIn(planner, DESKTOP);
    const investment = page.locator('[data-investment="guest-engagement-training"]');
    await investment.waitFor({ timeout: 60_000 });
    await investment.check();
    // The same token's long simulation, started elsewhere (another tab, a script), is running at
    // the api when Simulate is pressed: the page's request waits at the door until it is.
    const { investments } = await journey.graphql<{ investments: { id: string; status: string }[] }>(
      '{ investments(organizationId: "interlodge") { id status } }',
    );
    const ids = investments.filter((item) => item.status !== 'CANCELLED').map((item) => item.id);
    const simulate = (investmentIds: string[], trials: number) =>
      fetch(`${journey.api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${planner}` },
        body: JSON.stringify({
          query:
            'query($ids: [ID!]!, $trials: Int!) { simulateInvestments(organizationId: "interlodge", investmentIds: $ids, horizonMonths: 120, trials: $trials) { horizonMonths } }',
          variables: { ids: investmentIds, trials },
        }),
      }).then(
        async (response) => (await response.json()) as { errors?: { extensions?: { reason?: string } }[] },
      );
    let earlier: ReturnType<typeof simulate> = Promise.resolve({});
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('simulateInvestments')) return route.continue();
      earlier = simulate(ids, 100_000);
      // A quick probe of the same token is refused once the long one runs at the api.
      for (let tries = 0; tries < 200; tries += 1) {
        const probe = await simulate(ids.slice(0, 1), 0);
        if (probe.errors?.[0]?.extensions?.reason === 'LIMIT.HEAVY_WORK_PER_TOKEN') break;
      }
      return route.continue();
    });
    await page.click('button[type="submit"]:has-text("Simulate")');
    const notice = page.locator('.scenario__form [data-error="TOO_MANY_REQUESTS"]');
    await notice.waitFor({ timeout: 30_000 });
    const text = await notice.innerText();
    expect(text).toMatch(/^Could not simulate: This API token already runs a heavy operation/);
    expect(text).toMatch(/earlier optimisation or simulation is still running: retry once it has finished/);
    expect(text).not.toMatch(/HEAVY_WORK|minute|1 heavy operations/);
    // Said next to the button pressed, not in the results panel.
    await expect(page.locator('.scenario__results [data-error]').count()).resolves.toBe(0);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(phoneScreenshots, 'limit-simulate-desktop.png') });
    expect((await earlier).errors).toBeUndefined();
    expect(pageProblems(page)).toEqual([]);
    await page.close();
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
    expect(text).toMatch(/from this address\n/);
    expect(text).toMatch(/came from your network \(not necessarily from you\)/);
    // One time to wait, counting down: the advice says it, the api's frozen copy in the title does not.
    expect(text.match(/retry in \d+ s/gi)).toHaveLength(1);
    const secondsLeft = async () =>
      Number(await notice.locator('[data-seconds-left]').getAttribute('data-seconds-left'));
    const first = await secondsLeft();
    expect(first).toBeGreaterThan(1);
    expect(text).toContain(`Retry in ${first} s.`);
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-seconds-left]')?.getAttribute('data-seconds-left')) < before,
      first,
      { timeout: 5_000 },
    );
    await expect(notice.innerText()).resolves.toContain(`Retry in ${await secondsLeft()} s.`);
    expect(text).not.toMatch(/with this token|Wait a minute/);
    await captureScreen(page, 'limit-sign-in');
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });
});
