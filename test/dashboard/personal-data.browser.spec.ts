// Erasing personal data on the page, as an admin (docs/guides/erase-a-person.md): a mistyped
// respondent id is refused next to its field and erases nothing; a person picked under Raters
// fills the form, and going back from the confirmation erases nothing; forgetting a person after
// confirming shows their evidence and invitation label as erased; one wrong paste is erased from
// its rating with a reason typed in the confirmation, the same person's other evidence staying
// readable; a refusal shows what went wrong and records nothing. Tokens that may not erase see no
// such control.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { captureScreen, pageProblems, PHONE, startJourney, type Journey } from './browser-journey';

jest.setTimeout(300_000);

const CAROL = 'Mr Okafor in room 214 was moved twice before I could apologise.';
const WRONG_PASTE = 'Complaint from Ms Lindqvist, room 108: the cot never arrived.';
const DAVE_KEPT = 'Late check-outs are granted at the desk without asking a manager.';

interface RatingShape {
  capabilityId: string;
  respondentId: string | null;
  level: number;
  evidence: string | null;
  evidenceErased: boolean;
}
interface HistoryShape {
  history: { edges: { node: { type: string; data: { respondentId?: string; reason?: string } } }[] };
}

describe('Personal data journey (browser)', () => {
  let journey: Journey;
  let page: Page;
  /** Carol's rater link, which forgetting her stops. */
  let carolsLink = '';
  const artifacts = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

  const ratings = async (): Promise<RatingShape[]> =>
    (
      await journey.graphql<{ assessment: { ratings: RatingShape[] } }>(
        '{ assessment(id: "spring-2026") { ratings { capabilityId respondentId level evidence evidenceErased } } }',
      )
    ).assessment.ratings;
  const erasures = async () =>
    (
      await journey.graphql<HistoryShape>(
        '{ history(organizationId: "harbour", filter: { types: ["RespondentForgotten", "EvidenceRedacted"] }) { edges { node { type data } } } }',
      )
    ).history.edges.map((edge) => edge.node);
  const forgetForm = () => page.locator('form[aria-label="Forget a person"]');
  const dialog = () => page.locator('[data-testid="confirm-dialog"]');

  beforeAll(async () => {
    journey = await startJourney('personal-data-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "harbour", name: "Harbour Hotel" }) { id } }',
    );
    await journey.graphql(
      'mutation { addFunction(input: { organizationId: "harbour", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "harbour", assessmentId: "spring-2026", title: "Spring 2026 guest-stay review", periodEnd: "2026-03-31" }) { id } }',
    );
    const { inviteRaters } = await journey.graphql<{ inviteRaters: { link: string }[] }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { link } }',
      {
        input: {
          assessmentId: 'spring-2026',
          invitations: [
            {
              respondentId: 'r-17',
              label: 'Carol Diaz, night shift lead',
              source: 'SELF',
              functionIds: ['front-desk'],
              capabilityIds: ['service-recovery'],
            },
          ],
        },
      },
    );
    carolsLink = inviteRaters[0]?.link ?? '';
    const rating =
      'mutation($c: ID!, $r: ID!, $l: Int!, $e: String!) { recordRating(input: { assessmentId: "spring-2026", functionId: "front-desk", capabilityId: $c, source: SELF, respondentId: $r, level: $l, evidence: $e }) { id } }';
    await journey.graphql(rating, { c: 'service-recovery', r: 'r-17', l: 3, e: CAROL });
    await journey.graphql(rating, { c: 'service-recovery', r: 'dave-r2', l: 2, e: WRONG_PASTE });
    await journey.graphql(rating, { c: 'employee-empowerment', r: 'dave-r2', l: 4, e: DAVE_KEPT });
    page = await journey.signIn();
    await page.click('[data-screen="assessments"]');
    await page.waitForSelector('[data-testid="personal-data"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should refuse a mistyped respondent id next to its field, erasing nothing', async () => {
    await forgetForm().locator('[data-field="respondentId"] input').fill('r-71');
    await forgetForm().locator('[data-field="reason"] textarea').fill('request 2026-113');
    await forgetForm().locator('button[type="submit"]').click();
    await expect(dialog().innerText()).resolves.toMatch(/Forget respondent r-71\?[\s\S]*cannot be undone/);
    await dialog().locator('button[type="submit"]').click();
    const error = page.locator('[data-field-error="respondentId"]');
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('no respondent "r-71" was invited or rated');
    await expect(erasures()).resolves.toEqual([]);
  });

  it('should pick a person from Raters for the form, and erase nothing when the user goes back', async () => {
    await page.click('tr[data-respondent="r-17"] button:has-text("Forget…")');
    // The id is filled in: the reason is what is left to type, so it has the focus (after a render).
    await page.waitForSelector('form[aria-label="Forget a person"] [data-field="reason"] textarea:focus');
    const respondentField = forgetForm().locator('[data-field="respondentId"] input');
    for (const deadline = Date.now() + 10_000; (await respondentField.inputValue()) !== 'r-17';) {
      if (Date.now() > deadline) throw new Error('Forget… did not fill in the respondent id r-17');
      await page.waitForTimeout(100);
    }
    await forgetForm().locator('[data-field="reason"] textarea').fill('request 2026-113');
    await forgetForm().locator('button[type="submit"]').click();
    await dialog().waitFor();
    // The dialog names the person as the row did (the label is still readable at this moment),
    // and says what happens to their links.
    const asked = await dialog().innerText();
    expect(asked).toContain(
      'Forget Carol Diaz, night shift lead (self, 1 answer in Spring 2026 guest-stay review)?',
    );
    expect(asked).toMatch(/Respondent id r-17/);
    expect(asked).toMatch(/links stop working at once/);
    await expect(dialog().locator('button[type="submit"]').innerText()).resolves.toBe(
      'Forget Carol Diaz, night shift lead',
    );
    await captureScreen(page, 'erase-a-person-confirm');
    await dialog().locator('button:has-text("Go back")').click();
    await dialog().waitFor({ state: 'detached' });
    await expect(erasures()).resolves.toEqual([]);
    await expect(page.locator('tr[data-respondent="r-17"]').innerText()).resolves.toContain(
      'Carol Diaz, night shift lead',
    );
  });

  it("should forget a person after confirming: their evidence and their invitation's label read Erased", async () => {
    await forgetForm().locator('button[type="submit"]').click();
    await dialog().locator('button[type="submit"]:has-text("Forget Carol Diaz")').click();
    await page.waitForSelector('form[aria-label="Forget a person"] [role="status"]:has-text("Forgot r-17")');
    // Forgetting stopped the person's link: it is listed among the revoked ones, as Forgotten.
    await page.click('button:has-text("Show 1 revoked link")');
    await page.waitForSelector('tr[data-respondent="r-17"] [data-erased="label"]');
    await expect(
      page.locator('tr[data-respondent="r-17"] [data-status="REVOKED"][data-forgotten="true"]').textContent(),
    ).resolves.toBe('Forgotten');
    await expect(page.locator('tr[data-respondent="r-17"] button:has-text("Forget…")').count()).resolves.toBe(
      0,
    );
    // Her link says it no longer works, in the api's words, and shows nothing of hers.
    const rater = await journey.browser.newPage({ viewport: PHONE });
    await rater.goto(carolsLink);
    await rater.waitForSelector('h1:has-text("This link no longer works")');
    await expect(rater.locator('body').innerText()).resolves.toMatch(/forgotten at their request/);
    await expect(rater.locator('body').innerText()).resolves.not.toMatch(/answers given before stay/);
    await rater.screenshot({ path: path.join(artifacts, 'rater-link-forgotten-phone.png') });
    await rater.close();
    await page.waitForSelector('tr:has-text("r-17") [data-erased="evidence"]');
    await expect(page.locator('tr[data-respondent="r-17"]').innerText()).resolves.not.toContain('Carol');
    await expect(page.locator('body').innerText()).resolves.not.toContain(CAROL);
    await expect(
      page.locator('tr:has-text("dave-r2"):has-text("Service recovery")').innerText(),
    ).resolves.toContain(WRONG_PASTE);

    expect((await ratings()).find((rating) => rating.respondentId === 'r-17')).toEqual({
      capabilityId: 'service-recovery',
      respondentId: 'r-17',
      level: 3,
      evidence: null,
      evidenceErased: true,
    });
    await expect(erasures()).resolves.toEqual([
      expect.objectContaining({
        type: 'RespondentForgotten',
        data: expect.objectContaining({ respondentId: 'r-17', reason: 'request 2026-113' }),
      }),
    ]);
    await captureScreen(page, 'erase-a-person');
  });

  it("should erase one wrong paste with a reason, keeping the same person's other evidence", async () => {
    const row = page.locator('tr:has-text("dave-r2"):has-text("Service recovery")');
    await row.locator('button:has-text("Erase evidence")').click();
    const confirmButton = dialog().locator('button[type="submit"]');
    await expect(confirmButton.isDisabled()).resolves.toBe(true);
    await dialog().locator('textarea[name="reason"]').fill('pasted the wrong text');
    await confirmButton.click();
    await row.locator('[data-erased="evidence"]').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain(WRONG_PASTE);
    await expect(
      page.locator('tr:has-text("dave-r2"):has-text("Employee skills and empowerment")').innerText(),
    ).resolves.toContain(DAVE_KEPT);
    // Erased evidence offers nothing more to erase.
    await expect(row.locator('button:has-text("Erase evidence")').count()).resolves.toBe(0);

    const dave = (await ratings()).filter((rating) => rating.respondentId === 'dave-r2');
    expect(dave).toEqual(
      expect.arrayContaining([
        {
          capabilityId: 'service-recovery',
          respondentId: 'dave-r2',
          level: 2,
          evidence: null,
          evidenceErased: true,
        },
        {
          capabilityId: 'employee-empowerment',
          respondentId: 'dave-r2',
          level: 4,
          evidence: DAVE_KEPT,
          evidenceErased: false,
        },
      ]),
    );
    await expect(erasures()).resolves.toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'EvidenceRedacted',
          data: expect.objectContaining({ respondentId: 'dave-r2', reason: 'pasted the wrong text' }),
        }),
      ]),
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it("should show the api's refusal naming the field, erasing nothing", async () => {
    const before = await erasures();
    const row = page.locator('tr:has-text("dave-r2"):has-text("Employee skills and empowerment")');
    await row.locator('button:has-text("Erase evidence")').click();
    await dialog().locator('textarea[name="reason"]').fill('x'.repeat(2001));
    await dialog().locator('button[type="submit"]').click();
    const refusal = page.locator('[role="alert"][data-error="BAD_USER_INPUT"]');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain(
      'Could not erase the evidence: Reason must be at most 2000 characters (got 2001)',
    );
    await expect(erasures()).resolves.toEqual(before);
    await expect(row.innerText()).resolves.toContain(DAVE_KEPT);
    expect(pageProblems(page)).toEqual([]);
  });

  it.each(['ASSESSOR', 'AUDITOR'])(
    'should show a %s token no control that erases personal data',
    async (role) => {
      const other = await journey.signIn(await journey.issueToken(role, ['harbour']));
      await other.click('[data-screen="assessments"]');
      // The ratings and the raters are on screen before looking for what must not be there.
      await other.waitForSelector('tr:has-text("dave-r2") [data-erased="evidence"]');
      // r-17, forgotten, is folded away among the revoked links.
      await other.waitForSelector('button:has-text("Show 1 revoked link")');
      await expect(other.locator('[data-testid="personal-data"]').count()).resolves.toBe(0);
      await expect(other.locator('button:has-text("Erase evidence")').count()).resolves.toBe(0);
      await expect(other.locator('text=Forget').count()).resolves.toBe(0);
      expect(pageProblems(other)).toEqual([]);
      await other.close();
    },
  );
});
