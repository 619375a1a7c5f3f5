// Who reads a rater's answers, in real Chromium: the questionnaire says it plainly before the
// questions (by the source the link answers as); a planner's heatmap cell shows group figures
// only; the office's shows a customer group of 2 as its mean and count, and a group of 3 answer by
// answer (docs/reference/personal-data.md, "Who reads a rater's answers").
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  expectAccessible,
  pageProblems,
  PHONE,
  phoneScreenshots,
  startJourney,
  watchProblems,
  type Journey,
} from './browser-journey';

jest.setTimeout(300_000);

const ORGANIZATION = 'candour';
const ASSESSMENT = 'candour-autumn';
const NAMING_EVIDENCE = 'Maria on the terrace collects guest comments every evening';

describe('Who reads raters’ answers (browser)', () => {
  let journey: Journey;
  const links = new Map<string, string>();

  const cellTooltip = async (page: Page, cell: string): Promise<string> => {
    const button = page.locator(`[data-heatmap="current"] [data-cell="${cell}"] button`);
    await button.scrollIntoViewIfNeeded();
    await button.focus();
    const tooltip = page.locator('[role="tooltip"]');
    await tooltip.locator('.cell-details__ratings').waitFor();
    return tooltip.innerText();
  };

  beforeAll(async () => {
    journey = await startJourney('individual-answers-browser');
    await journey.graphql(
      `mutation { registerOrganization(input: { id: "${ORGANIZATION}", name: "Candour Café" }) { id } }`,
    );
    await journey.graphql(
      `mutation { addFunction(input: { organizationId: "${ORGANIZATION}", functionId: "floor", name: "Floor service", customerFacing: true }) { id } }`,
    );
    await journey.graphql(
      `mutation { openAssessment(input: { organizationId: "${ORGANIZATION}", assessmentId: "${ASSESSMENT}", title: "Autumn guest review", periodEnd: "2026-10-31" }) { id } }`,
    );
    // Customer insight: two guests (their group's figures only). Service recovery: three guests.
    const answers: [string, string, number, string | null][] = [
      ['customer-insight', 'guest-a', 4, NAMING_EVIDENCE],
      ['customer-insight', 'guest-b', 1, null],
      ['service-recovery', 'guest-a', 4, 'Fixed at once'],
      ['service-recovery', 'guest-b', 3, null],
      ['service-recovery', 'guest-c', 2, null],
    ];
    for (const [capabilityId, respondentId, level, evidence] of answers)
      await journey.graphql(
        `mutation($c: ID!, $r: ID!, $l: Int!, $e: String) { recordRating(input: {
          assessmentId: "${ASSESSMENT}", functionId: "floor", capabilityId: $c, level: $l, source: CUSTOMER, respondentId: $r, evidence: $e
        }) { id } }`,
        { c: capabilityId, r: respondentId, l: level, e: evidence },
      );
    const issued = await journey.graphql<{
      inviteRaters: { link: string; invitation: { respondentId: string } }[];
    }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { link invitation { respondentId } } }',
      {
        input: {
          assessmentId: ASSESSMENT,
          invitations: [
            {
              respondentId: 'guest-link',
              source: 'CUSTOMER',
              functionIds: ['floor'],
              capabilityIds: ['service-recovery'],
            },
            {
              respondentId: 'waiter-link',
              source: 'SELF',
              functionIds: ['floor'],
              capabilityIds: ['service-recovery'],
            },
          ],
        },
      },
    );
    for (const { link, invitation } of issued.inviteRaters) links.set(invitation.respondentId, link);
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should tell a customer and a self-rater, before the questions, who reads their answers and comments and in what form', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = watchProblems(await journey.browser.newPage({ viewport }));
      await page.goto(links.get('guest-link') ?? '');
      const privacy = page.locator('[data-testid="rate-privacy"]');
      await privacy.waitFor();
      const text = await privacy.innerText();
      expect(text).toMatch(/^Who reads your answers/);
      expect(text).toContain('recorded under a code, not your name');
      expect(text).toContain('only where at least 3 people of your group');
      expect(text).toContain('Planners see group averages only, never an answer or a comment.');
      expect(text).toContain('administrators and auditors can open the full record');
      // Said before the first question, not after it.
      const [privacyTop, questionsTop] = await Promise.all([
        privacy.evaluate((element) => element.getBoundingClientRect().top),
        page
          .locator('[data-testid="rate-questions"]')
          .evaluate((element) => element.getBoundingClientRect().top),
      ]);
      expect(privacyTop).toBeLessThan(questionsTop);
      await expectAccessible(page);
      await page.screenshot({
        path: path.join(phoneScreenshots, `rater-who-reads-answers-${viewport.width}.png`),
        fullPage: true,
      });
      expect(pageProblems(page)).toEqual([]);
      await page.close();
    }

    const self = watchProblems(await journey.browser.newPage({ viewport: PHONE }));
    await self.goto(links.get('waiter-link') ?? '');
    const selfText = await self.locator('[data-testid="rate-privacy"]').innerText();
    expect(selfText).toContain('see each of your answers with its comment');
    expect(selfText).not.toContain('at least 3 people');
    await self.close();
  });

  it('should show a PLANNER group figures only in the heatmap cell details: no answer, no respondent, no evidence', async () => {
    const token = await journey.issueToken('PLANNER', [ORGANIZATION]);
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await journey.signIn(token, viewport);
      await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
      const insight = await cellTooltip(page, 'floor:customer-insight');
      expect(insight).toMatch(/Customer · 2 respondents · mean 2\.5/);
      expect(insight).toContain('Planners see group figures only: no individual answers or comments.');
      const recovery = await cellTooltip(page, 'floor:service-recovery');
      expect(recovery).toMatch(/Customer · 3 respondents · mean 3\.0/);
      for (const text of [insight, recovery]) {
        expect(text).not.toContain('Maria');
        expect(text).not.toContain('Fixed at once');
        expect(text).not.toMatch(/guest-[abc]/);
      }
      await page.screenshot({
        path: path.join(phoneScreenshots, `planner-cell-details-${viewport.width}.png`),
      });
      expect(pageProblems(page)).toEqual([]);
      await page.close();
    }
  });

  it('should show the office a customer group of 2 as its mean and count, and a group of 3 answer by answer', async () => {
    const page = await journey.signIn(undefined, DESKTOP);
    await page.waitForSelector('[data-heatmap="current"][aria-busy="false"]');
    const insight = await cellTooltip(page, 'floor:customer-insight');
    expect(insight).toMatch(/Customer · 2 respondents · mean 2\.5/);
    expect(insight).toContain(
      'Answers not shown one by one: 2 respondents, fewer than 3, so each answer would tell who gave it.',
    );
    expect(insight).not.toContain('Maria');
    expect(insight).not.toMatch(/guest-[ab]/);
    await page.screenshot({ path: path.join(phoneScreenshots, 'admin-cell-details-small-group-1280.png') });

    const recovery = await cellTooltip(page, 'floor:service-recovery');
    expect(recovery).toMatch(/guest-a\s+4\s+Fixed at once/);
    expect(recovery).toMatch(/guest-c\s+2/);
    expect(recovery).not.toContain('Answers not shown one by one');

    // The Assessments screen says what its ratings table leaves out and why.
    await page.goto(`${journey.api.baseUrl}/?org=${ORGANIZATION}&view=assessments`);
    const note = page.locator('[data-testid="withheld-ratings-note"]');
    await note.waitFor();
    await expect(note.innerText()).resolves.toBe(
      'Not listed: 2 answers of 1 customer or peer group with fewer than 3 respondents in a cell, so that no one can tell who said what. Each group’s average and count are in the heatmap cell’s details.',
    );
    await page.screenshot({
      path: path.join(phoneScreenshots, 'admin-assessments-withheld-1280.png'),
      fullPage: true,
    });
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });
});
