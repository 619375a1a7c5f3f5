// Paper-form ratings imported on the page by an assessor: a file with mistakes shows every
// problem by line and column and records nothing; the corrected file shows its preview (ratings,
// cells, functions) and is recorded all at once after a confirmation. A CLOSED assessment offers
// no import.
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  boxOverflow,
  captureScreen,
  DESKTOP,
  pageProblems,
  PHONE,
  phoneScreenshots,
  smallOrOffScreenControls,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

const HEADER = 'function,capability,level,source,rater,evidence,respondent';

function ratingsFile(lines: readonly string[]): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name: 'paper-forms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...lines].join('\n')),
  };
}

describe('Import ratings (browser)', () => {
  let journey: Journey;
  let page: Page;

  const ratings = async (): Promise<{ functionId: string; level: number }[]> =>
    (
      await journey.graphql<{ assessment: { ratings: { functionId: string; level: number }[] } }>(
        '{ assessment(id: "spring-2026") { ratings { functionId level } } }',
      )
    ).assessment.ratings;
  const region = () => page.locator('[role="region"][aria-label="Import ratings (CSV)"]');

  beforeAll(async () => {
    journey = await startJourney('import-ratings-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "harbour", name: "Harbour Hotel" }) { id } }',
    );
    for (const [functionId, name] of [
      ['front-desk', 'Front desk'],
      ['housekeeping', 'Housekeeping'],
      ['maintenance', 'Maintenance'],
    ] as const)
      await journey.graphql(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "harbour", functionId: $f, name: $n }) { id } }',
        { f: functionId, n: name },
      );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "harbour", assessmentId: "spring-2026", title: "Spring 2026 review", periodEnd: "2026-03-31" }) { id } }',
    );
    page = await journey.signIn(await journey.issueToken('ASSESSOR', ['harbour']));
    await page.click('[data-screen="assessments"]');
    await region().waitFor();
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should name every problem of the file by line and column, recording nothing', async () => {
    await page.setInputFiles(
      '#ratings-file',
      ratingsFile([
        'front-desk,self-service,3,SELF,,,',
        'housekeeping,self-service,9,SELF,,,',
        'maintenance,self-service,2,PEER,,,',
        'spa,self-service,2,SELF,,,',
        'front-desk,service-recovery,two,SELF,,,',
        'front-desk,customer-insight,4,CUSTOMER,,"Guest said: ""slow""",Guest 12',
      ]),
    );
    const problems = page.locator('[data-testid="ratings-problems"]');
    await problems.waitFor();
    const said = await problems.innerText();
    expect(said).toContain('5 lines need correcting; nothing was recorded');
    expect(said).toMatch(/line 3, column level: level/);
    expect(said).toMatch(/line 4, column rater: raterFunctionId is required for a PEER rating/);
    expect(said).toMatch(/line 5, column function: functionId/);
    expect(said).toContain('line 6, column level: level must be a whole number');
    expect(said).toMatch(/line 7, column respondent: respondentId/);
    await expect(region().locator('button:has-text("Import")').count()).resolves.toBe(0);
    await region().screenshot({ path: path.join(phoneScreenshots, 'import-ratings-problems.png') });
    expect(await ratings()).toEqual([]);
  });

  it('should refuse a file of more ratings than one import records, before checking any, recording nothing', async () => {
    const lines = Array.from(
      { length: 5001 },
      (_, index) => `front-desk,self-service,3,CUSTOMER,,,guest-${index}`,
    );
    await page.setInputFiles('#ratings-file', ratingsFile(lines));
    const error = region().locator('[data-field-error="file"]');
    await error.waitFor();
    expect(await error.innerText()).toBe(
      'paper-forms.csv: it holds 5001 ratings and at most 5000 are recorded at once. Split it into files of at most 5000 ratings and import each.',
    );
    await expect(region().locator('[data-testid="ratings-preview"]').count()).resolves.toBe(0);
    expect(await ratings()).toEqual([]);
  });

  it('should preview the corrected file and record it all at once after asking', async () => {
    await page.setInputFiles(
      '#ratings-file',
      ratingsFile([
        'front-desk,self-service,3,SELF,,,',
        'housekeeping,self-service,4,SELF,,,',
        'maintenance,self-service,2,PEER,front-desk,,',
        'maintenance,service-recovery,2,SELF,,,',
        'front-desk,service-recovery,3,SELF,,,',
        'front-desk,customer-insight,4,CUSTOMER,,"Guest said: ""slow""",guest-12',
      ]),
    );
    const preview = page.locator('[data-testid="ratings-preview"]');
    await preview.locator('button:has-text("Import 6 ratings")').waitFor();
    expect(await preview.innerText()).toMatch(/paper-forms\.csv: 6 ratings of 6 cells, for 3 functions/);
    await captureScreen(page, 'import-ratings');

    await preview.locator('button:has-text("Import 6 ratings")').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    expect(await dialog.innerText()).toContain('Import 6 ratings?');
    await dialog.screenshot({ path: path.join(phoneScreenshots, 'import-ratings-confirm.png') });
    await dialog.locator('button[type="submit"]').click();
    await page
      .locator('[data-testid="ratings-imported"]:has-text("Recorded 6 ratings from paper-forms.csv.")')
      .waitFor();
    // All six are recorded; the one guest's answer is a customer group below three, so even an admin
    // reads it as the group's figures, not as a row.
    const { assessment } = await journey.graphql<{
      assessment: {
        ratingCount: number;
        ratingsWithheld: { source: string; respondents: number; reason: string }[];
      };
    }>('{ assessment(id: "spring-2026") { ratingCount ratingsWithheld { source respondents reason } } }');
    expect(assessment.ratingCount).toBe(6);
    expect(assessment.ratingsWithheld).toEqual([
      { source: 'CUSTOMER', respondents: 1, reason: 'SMALL_GROUP' },
    ]);
    expect(await ratings()).toHaveLength(5);
    await page.waitForSelector('tr[data-rating="maintenance:self-service:PEER"]');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should keep the import within a phone screen, every control within reach', async () => {
    await page.setViewportSize(PHONE);
    await page.setInputFiles('#ratings-file', ratingsFile(['housekeeping,service-recovery,3,SELF,,,']));
    await page.locator('[data-testid="ratings-preview"] button:has-text("Import 1 rating")').waitFor();
    await expect(
      boxOverflow(page, '[role="region"][aria-label="Import ratings (CSV)"]'),
    ).resolves.toBeLessThanOrEqual(0);
    await expect(
      smallOrOffScreenControls(page, '[role="region"][aria-label="Import ratings (CSV)"]'),
    ).resolves.toEqual([]);
    await region().screenshot({ path: path.join(phoneScreenshots, 'import-ratings-region-phone.png') });
    await page.setViewportSize(DESKTOP);
  });

  it('should offer no import on a CLOSED assessment', async () => {
    await journey.graphql('mutation { closeAssessment(assessmentId: "spring-2026") { id } }');
    await page.reload();
    await page.waitForSelector('[data-testid="assessment-status"]:has-text("CLOSED")');
    await expect(region().count()).resolves.toBe(0);
  });
});
