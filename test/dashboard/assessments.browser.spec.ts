// The assessor's journey on a fresh store, from the sign-in page: from the overview's pointer to
// Assessments, open an assessment after confirming its title and date, rate cells (no level chosen
// in advance), close it after confirming, then correct a rating with a reason (confirmed, refused
// when it changes nothing, and shown as corrected afterwards); the api then holds exactly that.
import type { Page, Request } from 'playwright-core';
import {
  captureScreen,
  DESKTOP,
  expectAccessible,
  pageProblems,
  PHONE,
  smallOrOffScreenControls,
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

const corrections = async (journey: Journey): Promise<{ level: number; reason: string }[]> => {
  const { history } = await journey.graphql<{
    history: { edges: { node: { type: string; data: { level: number; reason: string } } }[] };
  }>('{ history(organizationId: "bank", first: 100) { edges { node { type data } } } }');
  return history.edges
    .map((edge) => edge.node)
    .filter((node) => node.type === 'RatingCorrected')
    .map((node) => ({ level: node.data.level, reason: node.data.reason }));
};

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
  });

  afterAll(async () => {
    await journey.stop();
  });

  it("should point a new organisation's overview to Assessments, where its first cycle is opened", async () => {
    // Functions but no assessment: "move the slider later" was a dead end, the slider has nothing on it.
    const notice = page.locator('[data-testid="no-ratings"]');
    await page.waitForSelector('[data-testid="no-ratings"]:has-text("No assessment yet")');
    await expect(notice.innerText()).resolves.not.toMatch(/Move the slider/);
    await notice.locator('a:has-text("Open the first one on Assessments")').click();
    await page.waitForSelector('[data-testid="assessments-screen"]');
  });

  it('should open an assessment with a title and period end, after confirming both', async () => {
    const form = page.locator('form[aria-label="Open an assessment"]');
    await form.locator('[data-field="title"] input').fill('2026 Q1 customer review');
    await form.locator('[data-field="periodEnd"] input').fill('2026-03-31');
    await form.locator('button[type="submit"]').click();
    // An assessment opened by mistake can never be removed: the page asks first, naming what it opens.
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    const asked = await dialog.innerText();
    expect(asked).toContain('2026 Q1 customer review');
    expect(asked).toContain('31 Mar 2026');
    expect(asked).toMatch(/cannot be renamed or re-dated; a mistaken one can only be withdrawn/);
    await dialog.locator('button:has-text("Go back")').click();
    await expect(assessments()).resolves.toEqual([]);

    await form.locator('button[type="submit"]').click();
    await dialog.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="assessment-status"]:has-text("OPEN")');
    // The keyboard goes on from the new assessment, not from the top of the page.
    await page.waitForFunction(() => document.activeElement?.id === 'assessment-title');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      '2026 Q1 customer review',
    );
    const [opened] = await assessments();
    expect(opened).toMatchObject({
      title: '2026 Q1 customer review',
      periodEnd: '2026-03-31T00:00:00.000Z',
      status: 'OPEN',
    });

    // The id the cli guide asks for (campaign --assessment, import --assessment) is on the page, to copy.
    await expect(page.locator('[data-testid="assessment-id"]').innerText()).resolves.toBe(opened?.id);
  });

  it('should record ratings, a peer one with its rater function', async () => {
    // No level is chosen in advance: a default went out unread.
    await expect(
      page.locator('form[aria-label="Record a rating"] [data-field="level"] select').inputValue(),
    ).resolves.toBe('');
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
    await expect(dialog.innerText()).resolves.toMatch(/Its 2 ratings become the record/);
    // Nobody was invited: no warning about raters who have not answered.
    await expect(dialog.locator('[data-testid="close-unanswered"]').count()).resolves.toBe(0);
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

  it('should refuse a correction to the same level next to the field, recording nothing', async () => {
    await page.click('button[aria-label="Correct the self rating of Lending on Service recovery"]');
    const form = page.locator('form[aria-label="Correct a rating"]');
    await expect(form.locator('[data-field="level"] select').inputValue()).resolves.toBe('');
    // The reason stays in the history in the clear, beyond erasure: the field says so, as forgetting a person's does.
    await expect(form.locator('[data-field="reason"] .field__hint').innerText()).resolves.toMatch(
      /in the clear, and erasing personal data does not reach it: .*never a person’s name/,
    );
    await form.locator('[data-field="level"] select').selectOption('4');
    await form.locator('[data-field="reason"] textarea').fill('typo');
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('[data-field-error="level"]').innerText()).resolves.toMatch(/already 4/);
    await expect(corrections(journey)).resolves.toEqual([]);
  });

  it('should correct a rating of the closed assessment with a reason, after confirming, and say so', async () => {
    const form = page.locator('form[aria-label="Correct a rating"]');
    await form.locator('[data-field="level"] select').selectOption('3');
    await form
      .locator('[data-field="reason"] textarea')
      .fill('Two-day answers hold only for written complaints.');
    await form.locator('button[type="submit"]').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    const asked = await dialog.innerText();
    expect(asked).toMatch(/changes from\s+4 · Managed\s+to\s+3 · Defined/);
    expect(asked).toContain('Two-day answers hold only for written complaints.');
    expect(asked).toMatch(/recorded for good/);
    await dialog.locator('button:has-text("Go back")').click();
    await expect(corrections(journey)).resolves.toEqual([]);

    await form.locator('button[type="submit"]').click();
    await dialog.locator('button[type="submit"]').click();
    await expect(page.locator('[data-testid="correction-notice"]').innerText()).resolves.toMatch(
      /Corrected: the self rating of Lending on Service recovery is now 3 \(was 4\)/,
    );
    // The row says it was corrected, from which level and why.
    const row = page.locator('tr[data-rating="lending:service-recovery:SELF"]');
    await expect(row.locator('td[data-label="Level"]').innerText()).resolves.toMatch(/^3\s+was 4$/);
    await expect(row.locator('[data-testid="rating-correction"]').innerText()).resolves.toMatch(
      /^Corrected from 4 to 3 on \d+ \w+ \d{4}: “Two-day answers hold only for written complaints\.”$/,
    );

    const [assessment] = await assessments();
    expect(assessment?.ratings.find((rating) => rating.source === 'SELF')?.level).toBe(3);
    await expect(corrections(journey)).resolves.toEqual([
      { level: 3, reason: 'Two-day answers hold only for written complaints.' },
    ]);
  });

  it('should say that a correction of a cell nobody rated adds a rating, before adding it', async () => {
    const form = page.locator('form[aria-label="Correct a rating"]');
    await form.locator('[data-field="functionId"] select').selectOption('branches');
    await form.locator('[data-field="capabilityId"] select').selectOption('service-recovery');
    await form.locator('[data-field="source"] select').selectOption('SELF');
    await expect(page.locator('[data-testid="correction-target"]').innerText()).resolves.toMatch(
      /No self rating of Branches on Service recovery yet in this assessment: this correction adds one/,
    );
    await expect(form.locator('[data-field="level"] select').inputValue()).resolves.toBe('');
    await form.locator('[data-field="level"] select').selectOption('2');
    await form.locator('[data-field="reason"] textarea').fill('Paper form found after closing.');
    await form.locator('button[type="submit"]').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await expect(dialog.locator('h2').innerText()).resolves.toBe('Add a rating by correction?');
    await expect(dialog.innerText()).resolves.toMatch(/this correction adds one/);
    await dialog.locator('button[type="submit"]').click();
    // The notice of the correction before stays until this one is recorded.
    await page.waitForSelector(
      '[data-testid="correction-notice"]:has-text("self rating of Branches on Service recovery is now 2 (added: there was none)")',
    );
    await expect(
      page
        .locator('tr[data-rating="branches:service-recovery:SELF"] [data-testid="rating-correction"]')
        .innerText(),
    ).resolves.toMatch(/^Added by a correction on .*: “Paper form found after closing\.”$/);
    // The documentation's picture shows the button as a reader first sees it, not "Id copied".
    await expect(page.locator('.assessment-detail__id button').innerText()).resolves.toBe('Copy id');
    await captureScreen(page, 'assessments');
    expect(pageProblems(page)).toEqual([]);
  });

  it("should copy the assessment's id for the cli", async () => {
    const [assessment] = await assessments();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: journey.api.baseUrl,
    });
    await page.click('.assessment-detail__id button:has-text("Copy id")');
    await page.waitForSelector('.assessment-detail__id button:has-text("Id copied")');
    await expect(
      page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).resolves.toBe(assessment?.id);
  });

  it('should show each rating as a card at phone width: evidence across the card, Correct on screen', async () => {
    await page.setViewportSize(PHONE);
    const rows = page.locator('tr[data-rating]');
    await expect(rows.count()).resolves.toBe(3);
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
    // The forms' fields, choosers and buttons take a fingertip's height too (fields were 38 px).
    await expect(
      page.locator('[data-testid="assessments-screen"] form select').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(smallOrOffScreenControls(page, '[data-testid="assessments-screen"] form')).resolves.toEqual(
      [],
    );
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

  it('should warn, before closing, how many invited raters have not finished', async () => {
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "bank", assessmentId: "q2", title: "2026 Q2 customer review", periodEnd: "2026-06-30" }) { id } }',
    );
    await journey.graphql(
      'mutation { recordRating(input: { assessmentId: "q2", functionId: "lending", capabilityId: "service-recovery", source: SELF, level: 3 }) { id } }',
    );
    await journey.graphql('mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { link } }', {
      input: {
        assessmentId: 'q2',
        invitations: ['teller-1', 'teller-2'].map((respondentId) => ({
          respondentId,
          source: 'SELF',
          functionIds: ['branches'],
          capabilityIds: ['service-recovery', 'customer-insight'],
        })),
      },
    });
    await page.click('[data-screen="overview"]');
    await page.click('[data-screen="assessments"]');
    await page.waitForSelector('#assessment-title:has-text("2026 Q2 customer review")');
    await page.locator('[data-testid="campaign-progress"]').waitFor();
    // The Raters panel holds the progress: closing names the unfinished raters from it, asking nothing.
    const progressReads: string[] = [];
    const countProgressReads = (request: Request) => {
      if (request.postData()?.includes('query CampaignProgress') === true) progressReads.push(request.url());
    };
    page.on('request', countProgressReads);
    await page.click('button:has-text("Close the assessment")');
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await expect(dialog.locator('[data-testid="close-unanswered"]').innerText()).resolves.toMatch(
      /^2 of 2 invited raters have not finished \(2 not started\): 0 answered, 4 left of 4 questions\. Their links stop taking answers/,
    );
    page.off('request', countProgressReads);
    expect(progressReads).toEqual([]);
    // One rating: not "Its 1 ratings".
    await expect(dialog.innerText()).resolves.toMatch(/Its 1 rating becomes the record/);
    await dialog.locator('button:has-text("Go back")').click();
    const q2 = (await assessments()).find((assessment) => assessment.id === 'q2');
    expect(q2?.status).toBe('OPEN');
    expect(pageProblems(page)).toEqual([]);
  });

  it("should show a survey cycle of hundreds of ratings a page at a time, or one function's", async () => {
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "bank", assessmentId: "survey", title: "Customer survey 2026", periodEnd: "2026-09-30" }) { id } }',
    );
    const ratings = Array.from({ length: 450 }, (_, index) => ({
      functionId: index < 300 ? 'branches' : 'lending',
      capabilityId: 'service-recovery',
      level: 1 + (index % 5),
      source: 'CUSTOMER',
      respondentId: `customer-${index}`,
    }));
    await journey.graphql('mutation($input: RecordRatingsInput!) { recordRatings(input: $input) { id } }', {
      input: { assessmentId: 'survey', ratings },
    });
    // What the screen asks: the list says how many ratings each cycle holds, not which; the ratings
    // of the one chosen are read when it is chosen.
    const asked: string[] = [];
    const keepAssessmentReads = (request: Request) => {
      const body = request.postData();
      if (body?.includes('query Assessment') === true) asked.push(body);
    };
    page.on('request', keepAssessmentReads);
    await page.click('[data-screen="overview"]');
    await page.click('[data-screen="assessments"]');
    await expect(page.locator('[data-assessment="survey"]').innerText()).resolves.toContain('450 ratings');
    await page.click('[data-assessment="survey"]');
    const detail = page.locator('[data-assessment-detail="survey"]');
    await detail.waitFor();
    page.off('request', keepAssessmentReads);
    const lists = asked.filter((body) => body.includes('query Assessments('));
    expect(lists).toHaveLength(1);
    expect(lists[0]).toContain('ratingCount');
    expect(lists[0]).not.toContain('ratings {');
    expect(
      asked
        .filter((body) => body.includes('query Assessment('))
        .map((body) => (JSON.parse(body) as { variables: unknown }).variables),
    ).toContainEqual({ id: 'survey' });
    const more = detail.locator('[data-testid="ratings-more"]');
    await expect(more.innerText()).resolves.toMatch(/^200 of 450 ratings shown\.\s+Show 200 more$/);
    await expect(detail.locator('tbody tr').count()).resolves.toBe(200);
    await more.locator('button').click();
    await expect(detail.locator('tbody tr').count()).resolves.toBe(400);
    await expect(more.innerText()).resolves.toMatch(/^400 of 450 ratings shown\.\s+Show 50 more$/);

    const chooser = detail.locator('[data-field="ratingsOfFunction"] select');
    await expect(chooser.locator('option').allInnerTexts()).resolves.toEqual([
      'Every function (450 ratings)',
      'Branches (300)',
      'Lending (150)',
    ]);
    await chooser.selectOption('lending');
    await expect(detail.locator('tbody tr').count()).resolves.toBe(150);
    await expect(detail.locator('tbody tr td:first-child').allInnerTexts()).resolves.toEqual(
      Array.from({ length: 150 }, () => 'Lending'),
    );
    await expect(more.count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
  });

  it('should bring the correction form to a row far up a long table, and go back to the row after', async () => {
    const detail = page.locator('[data-assessment-detail="survey"]');
    await detail.locator('[data-field="ratingsOfFunction"] select').selectOption('');
    await expect(detail.locator('tbody tr').count()).resolves.toBe(200);
    const inView = (selector: string) =>
      page.locator(selector).evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.top < (globalThis as unknown as { innerHeight: number }).innerHeight;
      });
    const focusedField = () =>
      page.evaluate(
        () => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null,
      );
    const correct = detail.locator('tbody tr').first().locator('button:has-text("Correct")');
    const label = await correct.getAttribute('aria-label');
    await correct.click();
    // It opened below 200 rows: without being brought to the user the page did not move.
    await expect(inView('form[aria-label="Correct a rating"] [data-field="level"] select')).resolves.toBe(
      true,
    );
    await expect(focusedField()).resolves.toBe('level');
    await page.keyboard.press('Tab');
    await expect(focusedField()).resolves.toBe('reason');

    await page.locator('form[aria-label="Correct a rating"] button:has-text("Cancel")').click();
    await expect(page.locator('form[aria-label="Correct a rating"]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      label,
    );
    await expect(inView(`button[aria-label="${label}"]`)).resolves.toBe(true);

    // At phone width too, and back at the row once the correction is saved.
    await page.setViewportSize(PHONE);
    await correct.click();
    await expect(inView('form[aria-label="Correct a rating"] [data-field="level"] select')).resolves.toBe(
      true,
    );
    await expect(focusedField()).resolves.toBe('level');
    const form = page.locator('form[aria-label="Correct a rating"]');
    const before = await detail.locator('tbody tr').first().locator('td[data-label="Level"]').innerText();
    await form.locator('[data-field="level"] select').selectOption(before.trim() === '5' ? '4' : '5');
    await form.locator('[data-field="reason"] textarea').fill('Survey form misread.');
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-testid="confirm-dialog"] button[type="submit"]').click();
    await page.locator('[data-testid="correction-notice"]').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      label,
    );
    await expect(inView(`button[aria-label="${label}"]`)).resolves.toBe(true);
    await page.setViewportSize(DESKTOP);
    expect(pageProblems(page)).toEqual([]);
  });
});
