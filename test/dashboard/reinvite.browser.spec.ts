// Inviting again in real Chromium: an assessor who lost the links loads the same people file again
// and presses Invite. The page says, by the button and with the focus there, that every one of them
// already has a working link and how to fix it, sending nothing; a refusal of a field folded away
// (a respondent id) opens its section. "New link…" then gives one person a new link in one step:
// the old link stops, the new one is shown once and works, and the revoked one is folded away; a
// refused new link is said above the table, not in the row's narrow cell. "New links for all N
// people" replaces every working link in one confirmed call and offers the links CSV.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { captureScreen, expectAccessible, pageProblems, startJourney, type Journey } from './browser-journey';

jest.setTimeout(300_000);

interface InvitationShape {
  id: string;
  respondentId: string;
  label: string | null;
  source: string;
  functionIds: string[];
  status: string;
}

const PEOPLE = [
  'label,source,raterFunction,functions,respondent',
  'Ana,SELF,,reception,r-ana',
  'Ben,SELF,,nursing,r-ben',
  'Cleo,CUSTOMER,,reception;nursing,r-cleo',
  '',
].join('\n');

function peopleFile(content: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(content) };
}

/** Whether the element has the focus (the test files compile without the DOM types). */
const hasFocus = (locator: Locator): Promise<boolean> =>
  locator.evaluate(
    (element) =>
      element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );

