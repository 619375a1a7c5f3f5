// The attack found GraphiQL at /graphql loading React and GraphiQL from a CDN: blank without
// internet. Here Chromium may reach nothing but the api, and the page still works under the api's
// Content-Security-Policy: it loads, reads the schema and runs a query.
import type { Page } from 'playwright-core';
import { pageProblems, startJourney, watchProblems, type Journey } from '../dashboard/browser-journey';

jest.setTimeout(180_000);

describe('GraphiQL offline (browser)', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney('graphiql-offline');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should load GraphiQL with no request outside the api and no policy refusal', async () => {
    const context = await journey.browser.newContext();
    const elsewhere: string[] = [];
    // Offline: any request to another origin fails, as it would without internet.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(journey.api.baseUrl)) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    const page: Page = watchProblems(await context.newPage());
    const schemaRead = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && response.request().method() === 'POST',
    );
    await page.goto(`${journey.api.baseUrl}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    expect((await schemaRead).status()).toBe(200);
    await page.screenshot({ path: '/tmp/sec2/graphiql.png' });
    expect(elsewhere).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
