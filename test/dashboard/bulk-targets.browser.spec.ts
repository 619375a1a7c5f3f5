// Targets in bulk on Set-up (the demo organisation): one target for every cell after a
// confirmation that counts the cells it changes and says what happens to the functions' own
// targets; then a function's row and a capability's column. The api then holds exactly that.
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

interface TargetShape {
  capabilityId: string;
  functionId: string | null;
  level: number;
}

describe('Targets in bulk (browser)', () => {
  let journey: Journey;
  let page: Page;
  let functionIds: string[];
  let capabilityIds: string[];

  const targets = async (): Promise<TargetShape[]> =>
    (
      await journey.graphql<{ organization: { targets: TargetShape[] } }>(
        '{ organization(id: "interlodge") { targets { capabilityId functionId level } } }',
      )
    ).organization.targets;

  const form = () => page.locator('form[aria-label="Fill many targets"]');

  async function fill(level: string, confirm: (asked: string) => void, screenshot?: string) {
    await form().locator('[data-field="level"] select').selectOption(level);
    await form().locator('button[type="submit"]').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    confirm(await dialog.innerText());
    if (screenshot) await dialog.screenshot({ path: path.join(phoneScreenshots, screenshot) });
    await dialog.locator('button[type="submit"]').click();
    await form().locator('[role="status"]:has-text("Saved.")').waitFor();
  }

  beforeAll(async () => {
    journey = await startJourney('bulk-targets-browser');
    await journey.graphql('mutation { loadDemo { recordedEvents } }');
    const { organization, maturityModels } = await journey.graphql<{
      organization: { functions: { id: string }[] };
      maturityModels: { capabilities: { id: string }[] }[];
    }>('{ organization(id: "interlodge") { functions { id } } maturityModels { capabilities { id } } }');
    functionIds = organization.functions.map((candidate) => candidate.id);
    capabilityIds = maturityModels[0]!.capabilities.map((capability) => capability.id);
    page = await journey.signIn();
    await page.goto(`${journey.api.baseUrl}/?org=interlodge&view=setup`);
    await page.waitForSelector('[data-testid="targets-panel"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should set one target for every cell after saying how many cells change and that overrides are replaced', async () => {
    const before = await targets();
    const overrides = before.filter((target) => target.functionId !== null).length;
    expect(overrides).toBeGreaterThan(0);
    await form().locator('[data-field="replaceOverrides"] input').check();
    await fill(
      '3',
      (asked) => {
        expect(asked).toContain('Set target 3 on every cell?');
        expect(asked).toMatch(
          new RegExp(`This changes \\d+ cells? of ${functionIds.length * capabilityIds.length}`),
        );
        expect(asked).toContain(`${overrides} cells have their function's own target: replaced by 3.`);
      },
      'set-up-fill-targets-confirm.png',
    );
    // Every override went: one target per capability, 3 for every function.
    const after = await targets();
    expect(after.filter((target) => target.functionId !== null)).toEqual([]);
    expect(after.map((target) => [target.capabilityId, target.level]).sort()).toEqual(
      capabilityIds.map((capabilityId) => [capabilityId, 3]).sort(),
    );
    await expect(
      page
        .locator('[data-testid="targets-panel"] .heatmap [aria-label$=": target 3, all functions"]')
        .count(),
    ).resolves.toBe(functionIds.length * capabilityIds.length);
  });

  it("should fill a function's row and a capability's column", async () => {
    const [firstFunction] = functionIds;
    await form().locator('[data-field="scope"] select').selectOption('function');
    await form().locator('[data-field="functionId"] select').selectOption(firstFunction!);
    await fill('4', (asked) => {
      expect(asked).toContain(`This changes ${capabilityIds.length} cells of ${capabilityIds.length}`);
      expect(asked).toContain('No function has its own target here.');
    });
    await form().locator('[data-field="scope"] select').selectOption('capability');
    await form().locator('[data-field="replaceOverrides"] input').uncheck();
    await form().locator('[data-field="capabilityId"] select').selectOption('service-recovery');
    await fill('5', (asked) => {
      // The row's override on this capability stays, unless replaced.
      expect(asked).toContain(`This changes ${functionIds.length - 1} cells of ${functionIds.length}`);
      expect(asked).toContain("1 cell has its function's own target: kept");
    });
    const after = await targets();
    expect(after.filter((target) => target.functionId === firstFunction)).toHaveLength(capabilityIds.length);
    expect(after).toContainEqual({ capabilityId: 'service-recovery', functionId: null, level: 5 });
    expect(after).toContainEqual({ capabilityId: 'service-recovery', functionId: firstFunction, level: 4 });
    await page.evaluate(() => {
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0);
    });
    await captureScreen(page, 'set-up-fill-targets');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should keep the fill form within a phone screen, every control within reach', async () => {
    await page.setViewportSize(PHONE);
    const panel = '[data-testid="targets-panel"]';
    await expect(boxOverflow(page, panel)).resolves.toBeLessThanOrEqual(0);
    await expect(
      smallOrOffScreenControls(page, `${panel} .target-fill :is(.field, .form__actions)`),
    ).resolves.toEqual([]);
    // The checkbox is reached through its whole label, which takes a fingertip.
    const label = await page
      .locator(`${panel} .target-fill [data-field="replaceOverrides"] label`)
      .boundingBox();
    expect(label?.height).toBeGreaterThanOrEqual(44);
    await page
      .locator(`${panel} .target-fill`)
      .screenshot({ path: path.join(phoneScreenshots, 'set-up-fill-targets-form-phone.png') });
    await page.setViewportSize(DESKTOP);
  });
});
