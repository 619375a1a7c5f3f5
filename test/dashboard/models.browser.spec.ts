// The admin's model journey on a fresh store, from the sign-in page: see the levels and every
// capability's descriptors; upload a model as a JSON file whose mistake is shown next to its field
// before anything is sent; fix it and publish; the api then serves it.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  boxOverflow,
  captureScreen,
  DESKTOP,
  pageProblems,
  PHONE,
  startJourney,
  type Journey,
} from './browser-journey';

jest.setTimeout(240_000);

const bankingModel = {
  id: 'retail-banking',
  name: 'Retail banking customer focus',
  levels: [
    { value: 1, name: 'Ad hoc', description: null },
    { value: 2, name: 'Repeatable', description: null },
    { value: 3, name: 'Embedded', description: 'The same everywhere' },
  ],
  capabilities: [
    {
      id: 'complaint-handling',
      name: 'Complaint handling',
      dimension: 'Service',
      weight: 2,
      descriptors: [
        'Complaints wait for someone to notice',
        'Complaints are logged and answered',
        'Root causes are fixed',
      ],
    },
    {
      id: 'advice-quality',
      name: 'Advice quality',
      dimension: 'Products',
      weight: 1,
      // One descriptor short: the page must say so on this field before sending anything.
      descriptors: ['Product push', 'Needs asked'],
    },
  ],
};

describe('Models journey (browser)', () => {
  let journey: Journey;
  let page: Page;
  const folder = mkdtempSync(path.join(tmpdir(), 'model-upload-'));

  const publishedIds = async () =>
    (
      await journey.graphql<{ maturityModels: { id: string; version: number }[] }>(
        '{ maturityModels { id version } }',
      )
    ).maturityModels.map((model) => model.id);

  beforeAll(async () => {
    journey = await startJourney('models-browser');
    page = await journey.signIn();
    await page.goto(`${journey.api.baseUrl}/?view=models`);
    await page.waitForSelector('[data-testid="models-screen"]');
  });

  afterAll(async () => {
    await journey.stop();
  });

  it('should show the default model’s levels and every capability’s descriptors', async () => {
    const { maturityModels } = await journey.graphql<{
      maturityModels: { capabilities: { id: string; descriptors: string[] }[] }[];
    }>('{ maturityModels { capabilities { id descriptors } } }');
    const capability = maturityModels[0]!.capabilities[0]!;
    const row = page.locator(`tr[data-capability="${capability.id}"]`);
    await expect(row.locator('td').count()).resolves.toBe(capability.descriptors.length);
    await expect(row.locator('td').nth(2).innerText()).resolves.toBe(capability.descriptors[2]);
  });

  it('should check an uploaded file before sending it and show its mistake next to the field', async () => {
    const file = path.join(folder, 'retail-banking.json');
    writeFileSync(file, JSON.stringify(bankingModel, null, 2));
    await page.click('button:has-text("Publish a model")');
    await page.setInputFiles('[data-field="file"] input', file);
    const error = page.locator('[data-field-error="capabilities[1].descriptors"]');
    await expect(error.innerText()).resolves.toMatch(/one descriptor per level \(3\)/);
    await expect(page.inputValue('[data-field="capabilities[1].name"] input')).resolves.toBe(
      'Advice quality',
    );
    expect(await publishedIds()).toEqual(['customer-centricity']);
  });

  it('should publish the model once the mistake is fixed in the form', async () => {
    await page.locator('[data-capability-draft="1"] summary').click();
    await page.fill(
      '[data-field="capabilities[1].descriptors[2]"] textarea',
      'Advice follows the customer’s life',
    );
    await page.click('form[aria-label="Publish a maturity model"] button[type="submit"]');
    await page.waitForSelector(
      'form[aria-label="Publish a maturity model"] [role="status"]:has-text("Published")',
    );

    const { maturityModels } = await journey.graphql<{
      maturityModels: {
        id: string;
        version: number;
        levels: { name: string }[];
        capabilities: { id: string; weight: number; descriptors: string[] }[];
      }[];
    }>('{ maturityModels { id version levels { name } capabilities { id weight descriptors } } }');
    const published = maturityModels.find((model) => model.id === 'retail-banking');
    expect(published).toEqual({
      id: 'retail-banking',
      version: 1,
      levels: [{ name: 'Ad hoc' }, { name: 'Repeatable' }, { name: 'Embedded' }],
      capabilities: [
        { id: 'complaint-handling', weight: 2, descriptors: bankingModel.capabilities[0]!.descriptors },
        {
          id: 'advice-quality',
          weight: 1,
          descriptors: ['Product push', 'Needs asked', 'Advice follows the customer’s life'],
        },
      ],
    });
    await page.waitForSelector('[data-model="retail-banking"]');
    await captureScreen(page, 'models');
    expect(pageProblems(page)).toEqual([]);
  });

  it('should show each capability’s level descriptions as a card at phone width, without scrolling sideways', async () => {
    await page.setViewportSize(PHONE);
    const shown = page.locator('section[data-model]');
    await expect(boxOverflow(page, 'section[data-model]')).resolves.toBeLessThanOrEqual(0);
    const { maturityModels } = await journey.graphql<{
      maturityModels: { id: string; levels: { value: number; name: string }[] }[];
    }>('{ maturityModels { id levels { value name } } }');
    const modelId = await shown.getAttribute('data-model');
    const level = maturityModels.find((model) => model.id === modelId)!.levels[2]!;
    // Each description says which level it describes, the column headings out of sight.
    const cell = shown.locator('tbody tr').first().locator('td').nth(2);
    await expect(cell.getAttribute('data-label')).resolves.toBe(`${level.value} · ${level.name}`);
    const box = await cell.boundingBox();
    expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);
  });
});
