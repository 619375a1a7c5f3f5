// A campaign in real Chromium: the office invites raters on the page (a form, then a people
// file), a rater opens their link on a 375 px phone and answers three questions (one "not sure",
// one by keyboard alone), reloads and finds the answers kept, changes one; the office sees the
// progress; a revoked link says it no longer works; after closing, the link shows a read-only
// thank-you and answers are refused. A rater's token opens nothing of the dashboard.
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  captureScreen,
  DESKTOP,
  docsScreenshots,
  expectAccessible,
  pageProblems,
  PHONE,
  regionOverflow,
  smallOrOffScreenControls,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(300_000);

interface InvitationShape {
  id: string;
  respondentId: string;
  label: string | null;
  source: string;
  answered: number;
  status: string;
}
interface RatingShape {
  functionId: string;
  capabilityId: string;
  level: number;
  source: string;
  raterFunctionId: string | null;
}

// Given as bytes, not a path: the page reads exactly what the test chose, with no file on disk
// rewritten between two choices for the browser to read late.
function peopleFile(content: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(content) };
}

describe('Campaign journey (browser)', () => {
  let journey: Journey;
  let office: Page;
  let rater: Page;
  const links = new Map<string, string>();

  const invitations = async (): Promise<InvitationShape[]> =>
    (
      await journey.graphql<{ invitations: InvitationShape[] }>(
        '{ invitations(assessmentId: "spring-2026") { id respondentId label source answered status } }',
      )
    ).invitations;
  const ratings = async (): Promise<RatingShape[]> =>
    (
      await journey.graphql<{ assessment: { ratings: RatingShape[] } }>(
        '{ assessment(id: "spring-2026") { ratings { functionId capabilityId level source raterFunctionId } } }',
      )
    ).assessment.ratings;
  const question = (page: Page, number: number) =>
    page.locator('[data-testid="rate-questions"] > li').nth(number - 1);
  const savedOf = async (page: Page, number: number) =>
    question(page, number).locator('[data-save-state="saved"]').waitFor();

  async function readIssuedLinks(): Promise<void> {
    const items = office.locator('[data-testid="issued-links"] [data-issued-link]');
    await items.first().waitFor();
    // The office is told what to tell the people about who reads their answers.
    await expect(office.locator('[data-testid="issued-links-privacy"]').innerText()).resolves.toMatch(
      /only from 3 people per question; planners group averages only/,
    );
    for (let index = 0; index < (await items.count()); index += 1) {
      const item = items.nth(index);
      links.set(
        (await item.getAttribute('data-issued-link')) ?? '',
        await item.locator('input').inputValue(),
      );
    }
  }

  beforeAll(async () => {
    journey = await startJourney('campaign-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "harbour", name: "Harbour Hotel" }) { id } }',
    );
    for (const [functionId, name, customerFacing] of [
      ['front-desk', 'Front desk', true],
      ['housekeeping', 'Housekeeping', false],
      ['maintenance', 'Maintenance', false],
    ] as const)
      await journey.graphql(
        'mutation($f: ID!, $n: String!, $c: Boolean!) { addFunction(input: { organizationId: "harbour", functionId: $f, name: $n, customerFacing: $c }) { id } }',
        { f: functionId, n: name, c: customerFacing },
      );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "harbour", assessmentId: "spring-2026", title: "Spring 2026 guest-stay review", periodEnd: "2026-03-31" }) { id } }',
    );
    office = await journey.signIn(await journey.issueToken('ASSESSOR', ['harbour']));
    await office.click('[data-screen="assessments"]');
    await office.waitForSelector('[data-testid="campaign-panel"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should ask for a peer’s own function before sending, inviting nobody', async () => {
    const form = office.locator('form[aria-label="Invite raters"]');
    await form.locator('[data-field="invitations[0].label"] input').fill('Front desk peer');
    await form.locator('[data-field="invitations[0].source"] select').selectOption('PEER');
    let sent = 0;
    const countInvitations = (request: { postData(): string | null }) => {
      if (request.postData()?.includes('inviteRaters') === true) sent += 1;
    };
    office.on('request', countInvitations);
    await form.locator('button[type="submit"]').click();
    // Said next to the field before anything is sent: their own function is still "Choose…".
    await expect(
      office.locator('[data-field-error="invitations[0].raterFunctionId"]').innerText(),
    ).resolves.toMatch(/required for a PEER rating/);
    office.off('request', countInvitations);
    expect(sent).toBe(0);
    expect(await invitations()).toEqual([]);
  });

  it('should invite a person from the form and show their link once', async () => {
    const form = office.locator('form[aria-label="Invite raters"]');
    await form.locator('[data-field="invitations[0].label"] input').fill('Night shift lead');
    await form.locator('[data-field="invitations[0].source"] select').selectOption('SELF');
    await form.locator('[data-field="invitations[0].functionIds"] select').selectOption('housekeeping');
    await form.locator('[data-person="0"] summary').click();
    await form.locator('[data-field="invitations[0].respondentId"] input').fill('night-lead');
    await form.locator('button[type="submit"]').click();
    await readIssuedLinks();
    expect([...links.keys()]).toEqual(['night-lead']);
    expect(links.get('night-lead')).toMatch(new RegExp(`^${journey.api.baseUrl}/rate#token=invitation-`));
    expect(await invitations()).toEqual([
      expect.objectContaining({
        respondentId: 'night-lead',
        label: 'Night shift lead',
        source: 'SELF',
        status: 'ACTIVE',
      }),
    ]);
  });

  it('should refuse a people file line with its line named, inviting nobody, then invite the corrected file', async () => {
    await office.setInputFiles(
      '#people-file',
      peopleFile(
        'label,source,raterFunction,functions\nDesk supervisor,PEER,,housekeeping;maintenance\nGuest panel,CUSTOMER,,front-desk;housekeeping\n',
      ),
    );
    await office.waitForSelector('text=2 people from people.csv');
    const form = office.locator('form[aria-label="Invite raters"]');
    await form.locator('button[type="submit"]').click();
    await office.waitForSelector('[data-field-error="invitations[0].raterFunctionId"]');
    expect(await invitations()).toHaveLength(1);

    // The same file name, corrected and chosen again.
    await office.setInputFiles(
      '#people-file',
      peopleFile(
        'label,source,raterFunction,functions,respondent\nDesk supervisor,PEER,front-desk,housekeeping;maintenance,desk-supervisor\nGuest panel,CUSTOMER,,front-desk;housekeeping,guest-panel\n',
      ),
    );
    // Polled from here: a string given to waitForFunction is evaluated in the page, which the
    // dashboard's Content-Security-Policy refuses (no 'unsafe-eval') whenever it must poll.
    const firstRespondent = form.locator('[data-field="invitations[0].respondentId"] input');
    for (const deadline = Date.now() + 10_000; (await firstRespondent.inputValue()) !== 'desk-supervisor';) {
      if (Date.now() > deadline)
        throw new Error(
          `the corrected file never reached the form:\n${await office.locator('[data-testid="invite-raters"]').innerText()}`,
        );
      await office.waitForTimeout(50);
    }
    await captureScreen(office, 'campaign-invite');
    await form.locator('button[type="submit"]').click();
    await office
      .waitForSelector('[data-issued-link="guest-panel"]', { timeout: 10_000 })
      .catch(async (error: unknown) => {
        throw new Error(
          `${String(error)}\n${await office.locator('[data-testid="invite-raters"]').innerText()}`,
        );
      });
    await readIssuedLinks();
    expect((await invitations()).map((invitation) => invitation.respondentId)).toEqual([
      'night-lead',
      'desk-supervisor',
      'guest-panel',
    ]);
    await captureScreen(office, 'campaign-links');
  });

  it('should let a rater answer on a 375 px phone: a click, "not sure", and the keyboard alone', async () => {
    rater = await journey.browser.newPage({ viewport: PHONE });
    await rater.goto(links.get('night-lead') ?? '');
    await rater.waitForSelector('text=Spring 2026 guest-stay review');
    await expect(rater.locator('.rate-header__organization').innerText()).resolves.toBe('Harbour Hotel');
    await expect(rater.locator('[data-testid="rate-progress"]').innerText()).resolves.toMatch(
      /0 of 11 answered/,
    );

    await question(rater, 1).locator('label.choice:has-text("3 ·")').click();
    await savedOf(rater, 1);
    await question(rater, 2).locator('label.choice:has-text("Not sure")').click();
    // Question 3 by keyboard: Tab into its levels, arrows to level 2, then type the evidence.
    await question(rater, 3).locator('input[type="radio"]').first().focus();
    await rater.keyboard.press('Space');
    await rater.keyboard.press('ArrowDown');
    await rater.keyboard.press('Tab');
    await rater.keyboard.type('Rooms ready late on Mondays');
    await rater.keyboard.press('Tab');
    await savedOf(rater, 3);
    await rater.waitForSelector('[data-testid="rate-progress"] >> text=2 of 11 answered');
    const byCell = (rows: RatingShape[]) =>
      rows
        .filter((rating) => rating.source === 'SELF')
        .map(({ capabilityId, level }) => [capabilityId, level]);
    const [first, , third] = await Promise.all(
      [1, 2, 3].map((number) =>
        question(rater, number).locator('[data-question]').getAttribute('data-question'),
      ),
    );
    expect(byCell(await ratings())).toEqual(
      expect.arrayContaining([
        [first?.split('/')[1], 3],
        [third?.split('/')[1], 2],
      ]),
    );
    expect(byCell(await ratings())).toHaveLength(2);
    await expectAccessible(rater);
    await rater.evaluate('window.scrollTo(0, 0)');
    await rater.screenshot({ path: path.join(docsScreenshots, 'rate-questionnaire-phone.png') });
    await rater.setViewportSize(DESKTOP);
    await captureScreen(rater, 'rate-questionnaire');
    await rater.setViewportSize(PHONE);
  });

  it('should keep the answers over a reload, and let the rater change one', async () => {
    await rater.reload();
    await rater.waitForSelector('[data-testid="rate-progress"] >> text=2 of 11 answered');
    await expect(question(rater, 1).locator('input[value="3"]').isChecked()).resolves.toBe(true);
    await expect(question(rater, 2).locator('input[value="not-sure"]').isChecked()).resolves.toBe(true);
    await expect(question(rater, 3).locator('input[value="2"]').isChecked()).resolves.toBe(true);
    await expect(question(rater, 3).locator('textarea').inputValue()).resolves.toBe(
      'Rooms ready late on Mondays',
    );

    await question(rater, 1).locator('label.choice:has-text("4 ·")').click();
    await savedOf(rater, 1);
    const capability = (
      await question(rater, 1).locator('[data-question]').getAttribute('data-question')
    )?.split('/')[1];
    const changed = (await ratings()).find(
      (rating) => rating.source === 'SELF' && rating.capabilityId === capability,
    );
    expect(changed?.level).toBe(4);
    expect(pageProblems(rater)).toEqual([]);
  });

  it('should show the office the progress by person and by function, and the answers among the ratings', async () => {
    await office.click('[data-testid="campaign-panel"] button:has-text("Refresh")');
    await office.waitForSelector('[data-respondent="night-lead"] [data-answered="2"]');
    await expect(office.locator('[data-figure="started"]').innerText()).resolves.toBe('1');
    // Not sure on question 2 is no answer, and not left either.
    await expect(office.locator('[data-figure="answered"]').innerText()).resolves.toBe(
      '2 answered, 1 not sure, 52 left',
    );
    await expect(office.locator('[data-respondent="night-lead"] [data-not-sure="1"]').count()).resolves.toBe(
      1,
    );
    await expect(office.locator('[data-function-progress="housekeeping"]').innerText()).resolves.toMatch(
      /2 of 33/,
    );
    // Answers are ratings: the assessment beside the panel is read again and counts them.
    await office.waitForSelector('text=2 effective ratings');
    await captureScreen(office, 'campaign-progress');
  });

  it('should show the invitations as one card per person at phone width, Revoke and Forget… within reach', async () => {
    await office.setViewportSize(PHONE);
    await expect(regionOverflow(office, 'Invitations')).resolves.toBeLessThanOrEqual(0);
    const row = office.locator('[role="region"][aria-label="Invitations"] tr[data-respondent="night-lead"]');
    await expect(row.locator('td[data-label="Answered"]').innerText()).resolves.toMatch(/^2 \/ /);
    await expect(
      smallOrOffScreenControls(office, '[role="region"][aria-label="Invitations"]'),
    ).resolves.toEqual([]);
    await expect(
      row.getByRole('button', { name: 'Revoke the link of Night shift lead' }).count(),
    ).resolves.toBe(1);
    await expectAccessible(office);
    await office.setViewportSize(DESKTOP);
  });

  it('should tell a rater whose link was revoked that it no longer works', async () => {
    const peer = await journey.browser.newPage({ viewport: PHONE });
    await peer.goto(links.get('desk-supervisor') ?? '');
    await peer.waitForSelector('[data-testid="rate-questions"]');
    await office.click('button[aria-label="Revoke the link of Desk supervisor"]');
    await office.click('[data-testid="confirm-dialog"] button[type="submit"]');
    // A revoked link is folded away among the Raters, shown on asking.
    await office.click('button:has-text("Show 1 revoked link")');
    await office.waitForSelector('[data-respondent="desk-supervisor"] [data-status="REVOKED"]');
    await peer.reload();
    await peer.waitForSelector('[data-testid="rate-link-stopped"]');
    await expect(peer.locator('[data-testid="rate-link-stopped"]').innerText()).resolves.toMatch(
      /no longer works/,
    );
    await expectAccessible(peer);
    await peer.close();
  });

  it('should tell a rater that evidence of theirs was erased, while open and after closing', async () => {
    const [functionId, capabilityId] =
      (await question(rater, 3).locator('[data-question]').getAttribute('data-question'))?.split('/') ?? [];
    await journey.graphql(`mutation($input: RedactEvidenceInput!) { redactEvidence(input: $input) }`, {
      input: {
        assessmentId: 'spring-2026',
        functionId,
        capabilityId,
        source: 'SELF',
        respondentId: 'night-lead',
        reason: 'wrong paste',
      },
    });
    await rater.reload();
    await question(rater, 3).locator('[data-erased="evidence"]').waitFor();
    await expect(question(rater, 3).locator('textarea').inputValue()).resolves.toBe('');
    await expect(question(rater, 3).locator('input[value="2"]').isChecked()).resolves.toBe(true);
    await expect(question(rater, 1).locator('[data-erased]').count()).resolves.toBe(0);
    await expectAccessible(rater);
  });

  it('should show a read-only thank-you once the assessment is closed, and refuse answers', async () => {
    await office.click('button:has-text("Close the assessment")');
    await office.click('[data-testid="confirm-dialog"] button[type="submit"]');
    await office.waitForSelector('[data-testid="assessment-status"]:has-text("CLOSED")');
    await rater.reload();
    await rater.waitForSelector('[data-testid="rate-thank-you"]');
    expect(await rater.locator('input[type="radio"]').count()).toBe(0);
    await expect(question(rater, 1).locator('[data-answer]').getAttribute('data-answer')).resolves.toBe('4');
    await expect(question(rater, 3).locator('[data-erased="evidence"]').innerText()).resolves.toMatch(
      /^Erased/,
    );
    const token = decodeURIComponent((links.get('night-lead') ?? '').split('#token=')[1] ?? '');
    const refused = await fetch(`${journey.api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { answerQuestion(input: { functionId: "housekeeping", capabilityId: "${(await question(rater, 1).locator('[data-question]').getAttribute('data-question'))?.split('/')[1] ?? ''}", level: 1 }) { answered } }`,
      }),
    }).then((response) => response.json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await rater.setViewportSize(DESKTOP);
    await captureScreen(rater, 'rate-thank-you');
    expect(pageProblems(rater)).toEqual([]);
    expect(pageProblems(office)).toEqual([]);
  });

  it('should open nothing of the dashboard with a rater’s token', async () => {
    const token = decodeURIComponent((links.get('guest-panel') ?? '').split('#token=')[1] ?? '');
    const page = await journey.browser.newPage({ viewport: PHONE });
    await page.goto(journey.api.baseUrl);
    await page.fill('input[name="token"]', token);
    await page.click('button[type="submit"]:has-text("Sign in")');
    await page.waitForSelector('[data-testid="rater-link-notice"]');
    expect(await page.locator('[data-screen]').count()).toBe(0);
    await page.close();
  });

  it("should mark a forgotten person's label as erased among the invitations, keeping their respondent id", async () => {
    await journey.graphql(
      'mutation { forgetRespondent(organizationId: "harbour", respondentId: "guest-panel", reason: "request 2026-9") }',
    );
    await office.click('[data-testid="campaign-panel"] button:has-text("Refresh")');
    // Forgetting stopped the person's link: the row is among the revoked ones (shown since the
    // revoked link above), marked Forgotten.
    const row = office.locator('[data-respondent="guest-panel"]');
    await row.locator('[data-forgotten="true"]').waitFor();
    await expect(row.locator('[data-forgotten="true"]').textContent()).resolves.toBe('Forgotten');
    await row.locator('[data-erased="label"]').waitFor();
    const person = await row.locator('td').first().innerText();
    expect(person).toMatch(/^Erased/);
    expect(person).toContain('guest-panel');
    await expect(row.locator('[data-erased="label"]').textContent()).resolves.toContain(
      'the person was forgotten',
    );
    await expect(office.locator('[data-respondent="night-lead"]').innerText()).resolves.toContain(
      'Night shift lead',
    );
    await expectAccessible(office);
    expect(pageProblems(office)).toEqual([]);
  });
});
