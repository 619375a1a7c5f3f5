// The assessor's journey on a fresh store, from the sign-in page: open an assessment, rate cells
// (an out-of-range level refused next to its field), close it after confirming, then correct a
// rating with a reason; the api then holds exactly that.
import type { Page } from 'playwright-core';
import {
  captureScreen,
  DESKTOP,
  expectAccessible,
  pageProblems,
  PHONE,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

interface AssessmentShape {
  id: string;
  title: string;
  periodEnd: string;
  status: string;
  ratings: {
    functionId: string;
    capabilityId: string;
    level: number;
    source: string;
    raterFunctionId: string | null;
    evidence: string | null;
  }[];
}

describe('Assessments journey (browser)', () => {
  let journey: Journey;
  let page: Page;

  const assessments = async (): Promise<AssessmentShape[]> =>
    (
      await journey.graphql<{ assessments: AssessmentShape[] }>(
        '{ assessments(organizationId: "bank") { id title periodEnd status ratings { functionId capabilityId level source raterFunctionId evidence } } }',
      )
    ).assessments;

  async function record(options: {
    functionId: string;
    source: string;
    rater?: string;
    level: string;
    evidence: string;
  }) {
    const form = page.locator('form[aria-label="Record a rating"]');
    await form.locator('[data-field="functionId"] select').selectOption(options.functionId);
    await form.locator('[data-field="capabilityId"] select').selectOption('service-recovery');
    await form.locator('[data-field="source"] select').selectOption(options.source);
    if (options.rater)
      await form.locator('[data-field="raterFunctionId"] select').selectOption(options.rater);
    await form.locator('[data-field="level"] select').selectOption(options.level);
    await form.locator('[data-field="evidence"] textarea').fill(options.evidence);
    await form.locator('button[type="submit"]').click();
  }

  beforeAll(async () => {
    journey = await startJourney('assessments-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "bank", name: "Harbour Bank" }) { id } }',
    );
    for (const [functionId, name] of [
      ['branches', 'Branches'],
      ['lending', 'Lending'],
    ])
      await journey.graphql(
        'mutation($f: ID!, $name: String!) { addFunction(input: { organizationId: "bank", functionId: $f, name: $name, customerFacing: true }) { id } }',
        { f: functionId, name },
      );
    page = await journey.signIn(await journey.issueToken('ASSESSOR', ['bank']));
    await page.click('[data-screen="assessments"]');
    await page.waitForSelector('[data-testid="assessments-screen"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should open an assessment with a title and period end', async () => {
    const form = page.locator('form[aria-label="Open an assessment"]');
    await form.locator('[data-field="title"] input').fill('2026 Q1 customer review');
    await form.locator('[data-field="periodEnd"] input').fill('2026-03-31');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="assessment-status"]:has-text("OPEN")');
    const [opened] = await assessments();
    expect(opened).toMatchObject({
      title: '2026 Q1 customer review',
      periodEnd: '2026-03-31T00:00:00.000Z',
      status: 'OPEN',
    });
  });

  it('should record ratings, a peer one with its rater function', async () => {
    await record({
      functionId: 'lending',
      source: 'SELF',
      level: '4',
      evidence: 'Complaints answered within two days.',
    });
    await page.waitForSelector('tr[data-rating="lending:service-recovery:SELF"]');
    await record({
      functionId: 'lending',
      source: 'PEER',
      rater: 'branches',
      level: '2',
      evidence: 'Customers come back to the branch.',
    });
    await page.waitForSelector('tr[data-rating="lending:service-recovery:PEER"]');
    const [assessment] = await assessments();
    expect(assessment?.ratings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ functionId: 'lending', source: 'SELF', level: 4 }),
        expect.objectContaining({
          functionId: 'lending',
          source: 'PEER',
          raterFunctionId: 'branches',
          level: 2,
        }),
      ]),
    );
  });

  it('should close the assessment only after confirming', async () => {
    await page.click('button:has-text("Close the assessment")');
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await expect(dialog.innerText()).resolves.toMatch(/cannot be undone/);
    await dialog.locator('button:has-text("Go back")').click();
    expect((await assessments())[0]?.status).toBe('OPEN');

    await page.click('button:has-text("Close the assessment")');
    await page.click('[data-testid="confirm-dialog"] button[type="submit"]');
    await page.waitForSelector('[data-testid="assessment-status"]:has-text("CLOSED")');
    expect((await assessments())[0]?.status).toBe('CLOSED');
    // Rated on the page, nobody invited: the raters panel neither promises links nor invitations "yet".
    const raters = page.locator('[data-testid="campaign-panel"]');
    await raters.locator('text=Nobody was invited to this assessment.').waitFor();
    await expect(raters.innerText()).resolves.not.toMatch(/links show the answers|Nobody invited yet/);
  });

  it('should correct a rating of the closed assessment with a reason', async () => {
    await page.click('button[aria-label="Correct the self rating of Lending on Service recovery"]');
    const form = page.locator('form[aria-label="Correct a rating"]');
    await form.locator('[data-field="level"] select').selectOption('3');
    await form
      .locator('[data-field="reason"] textarea')
      .fill('Two-day answers hold only for written complaints.');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-rating="lending:service-recovery:SELF"] td:has-text("3")');

    const [assessment] = await assessments();
    expect(assessment?.ratings.find((rating) => rating.source === 'SELF')?.level).toBe(3);
    const { history } = await journey.graphql<{
      history: { edges: { node: { type: string; data: { reason?: string } } }[] };
    }>('{ history(organizationId: "bank", first: 50) { edges { node { type data } } } }');
    const correction = history.edges.map((edge) => edge.node).find((node) => node.type === 'RatingCorrected');
    expect(correction?.data.reason).toBe('Two-day answers hold only for written complaints.');
    await captureScreen(page, 'assessments');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should show each rating as a card at phone width: evidence across the card, Correct on screen', async () => {
    await page.setViewportSize(PHONE);
    const rows = page.locator('tr[data-rating]');
    await expect(rows.count()).resolves.toBe(2);
    const region = page.locator('[role="region"][aria-label^="Ratings of"]');
    const regionBox = await region.boundingBox();
    const problems: string[] = [];
    for (const row of await rows.all()) {
      const name = await row.getAttribute('data-rating');
      // In a narrow column the evidence stood a word to a line, and the row grew very tall.
      const evidence = await row.locator('td').nth(4).boundingBox();
      if (!evidence || !regionBox || evidence.width < regionBox.width * 0.8)
        problems.push(`${name}: evidence ${evidence?.width ?? 0} px wide of ${regionBox?.width ?? 0}`);
      const button = await row.locator('button:has-text("Correct")').boundingBox();
      if (!button || button.x < 0 || button.x + button.width > PHONE.width)
        problems.push(`${name}: Correct at ${button?.x ?? 0} px`);
    }
    expect(problems).toEqual([]);
    await expectAccessible(page);
    await page.setViewportSize(DESKTOP);
  });

  it("should say that a rating's evidence was erased, and why, instead of showing it as never given", async () => {
    const [assessment] = await assessments();
    await journey.graphql(`mutation($input: RedactEvidenceInput!) { redactEvidence(input: $input) }`, {
      input: {
        assessmentId: assessment?.id,
        functionId: 'lending',
        capabilityId: 'service-recovery',
        source: 'PEER',
        raterFunctionId: 'branches',
        reason: 'request 2026-7',
      },
    });
    // The screen reads the assessments again when it is opened again.
    await page.click('[data-screen="overview"]');
    await page.click('[data-screen="assessments"]');
    const erased = page.locator('tr[data-rating="lending:service-recovery:PEER"] [data-erased="evidence"]');
    await erased.waitFor();
    await expect(erased.innerText()).resolves.toMatch(/^Erased/);
    await expect(erased.textContent()).resolves.toContain('erased to protect personal data');
    await expect(page.locator('[data-testid="erased-footnote"]').innerText()).resolves.toMatch(
      /the level stays/,
    );
    await expect(
      page.locator('tr[data-rating="lending:service-recovery:SELF"]').innerText(),
    ).resolves.toContain('Complaints answered within two days.');
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
  });
});