describe('Inviting again (browser)', () => {
  let journey: Journey;
  let office: Page;
  const links = new Map<string, string>();

  const invitations = async (): Promise<InvitationShape[]> =>
    (
      await journey.graphql<{ invitations: InvitationShape[] }>(
        '{ invitations(assessmentId: "q3-pulse") { id respondentId label source functionIds status } }',
      )
    ).invitations;
  const form = () => office.locator('form[aria-label="Invite raters"]');
  const questionnaire = (link: string) =>
    fetch(`${journey.api.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${decodeURIComponent(link.split('#token=')[1] ?? '')}`,
      },
      body: JSON.stringify({ query: '{ questionnaire { invitationId } }' }),
    }).then(
      (response) =>
        response.json() as Promise<{
          data?: { questionnaire: { invitationId: string } } | null;
          errors?: { extensions?: { code?: string } }[];
        }>,
    );

  async function loadPeople(content: string, count: number): Promise<void> {
    await office.setInputFiles('#people-file', peopleFile(content));
    await office.waitForSelector(`text=${count} people from people.csv`);
  }

  beforeAll(async () => {
    journey = await startJourney('reinvite-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "clinic", name: "Seaview Clinic" }) { id } }',
    );
    for (const [functionId, name] of [
      ['reception', 'Reception'],
      ['nursing', 'Nursing'],
    ] as const)
      await journey.graphql(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "clinic", functionId: $f, name: $n, customerFacing: true }) { id } }',
        { f: functionId, n: name },
      );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "clinic", assessmentId: "q3-pulse", title: "2027 Q3 pulse", periodEnd: "2027-09-30" }) { id } }',
    );
    office = await journey.signIn(await journey.issueToken('ASSESSOR', ['clinic']));
    await office.click('[data-screen="assessments"]');
    await office.waitForSelector('[data-testid="campaign-panel"]');
    await loadPeople(PEOPLE, 3);
    await form().locator('button[type="submit"]').click();
    await office.waitForSelector('[data-issued-link="r-cleo"]');
    for (const respondent of ['r-ana', 'r-ben', 'r-cleo'])
      links.set(respondent, await office.locator(`[data-issued-link="${respondent}"] input`).inputValue());
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should name everyone who already has a working link, by the Invite button, and send nothing', async () => {
    await office.waitForSelector('[data-respondent="r-cleo"]');
    await loadPeople(PEOPLE, 3);
    const button = form().locator('button[type="submit"]');
    await button.click();

    const summary = form().locator('[data-testid="form-summary"]');
    await summary.waitFor();
    const said = await summary.innerText();
    expect(said).toMatch(/3 people already have a working link/);
    for (const who of ['Ana (person 1, line 2 of the file)', 'Ben (person 2', 'Cleo (person 3'])
      expect(said).toContain(who);
    expect(said).toContain('New link… in the Raters table above');
    await expect(summary.locator('[role="alert"]').count()).resolves.toBe(1);
    // The focus is on the summary, which sits right above the button, on the screen.
    await expect(hasFocus(summary)).resolves.toBe(true);
    const [summaryBox, buttonBox] = await Promise.all([summary.boundingBox(), button.boundingBox()]);
    if (summaryBox === null || buttonBox === null) throw new Error('the summary or the button is not shown');
    expect(buttonBox.y - (summaryBox.y + summaryBox.height)).toBeLessThan(40);
    expect(summaryBox.y).toBeGreaterThanOrEqual(0);
    // Within a pixel: scrolling the focused summary into view may leave a fraction of one below.
    expect(summaryBox.y + summaryBox.height).toBeLessThanOrEqual((office.viewportSize()?.height ?? 0) + 1);
    expect((await invitations()).map((invitation) => invitation.status)).toEqual([
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
    ]);
    await captureScreen(office, 'campaign-invite-again-refused');
  });

  it('should open the folded respondent id the api refused, and say the refusal by the button too', async () => {
    await loadPeople(
      'label,source,raterFunction,functions,respondent\nDana,SELF,,reception,Dana Smith\nEd,SELF,,nursing,r-ed\n',
      2,
    );
    await form().locator('button[type="submit"]').click();
    const fieldError = form().locator('[data-field-error="invitations[0].respondentId"]');
    await fieldError.waitFor();
    await expect(fieldError.isVisible()).resolves.toBe(true);
    await expect(form().locator('[data-person="0"] details').getAttribute('open')).resolves.not.toBeNull();
    const summary = form().locator('[data-testid="form-summary"]');
    await expect(summary.innerText()).resolves.toMatch(/Person 1: Respondent id must be lower-case/);
    await expect(hasFocus(summary)).resolves.toBe(true);
    expect(await invitations()).toHaveLength(3);
    await expectAccessible(office);
    expect(pageProblems(office)).toEqual([]);
  });

  it('should give one person a new link in one step: the old link stops, the new one is shown once and works', async () => {
    const before = await invitations();
    const ana = before.find((invitation) => invitation.respondentId === 'r-ana');
    expect((await questionnaire(links.get('r-ana') ?? '')).errors).toBeUndefined();

    await office.click('[data-testid="issued-links"] button:has-text("Done")');
    await office.click('button[aria-label="New link for Ana"]');
    const dialog = office.locator('[data-testid="confirm-dialog"]');
    await expect(dialog.innerText()).resolves.toMatch(/The link they have now stops working at once/);
    await captureScreen(office, 'campaign-new-link-confirm');
    await dialog.locator('button[type="submit"]').click();

    const issued = office.locator('[data-testid="issued-links"] [data-issued-link]');
    await issued.first().waitFor();
    await expect(issued.count()).resolves.toBe(1);
    await expect(issued.getAttribute('data-issued-link')).resolves.toBe('r-ana');
    await expect(issued.locator('button:has-text("Copy")').count()).resolves.toBe(1);
    const newLink = await issued.locator('input').inputValue();
    expect(newLink).not.toBe(links.get('r-ana'));

    expect((await questionnaire(links.get('r-ana') ?? '')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const working = await questionnaire(newLink);
    expect(working.errors).toBeUndefined();
    const after = await invitations();
    expect(after).toHaveLength(4);
    expect(after.find((invitation) => invitation.id === ana?.id)?.status).toBe('REVOKED');
    expect(after.find((invitation) => invitation.id === working.data?.questionnaire.invitationId)).toEqual({
      ...ana,
      id: working.data?.questionnaire.invitationId,
      status: 'ACTIVE',
    });
    await captureScreen(office, 'campaign-new-link');
    // The revoked link is history: folded away until asked for.
    const revokedRow = office.locator(`[data-invitation="${ana?.id ?? ''}"]`);
    const toggle = office.locator('button:has-text("Show 1 revoked link")');
    await toggle.waitFor();
    await expect(revokedRow.count()).resolves.toBe(0);
    await expect(office.locator('[data-testid="campaign-panel"] tbody tr').count()).resolves.toBe(3);
    await toggle.click();
    await revokedRow.locator('[data-status="REVOKED"]').waitFor();
    await expect(
      office.locator('button:has-text("Hide 1 revoked link")').getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    expect(pageProblems(office)).toEqual([]);
  });

  it('should say a refused new link above the table, where it can be read, not in the row', async () => {
    const ben = (await invitations()).find(
      (invitation) => invitation.respondentId === 'r-ben' && invitation.status === 'ACTIVE',
    );
    // Revoked elsewhere (another tab, the api) while this page still shows the link as working.
    await journey.graphql('mutation($id: ID!) { revokeInvitation(invitationId: $id) { id } }', {
      id: ben?.id,
    });
    await office.click('button[aria-label="New link for Ben"]');
    await office.click('[data-testid="confirm-dialog"] button[type="submit"]');
    const refusal = office.locator(
      '[data-testid="campaign-panel"] [role="alert"]:has-text("Could not give Ben a new link")',
    );
    await refusal.waitFor();
    await expect(office.locator('[data-testid="campaign-panel"] td [role="alert"]').count()).resolves.toBe(0);
    const [refusalBox, tableBox] = await Promise.all([
      refusal.boundingBox(),
      office.locator('[data-testid="campaign-panel"] table').boundingBox(),
    ]);
    expect(refusalBox?.width ?? 0).toBeGreaterThan((tableBox?.width ?? 0) * 0.8);
    expect(await refusal.innerText()).toMatch(/clashes with what is already recorded/);
    expect(pageProblems(office)).toEqual([]);
  });

  it('should give everyone with a working link a new one in one confirmed step, and offer the links file', async () => {
    // A fresh visit: the tab stays signed in, the forms and folded rows start over.
    await office.reload();
    await office.waitForSelector('[data-testid="campaign-panel"]');
    const working = (await invitations()).filter((invitation) => invitation.status === 'ACTIVE');
    expect(working.map((invitation) => invitation.respondentId)).toEqual(['r-cleo', 'r-ana']);
    const button = office.locator('[data-testid="new-links-for-all"]');
    await office.waitForSelector('[data-testid="new-links-for-all"]:has-text("New links for all 2 people")');
    await button.click();
    const dialog = office.locator('[data-testid="confirm-dialog"]');
    await expect(dialog.locator('h2').innerText()).resolves.toBe('Give all 2 people new links?');
    await expect(dialog.innerText()).resolves.toMatch(/The links they have now stop working at once/);
    await dialog.locator('button:has-text("Go back")').click();
    expect((await invitations()).filter((invitation) => invitation.status === 'ACTIVE')).toEqual(working);

    await button.click();
    await dialog.locator('button[type="submit"]:has-text("Give 2 new links")').click();
    const issued = office.locator('[data-testid="issued-links"] [data-issued-link]');
    await office.waitForSelector('[data-testid="issued-links"] h4:has-text("2 links")');
    const newLinks = new Map<string, string>();
    for (const respondent of ['r-cleo', 'r-ana'])
      newLinks.set(respondent, await office.locator(`[data-issued-link="${respondent}"] input`).inputValue());
    await expect(issued.count()).resolves.toBe(2);
    await captureScreen(office, 'campaign-new-links-for-all');

    const after = await invitations();
    expect(after.filter((invitation) => invitation.status === 'ACTIVE')).toHaveLength(2);
    for (const old of working)
      expect(after.find((invitation) => invitation.id === old.id)?.status).toBe('REVOKED');
    for (const [respondent, link] of newLinks) {
      expect((await questionnaire(link)).errors).toBeUndefined();
      expect(link).not.toBe(links.get(respondent));
    }

    // The links file, as after inviting: one row a person, with the new link.
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.click('[data-testid="issued-links"] button:has-text("Download links (CSV)")'),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    for (const [respondent, link] of newLinks) {
      expect(csv).toContain(respondent);
      expect(csv).toContain(link);
    }
    expect(pageProblems(office)).toEqual([]);
  });
});
