// The invite form's preview in real Chromium: a people file with several bad lines shows every one
// of them at once, each with its line and column and the api's words (an unknown function, a peer
// without their own function, a person the organisation forgot), marking each person where they
// are; pressing Invite then invites nobody and says all of them by the button. A person forgotten
// is flagged as soon as their respondent id is there, before anything is sent. A guest asked about
// every capability is told how many questions that makes, and offered choosing the capabilities.
import type { Page } from 'playwright-core';
import {
  expectAccessible,
  pageProblems,
  PHONE,
  DESKTOP,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(300_000);

const SHOTS = process.env.PEOPLE_SHOTS_DIR;

function peopleFile(content: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(content) };
}

describe('Invite form preview (browser)', () => {
  let journey: Journey;
  let office: Page;

  const invitationCount = async (): Promise<number> =>
    (await journey.graphql<{ invitations: unknown[] }>('{ invitations(assessmentId: "winter-2027") { id } }'))
      .invitations.length;
  const form = () => office.locator('form[aria-label="Invite raters"]');

  beforeAll(async () => {
    journey = await startJourney('invite-preview-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "bistro", name: "Harbour Bistro" }) { id } }',
    );
    for (const [functionId, name] of [
      ['floor', 'Floor'],
      ['kitchen', 'Kitchen'],
    ] as const)
      await journey.graphql(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "bistro", functionId: $f, name: $n, customerFacing: true }) { id } }',
        { f: functionId, n: name },
      );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "bistro", assessmentId: "autumn-2026", title: "Autumn 2026 guest review", periodEnd: "2026-11-30" }) { id } }',
    );
    await journey.graphql(
      'mutation { inviteRaters(input: { assessmentId: "autumn-2026", invitations: [{ respondentId: "guest-tuesday", label: "Regular guest Tuesday", source: CUSTOMER, functionIds: ["floor"] }] }) { token } }',
    );
    await journey.graphql(
      'mutation { forgetRespondent(organizationId: "bistro", respondentId: "guest-tuesday", reason: "request 2026-40") }',
    );
    await journey.graphql('mutation { closeAssessment(assessmentId: "autumn-2026") { id } }');
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "bistro", assessmentId: "winter-2027", title: "Winter 2027 guest review", periodEnd: "2027-02-28" }) { id } }',
    );
    office = await journey.signIn(await journey.issueToken('ASSESSOR', ['bistro']));
    await office.click('[data-screen="assessments"]');
    await office.waitForSelector('[data-testid="campaign-panel"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should show every bad line of a people file at once, with its line, column and the api’s words', async () => {
    await office.setInputFiles(
      '#people-file',
      peopleFile(
        [
          'label,source,raterFunction,functions,respondent',
          'Head waiter,SELF,,floor,head-waiter',
          'Sous chef,SELF,,bakery,sous-chef',
          'Runner,PEER,,kitchen,runner',
          'Regular guest Tuesday,CUSTOMER,,floor;kitchen,guest-tuesday',
          '',
        ].join('\n'),
      ),
    );
    await office.waitForSelector('text=4 people from people.csv');
    const problems = office.locator('[data-testid="invite-problems"]');
    await problems.waitFor();
    const listed = await problems.locator('li').allInnerTexts();
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatch(/^Person 2 · line 3, column functions: .*bakery/);
    expect(listed[1]).toMatch(/^Person 3 · line 4, column raterFunction: /);
    expect(listed[2]).toMatch(
      /^Person 4 · line 5, column respondent: “Regular guest Tuesday” \(respondent "guest-tuesday"\) was forgotten on \d{4}-\d\d-\d\d and cannot be invited again.*leave their respondent empty so they get a new id/,
    );
    await expect(problems.innerText()).resolves.toMatch(/3 people cannot be invited as they are/);
    // Each is marked where it is; the good line is not.
    for (const index of [1, 2, 3])
      await expect(form().locator(`[data-person="${index}"]`).getAttribute('data-refused')).resolves.toBe(
        'true',
      );
    await expect(form().locator('[data-person="0"]').getAttribute('data-refused')).resolves.toBeNull();
    await expect(form().locator('[data-person-problems="3"]').innerText()).resolves.toMatch(
      /was forgotten on/,
    );
    await expectAccessible(office);
    if (SHOTS) {
      await office.screenshot({ path: `${SHOTS}/preview-1280.png`, fullPage: true });
      await office.setViewportSize(PHONE);
      await office.screenshot({ path: `${SHOTS}/preview-375.png`, fullPage: true });
      await office.setViewportSize(DESKTOP);
    }

    // Invite sends nothing and says all three by the button.
    await form().locator('button[type="submit"]').click();
    const summary = form().locator('[data-testid="form-summary"]');
    await summary.waitFor();
    const said = await summary.innerText();
    expect(said).toMatch(/3 people cannot be invited as they are, so nobody was invited/);
    for (const place of [
      'line 3, column functions',
      'line 4, column raterFunction',
      'line 5, column respondent',
    ])
      expect(said).toContain(place);
    expect(await invitationCount()).toBe(0);
    expect(pageProblems(office)).toEqual([]);
  });

  it('should flag a forgotten respondent typed by hand before sending, and invite once the id is left empty', async () => {
    await office.reload();
    await office.waitForSelector('[data-testid="campaign-panel"]');
    const person = form().locator('[data-person="0"]');
    await person.locator('[data-field="invitations[0].label"] input').fill('Regular guest Tuesday');
    await person.locator('details summary').click();
    await person.locator('[data-field="invitations[0].respondentId"] input').fill('guest-tuesday');
    await expect(person.locator('[data-person-problems="0"]').innerText()).resolves.toMatch(
      /“Regular guest Tuesday” \(respondent "guest-tuesday"\) was forgotten on/,
    );
    await person.locator('[data-field="invitations[0].respondentId"] input').fill('');
    await expect(person.getAttribute('data-refused')).resolves.toBeNull();
    await form().locator('button[type="submit"]').click();
    await office.waitForSelector('[data-testid="issued-links"]');
    expect(await invitationCount()).toBe(1);
  });

  it('should tell how many questions a guest asked about every capability gets, and offer choosing them', async () => {
    await office.reload();
    await office.waitForSelector('[data-testid="campaign-panel"]');
    const person = form().locator('[data-person="0"]');
    await expect(person.locator('[data-guest-notice]').count()).resolves.toBe(0);
    await person.locator('[data-field="invitations[0].source"] select').selectOption('CUSTOMER');
    await person.locator('label:has-text("Kitchen") input').check();
    const notice = person.locator('[data-guest-notice="0"]');
    await expect(notice.innerText()).resolves.toMatch(
      /A customer will be asked 22 questions \(11 capabilities × 2 functions\), including ones about the inside of the organisation such as Investment governance and Customer-based metrics and incentives/,
    );
    await expect(notice.innerText()).resolves.toMatch(
      /The model does not mark which capabilities a guest can see/,
    );
    await expectAccessible(office);
    if (SHOTS) {
      await person.screenshot({ path: `${SHOTS}/guest-1280.png` });
      await office.setViewportSize(PHONE);
      await person.screenshot({ path: `${SHOTS}/guest-375.png` });
      await office.locator('[data-testid="invite-raters"]').screenshot({ path: `${SHOTS}/form-375.png` });
      await office.setViewportSize(DESKTOP);
    }
    await notice.locator('button:has-text("Choose the capabilities to ask")').click();
    await expect(notice.count()).resolves.toBe(0);
    const chosen = person.locator('[data-field="invitations[0].capabilityIds"] input[type="checkbox"]');
    await expect(chosen.count()).resolves.toBe(11);
    await person.locator('label:has-text("Investment governance") input').uncheck();
    await form().locator('button[type="submit"]').click();
    await office.waitForSelector('[data-testid="issued-links"]');
    const { invitations } = await journey.graphql<{
      invitations: { source: string; capabilityIds: string[] }[];
    }>('{ invitations(assessmentId: "winter-2027") { source capabilityIds } }');
    const customer = invitations.find((invitation) => invitation.source === 'CUSTOMER');
    expect(customer?.capabilityIds).toHaveLength(10);
    expect(customer?.capabilityIds).not.toContain('investment-governance');
    expect(pageProblems(office)).toEqual([]);
  });
});
