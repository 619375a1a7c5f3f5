// The auditor's and the admin's journeys on a fresh store, from the sign-in page: the history as a
// filtered, paged table with each event's data and hash; integrity verified with a clear verdict;
// the view as known at two dates side by side; a token issued only once a role is chosen and a
// label given (its secret and sign-in link shown once, copied) and revoked after confirming, after
// which the api refuses it; revoking the last admin token says so and how to recover.
import type { Page } from 'playwright-core';
import { DOMAIN_EVENT_TYPES } from '@app/domain';
import {
  captureScreen,
  DESKTOP,
  expectAccessible,
  pageProblems,
  PHONE,
  regionOverflow,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

describe('Audit and tokens journeys (browser)', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney('audit-browser');
    await journey.graphql(
      'mutation { registerOrganization(input: { id: "bank", name: "Harbour Bank" }) { id } }',
    );
    for (const functionId of ['branches', 'lending', 'cards'])
      await journey.graphql(
        'mutation($f: ID!) { addFunction(input: { organizationId: "bank", functionId: $f, name: "Function" }) { id } }'.replace(
          '"Function"',
          `"${functionId}"`,
        ),
        { f: functionId },
      );
    await journey.graphql(
      'mutation { openAssessment(input: { organizationId: "bank", assessmentId: "q1", title: "Q1", periodEnd: "2026-03-31" }) { id } }',
    );
    for (const [functionId, level] of [
      ['branches', 3],
      ['lending', 2],
      ['cards', 4],
    ] as const)
      await journey.graphql(
        'mutation($f: ID!, $l: Int!) { recordRating(input: { assessmentId: "q1", functionId: $f, capabilityId: "service-recovery", level: $l, source: SELF }) { id } }',
        { f: functionId, l: level },
      );
  });

  afterAll(async () => {
    await journey.stop();
  });

  describe('as an auditor', () => {
    let page: Page;

    beforeAll(async () => {
      page = await journey.signIn(await journey.issueToken('AUDITOR', ['bank']));
      await page.click('[data-screen="audit"]');
      await page.waitForSelector('[data-testid="audit-screen"]');
    });

    it('should page through the history and filter it by type, showing an event’s data and hash', async () => {
      // The count replaces "Loading…" once the first page has come back.
      await page.locator('[data-testid="history-count"]:has-text("events match")').waitFor();
      await expect(page.locator('[data-testid="history-count"]').innerText()).resolves.toMatch(
        /^8 events match · page 1 of 1$/,
      );
      const form = page.locator('form[aria-label="Filter the history"]');
      // A chooser of every event type the product records, not only those on this page: nothing to guess.
      const chooser = form.locator('[data-field="type"] select');
      await expect(chooser.locator('option').allInnerTexts()).resolves.toEqual([
        'Any type',
        ...[...DOMAIN_EVENT_TYPES].sort(),
      ]);
      await chooser.selectOption('RatingCorrected');
      await form.locator('button[type="submit"]').click();
      await page.waitForSelector('[data-testid="history-count"]:has-text("0 events match")');
      await chooser.selectOption('RatingRecorded');
      await form.locator('button[type="submit"]').click();
      await page.waitForSelector('[data-testid="history-count"]:has-text("3 events match")');
      await expect(page.locator('tr[data-history-event]').count()).resolves.toBe(3);
      await expect(page.locator('tr[data-history-event="RatingRecorded"]').count()).resolves.toBe(3);

      const first = page.locator('tr[data-history-event]').first();
      await first.locator('summary').click();
      const { history } = await journey.graphql<{
        history: { edges: { node: { position: number; hash: string } }[] };
      }>(
        '{ history(organizationId: "bank", filter: { types: ["RatingRecorded"] }) { edges { node { position hash } } } }',
      );
      await expect(first.locator('.history__hash code').first().innerText()).resolves.toBe(
        history.edges[0]?.node.hash,
      );
      await expect(first.locator('.history__data').innerText()).resolves.toContain(
        '"functionId": "branches"',
      );

      // Newest first: the same three, the one recorded last at the top.
      const positions = () =>
        page
          .locator('tr[data-history-event]')
          .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-position'))));
      const oldestFirst = await positions();
      await page.locator('[data-testid="history-newest-first"]').check();
      await page.waitForFunction(
        (top) =>
          document.querySelector('tr[data-history-event]')?.getAttribute('data-position') === String(top),
        Math.max(...oldestFirst),
      );
      await expect(positions()).resolves.toEqual([...oldestFirst].reverse());
      await page.locator('[data-testid="history-newest-first"]').uncheck();
      await page.waitForFunction(
        (top) =>
          document.querySelector('tr[data-history-event]')?.getAttribute('data-position') === String(top),
        Math.min(...oldestFirst),
      );
    });

    it('should verify integrity with one button and say the history is intact', async () => {
      await page.click('button:has-text("Verify integrity")');
      await page.waitForSelector('[data-testid="integrity-verdict"]');
      await expect(page.locator('[data-testid="integrity-verdict"]').getAttribute('data-ok')).resolves.toBe(
        'true',
      );
      await expect(page.locator('[data-testid="integrity-verdict"]').innerText()).resolves.toMatch(
        /Intact.*8 events checked/s,
      );
      // In the product's date words ("29 Nov 2026"), not the locale's digits.
      await expect(page.locator('.verdict__time').innerText()).resolves.toMatch(
        /^Checked \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}:\d{2} UTC$/,
      );
      const { verifyIntegrity } = await journey.graphql<{
        verifyIntegrity: { ok: boolean; checkedEvents: number };
      }>('{ verifyIntegrity(organizationId: "bank") { ok checkedEvents } }');
      expect(verifyIntegrity).toEqual({ ok: true, checkedEvents: 8 });
    });

    it('should give a fingerprint to keep, and say nothing changed when it is pasted back', async () => {
      const fingerprint = page.locator('[data-testid="integrity-fingerprint"]');
      await fingerprint.waitFor();
      const kept = await fingerprint.innerText();
      expect(kept).toMatch(/^v2:org=[a-z0-9-]+:\d+:8:[0-9a-f]{64}$/);
      await page.fill('[data-field="since"] input', kept);
      await page.click('button:has-text("Verify integrity")');
      await page.waitForSelector(
        '[data-testid="integrity-verdict"]:has-text("nothing changed up to the kept fingerprint")',
      );
      await page.fill('[data-field="since"] input', kept.replace(':8:', ':9:'));
      await page.click('button:has-text("Verify integrity")');
      await page.waitForSelector('[data-testid="integrity-verdict"][data-ok="false"]');
      await expect(page.locator('[data-testid="integrity-verdict"]').innerText()).resolves.toContain(
        '9 when the fingerprint was kept',
      );
      await page.fill('[data-field="since"] input', '');
    });

    it('should start the comparison at dates that show a difference: everything recorded today, from the start of today to the start of tomorrow', async () => {
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      await page.locator('[data-testid="known-at-difference"]').waitFor();
      await expect(page.inputValue('[data-field="knownAtFirst"] input')).resolves.toBe(day(0));
      await expect(page.inputValue('[data-field="knownAtSecond"] input')).resolves.toBe(day(1));
      // Known at a date is its start, as the api reads a bare date, and the page says the instant.
      await expect(page.locator('[data-testid="known-first-instant"]').innerText()).resolves.toMatch(
        /^Recorded by \d{1,2} [A-Z][a-z]{2,3} \d{4}, 00:00:00 UTC$/,
      );
      await expect(page.locator('[data-testid="known-at-difference"]').innerText()).resolves.toMatch(
        /^3 cells differ/,
      );
      await expect(page.locator('[data-testid="known-at-reason"]').innerText()).resolves.toMatch(
        /No rating was ever corrected/,
      );
    });

    it('should say plainly when two dates know the same, showing one view instead of an empty comparison', async () => {
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const difference = page.locator('[data-testid="known-at-difference"]');
      await page.fill('[data-field="knownAtFirst"] input', day(1));
      await page.fill('[data-field="knownAtSecond"] input', day(2));
      await page.waitForSelector(
        '[data-testid="known-at-difference"]:has-text("nothing was recorded between")',
      );
      await expect(difference.getAttribute('data-same')).resolves.toBe('true');
      await expect(page.locator('[data-heatmap="known-second"]').count()).resolves.toBe(1);
      await expect(page.locator('[data-heatmap="known-first"]').count()).resolves.toBe(0);

      // A date cleared while typing is no date yet: the screen waits for one, without an error.
      await page.fill('[data-field="knownAtFirst"] input', '');
      await page.waitForSelector('[data-testid="known-second"] h3:has-text("As known at …")');
      expect(pageProblems(page)).toEqual([]);

      await page.fill('[data-field="knownAtFirst"] input', '2020-01-01');
      await page.fill('[data-field="knownAtSecond"] input', '2020-06-01');
      await page.waitForSelector('[data-testid="known-at-difference"]:has-text("nothing had been rated")');
      await page.fill('[data-field="knownAtSecond"] input', day(1));
      await page.waitForSelector('[data-testid="known-at-difference"]:has-text("3 cells differ")');
    });

    it('should keep the views readable while they load (axe finds nothing while the heatmaps are busy)', async () => {
      // The views take a moment here, so the check runs while both heatmaps say they are busy.
      await page.route('**/graphql', async (route) => {
        if ((route.request().postData() ?? '').includes('query Maturity('))
          await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.fill('[data-field="knownAtFirst"] input', '2020-02-01');
      await page.waitForSelector('[data-heatmap="known-second"][aria-busy="true"]');
      await expectAccessible(page);
      await page.unrouteAll({ behavior: 'wait' });
      await page.waitForSelector('[data-heatmap="known-second"][aria-busy="false"]');
    });

    it('should show the view as known at two dates side by side', async () => {
      await page.fill('[data-field="knownAtFirst"] input', '2020-01-01');
      await page.waitForSelector('[data-testid="known-at-difference"]');
      await expect(page.locator('[data-testid="known-at-difference"]').innerText()).resolves.toMatch(
        /3 cells differ/,
      );
      await expect(
        page
          .locator('[data-heatmap="known-second"] [data-cell="lending:service-recovery"]')
          .getAttribute('data-level'),
      ).resolves.toBe('2.00');
      await expect(
        page
          .locator('[data-heatmap="known-first"] [data-cell="lending:service-recovery"]')
          .getAttribute('data-level'),
      ).resolves.toBe('');
      await captureScreen(page, 'audit');
      expect(pageProblems(page)).toEqual([]);
    });

    it('should mark a recorded rating whose evidence was erased, beside its data', async () => {
      await journey.graphql(
        'mutation { recordRating(input: { assessmentId: "q1", functionId: "cards", capabilityId: "customer-insight", level: 2, source: SELF, evidence: "Pasted the wrong note" }) { id } }',
      );
      await journey.graphql(
        'mutation { redactEvidence(input: { assessmentId: "q1", functionId: "cards", capabilityId: "customer-insight", source: SELF, reason: "wrong paste" }) }',
      );
      // Opening the screen again reads the history again, unfiltered.
      await page.click('[data-screen="overview"]');
      await page.click('[data-screen="audit"]');
      await page.locator('[data-testid="history-count"]:has-text("events match")').waitFor();
      const erased = page.locator('tr[data-history-event="RatingRecorded"] [data-erased="evidence"]');
      await expect(erased.count()).resolves.toBe(1);
      await expect(erased.textContent()).resolves.toContain('erased to protect personal data');
      await expectAccessible(page);
    });

    it('should show the history as one card per event at phone width, without scrolling sideways', async () => {
      await page.setViewportSize(PHONE);
      await page.locator('tr[data-history-event]').first().waitFor();
      const overflow = await regionOverflow(page, 'History events');
      expect(overflow).toBeLessThanOrEqual(0);
      // With the column headings out of sight, each cell says what it is, inside the screen.
      const recorded = page.locator('tr[data-history-event] td[data-label="Recorded (UTC)"]').first();
      await expect(
        recorded.evaluate(
          (cell: object) =>
            (
              globalThis as unknown as {
                getComputedStyle(element: object, pseudo: string): { content: string };
              }
            ).getComputedStyle(cell, '::before').content,
        ),
      ).resolves.toContain('Recorded (UTC)');
      const box = await recorded.boundingBox();
      expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      await page.setViewportSize(DESKTOP);
    });
  });

  describe('as an admin', () => {
    let page: Page;
    let secret: string;

    beforeAll(async () => {
      page = await journey.signIn();
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.api.baseUrl });
      await page.click('[data-screen="tokens"]');
      await page.waitForSelector('[data-testid="tokens-screen"]');
    });

    it('should issue nothing from the untouched form: the role is chosen and a label given first', async () => {
      const form = page.locator('form[aria-label="Issue a token"]');
      const count = async () =>
        (await journey.graphql<{ apiTokens: unknown[] }>('{ apiTokens { tokenId } }')).apiTokens.length;
      const before = await count();
      await expect(form.locator('[data-field="role"] select').inputValue()).resolves.toBe('');
      await form.locator('button[type="submit"]').click();
      // The browser refuses the form: the role's select is invalid until a role is chosen.
      await expect(form.locator('[data-field="role"] select:invalid').count()).resolves.toBe(1);

      // A role, but a blank label: the page asks for one, next to the field.
      await form.locator('[data-field="role"] select').selectOption('AUDITOR');
      await form.locator('[data-field="organization-bank"] input').check();
      await expect(form.locator('[data-field="label"] input:invalid').count()).resolves.toBe(1);
      await form.locator('[data-field="label"] input').fill('   ');
      await form.locator('button[type="submit"]').click();
      await expect(page.locator('[data-field-error="label"]').innerText()).resolves.toMatch(
        /Give the token a label/,
      );
      expect(await count()).toBe(before);
      await expect(page.locator('[data-testid="issued-token"]').count()).resolves.toBe(0);
    });

    it('should issue a token, show its secret once with a copy button and a sign-in link, and the secret works', async () => {
      const form = page.locator('form[aria-label="Issue a token"]');
      await form.locator('[data-field="role"] select').selectOption('PLANNER');
      await form.locator('[data-field="organization-bank"] input').check();
      await form.locator('[data-field="label"] input').fill('planning office');
      await form.locator('button[type="submit"]').click();
      secret = await page.locator('[data-testid="issued-secret"]').innerText();
      const clipboard = () =>
        page.evaluate(() =>
          (
            globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
          ).navigator.clipboard.readText(),
        );
      await page.click('[data-testid="issued-token"] button:has-text("Copy token")');
      await page.waitForSelector('[data-testid="issued-token"] button:has-text("Token copied")');
      await expect(clipboard()).resolves.toBe(secret);

      // The link `npm start` prints for the admin, for this token: ready to send.
      const link = `${journey.api.baseUrl}/#token=${encodeURIComponent(secret)}`;
      await expect(page.locator('[data-testid="issued-sign-in-link"]').innerText()).resolves.toBe(link);
      await page.click('[data-testid="issued-token"] button:has-text("Copy link")');
      await page.waitForSelector('[data-testid="issued-token"] button:has-text("Link copied")');
      await expect(clipboard()).resolves.toBe(link);

      const { me } = await journey.graphql<{
        me: { role: string; label: string; organizationIds: string[] };
      }>('{ me { role label organizationIds } }', {}, secret);
      expect(me).toEqual({ role: 'PLANNER', label: 'planning office', organizationIds: ['bank'] });
      await page.waitForSelector('tr[data-token]:has-text("planning office")');
      await captureScreen(page, 'tokens');
    });

    it('should keep each token’s Revoke button on screen at phone width, without scrolling sideways', async () => {
      await page.setViewportSize(PHONE);
      const buttons = page.locator('tr[data-token] button:has-text("Revoke")');
      await expect(buttons.count()).resolves.toBeGreaterThan(0);
      // Left and right edges as laid out, before any scrolling: a user must not have to find it.
      for (const button of await buttons.all()) {
        const box = await button.boundingBox();
        expect(box).not.toBeNull();
        const edges = { left: box?.x ?? -1, right: (box?.x ?? 0) + (box?.width ?? 0) };
        expect(edges.left).toBeGreaterThanOrEqual(0);
        expect(edges.right).toBeLessThanOrEqual(PHONE.width);
      }
      // Nothing hides beyond the edge of the table's region either.
      const overflow = await regionOverflow(page, 'Tokens');
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await page.setViewportSize(DESKTOP);
    });

    it('should revoke the token after confirming, and the api then refuses it', async () => {
      const row = page.locator('tr[data-token]:has-text("planning office")');
      const tokenId = await row.getAttribute('data-token');
      const { apiTokens } = await journey.graphql<{ apiTokens: { tokenId: string; label: string | null }[] }>(
        '{ apiTokens { tokenId label } }',
      );
      expect(apiTokens.find((token) => token.tokenId === tokenId)?.label).toBe('planning office');

      await row.locator('button:has-text("Revoke")').click();
      await expect(page.locator('[data-testid="confirm-dialog"]').innerText()).resolves.toMatch(
        /cannot be undone/,
      );
      await page.click('[data-testid="confirm-dialog"] button[type="submit"]');
      await page.waitForSelector(`tr[data-token="${tokenId}"][data-revoked="true"]`);
      const { apiTokens: after } = await journey.graphql<{
        apiTokens: { tokenId: string; revoked: boolean }[];
      }>('{ apiTokens { tokenId revoked } }');
      expect(after.find((token) => token.tokenId === tokenId)?.revoked).toBe(true);
      await expect(journey.graphql('{ me { role } }', {}, secret)).rejects.toThrow(/UNAUTHENTICATED/);
      expect(pageProblems(page)).toEqual([]);
    });

    it('should say plainly, before revoking your own last admin token, that it is the last and how to recover', async () => {
      const { me } = await journey.graphql<{ me: { tokenId: string } }>('{ me { tokenId } }');
      const row = page.locator(`tr[data-token="${me.tokenId}"]`);
      await row.locator('button:has-text("Revoke")').click();
      const dialog = page.locator('[data-testid="confirm-dialog"]');
      await expect(dialog.innerText()).resolves.toMatch(/you will be signed out/);
      await expect(dialog.innerText()).resolves.toMatch(/last admin token/);
      await expect(dialog.innerText()).resolves.toContain('npm run cli -- token issue --role ADMIN');
      await expect(dialog.innerText()).resolves.toMatch(/same DATA_DIR/);
      await captureScreen(page, 'tokens-revoke-last-admin');
      await dialog.locator('button:has-text("Go back")').click();
      await expect(journey.graphql('{ me { role } }')).resolves.toEqual({ me: { role: 'ADMIN' } });
    });

    it('should tell apart two organisations of one name by their ids, in the picker and the token form', async () => {
      await journey.graphql(
        'mutation { registerOrganization(input: { id: "bank-archive", name: "Harbour Bank" }) { id } }',
      );
      await page.reload();
      await page.waitForSelector('[data-testid="tokens-screen"]');
      await expect(page.locator('select[name="organization"] option').allInnerTexts()).resolves.toEqual(
        expect.arrayContaining(['Harbour Bank (bank)', 'Harbour Bank (bank-archive)']),
      );
      const form = page.locator('form[aria-label="Issue a token"]');
      await form.locator('[data-field="role"] select').selectOption('AUDITOR');
      await expect(form.locator('[data-field="organization-bank-archive"]').innerText()).resolves.toContain(
        'Harbour Bank (bank-archive)',
      );
    });
  });
});
