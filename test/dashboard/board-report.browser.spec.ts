// The board report of a small organisation after a real campaign, in real Chromium against the real
// api: what makes a number weak is on the page (raters who disagree, marked as on the heatmap; the
// cycle's response; levels resting on a single rating), its figures are the api's, and with seven
// planned investments, each with a warning, four deployed and a recommended portfolio it still
// prints on one A4 page (counted in the PDF).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { captureScreen, pageProblems, printToPdf, startJourney, type Journey } from './browser-journey';

jest.setTimeout(300_000);

const ORGANIZATION = 'harbour-cafe';
const ASSESSMENT = 'autumn-review';

interface Cell {
  functionId: string;
  capabilityId: string;
  level: number | null;
  target: number | null;
  ratingCount: number;
  agreement: number | null;
}

interface Progress {
  invited: number;
  started: number;
  completed: number;
  finished: number;
  answered: number;
  notSure: number;
  expected: number;
}

/** Who is invited, what they rate, and the level of each answer (null: not answered). */
interface Rater {
  respondentId: string;
  source: 'SELF' | 'PEER' | 'CUSTOMER' | 'AUDIT';
  raterFunctionId?: string;
  functionIds: string[];
  level: (capabilityIndex: number, functionId: string) => number | null;
}

const RATERS: Rater[] = [
  // The floor's own raters: one says 4, the other 1, except on one capability (they disagree).
  {
    respondentId: 'floor-lead-a',
    source: 'SELF',
    functionIds: ['floor-service'],
    level: (c) => (c === 6 ? 3 : 4),
  },
  {
    respondentId: 'floor-lead-b',
    source: 'SELF',
    functionIds: ['floor-service'],
    level: (c) => (c === 6 ? 3 : 1),
  },
  { respondentId: 'chef-a', source: 'SELF', functionIds: ['kitchen'], level: () => 2 },
  { respondentId: 'chef-b', source: 'SELF', functionIds: ['kitchen'], level: (c) => (c < 2 ? 3 : 2) },
  // The bartender answers eight questions and is not sure of the rest; the supplier never answers.
  { respondentId: 'bartender', source: 'SELF', functionIds: ['bar'], level: (c) => (c < 8 ? 3 : null) },
  { respondentId: 'supplier', source: 'SELF', functionIds: ['fish-supplier'], level: () => null },
  // One auditor is all the fish supplier's ratings rest on.
  {
    respondentId: 'auditor',
    source: 'AUDIT',
    functionIds: ['fish-supplier'],
    level: (c) => (c % 4 === 0 ? 3 : 2),
  },
  {
    respondentId: 'guest',
    source: 'CUSTOMER',
    functionIds: ['floor-service', 'bar'],
    level: (c, functionId) => (functionId === 'bar' ? 2 : 3),
  },
  {
    respondentId: 'waiter',
    source: 'PEER',
    raterFunctionId: 'floor-service',
    functionIds: ['kitchen'],
    level: () => 2,
  },
  {
    respondentId: 'barista',
    source: 'PEER',
    raterFunctionId: 'bar',
    functionIds: ['floor-service'],
    level: () => 3,
  },
];

const INVESTMENTS = [
  ['waiter-training', 'Waiter service-recovery training', 8000, 'floor-service'],
  ['kitchen-display', 'Kitchen display system', 25000, 'floor-service'],
  ['supplier-contract', 'Supplier quality contract', 12000, 'floor-service'],
  ['upsell-bonus', 'Floor upsell bonus', 5000, 'floor-service'],
  ['bar-menu', 'Bar menu refresh', 3000, 'floor-service'],
  ['guest-survey', 'Guest feedback cards at every table', 900, 'floor-service'],
  ['double-click', 'Double-click test', 100, 'floor-service'],
] as const;

describe('Board report of a small organisation after a campaign (browser)', () => {
  let journey: Journey;
  let page: Page;
  let scratch: string;
  let capabilities: { id: string; name: string }[];

  beforeAll(async () => {
    journey = await startJourney('board-report-browser');
    scratch = mkdtempSync(path.join(tmpdir(), 'board-report-browser-'));
    await journey.graphql(
      'mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }',
      {
        i: { id: ORGANIZATION, name: 'Harbour Café & Bistro' },
      },
    );
    for (const [functionId, name, customerFacing, partner] of [
      ['floor-service', 'Floor service', true, false],
      ['kitchen', 'Kitchen', false, false],
      ['bar', 'Bar', false, false],
      ['fish-supplier', 'Fish supplier', false, true],
    ] as const)
      await journey.graphql('mutation($i: AddFunctionInput!) { addFunction(input: $i) { id } }', {
        i: { organizationId: ORGANIZATION, functionId, name, customerFacing, partner },
      });
    for (const [from, to, weight] of [
      ['floor-service', 'kitchen', 1],
      ['floor-service', 'bar', 2],
      ['kitchen', 'fish-supplier', 1],
    ] as const)
      await journey.graphql('mutation($i: LinkFunctionsInput!) { linkFunctions(input: $i) { id } }', {
        i: { organizationId: ORGANIZATION, from, to, weight },
      });
    const { maturityModels } = await journey.graphql<{
      maturityModels: { capabilities: { id: string; name: string }[] }[];
    }>('{ maturityModels { capabilities { id name } } }');
    capabilities = maturityModels[0]?.capabilities ?? [];
    await journey.graphql('mutation($i: SetTargetsInput!) { setTargets(input: $i) { id } }', {
      i: {
        organizationId: ORGANIZATION,
        targets: capabilities.map((capability) => ({ capabilityId: capability.id, level: 3 })),
      },
    });
    await journey.graphql('mutation($i: OpenAssessmentInput!) { openAssessment(input: $i) { id } }', {
      i: {
        organizationId: ORGANIZATION,
        assessmentId: ASSESSMENT,
        title: 'Spring 2026 guest review',
        periodEnd: '2026-03-31',
      },
    });
    const { inviteRaters } = await journey.graphql<{
      inviteRaters: { token: string; invitation: { respondentId: string } }[];
    }>('mutation($i: InviteRatersInput!) { inviteRaters(input: $i) { token invitation { respondentId } } }', {
      i: {
        assessmentId: ASSESSMENT,
        invitations: RATERS.map(({ respondentId, source, raterFunctionId, functionIds }) => ({
          respondentId,
          source,
          raterFunctionId: raterFunctionId ?? null,
          functionIds,
        })),
      },
    });
    // Their answers, recorded under their respondent as the links would record them.
    const ratings = RATERS.flatMap((rater) =>
      rater.functionIds.flatMap((functionId) =>
        capabilities.flatMap((capability, index) => {
          const level = rater.level(index, functionId);
          return level === null
            ? []
            : [
                {
                  functionId,
                  capabilityId: capability.id,
                  level,
                  source: rater.source,
                  raterFunctionId: rater.raterFunctionId ?? null,
                  respondentId: rater.respondentId,
                },
              ];
        }),
      ),
    );
    await journey.graphql('mutation($i: RecordRatingsInput!) { recordRatings(input: $i) { id } }', {
      i: { assessmentId: ASSESSMENT, ratings },
    });
    const bartender = inviteRaters.find(({ invitation }) => invitation.respondentId === 'bartender');
    for (const capability of capabilities.slice(8))
      await journey.graphql(
        'mutation($i: SetQuestionAsideInput!) { setQuestionAside(input: $i) { answered } }',
        { i: { functionId: 'bar', capabilityId: capability.id } },
        bartender?.token,
      );
    await journey.graphql('mutation($a: ID!) { closeAssessment(assessmentId: $a) { id } }', {
      a: ASSESSMENT,
    });
    const plan = (investmentId: string, name: string, cost: number, effects: Record<string, unknown>[]) =>
      journey.graphql('mutation($i: PlanInvestmentInput!) { planInvestment(input: $i) { id } }', {
        i: {
          organizationId: ORGANIZATION,
          investmentId,
          name,
          kind: 'OPERATIONAL',
          cost,
          lagMonths: 3,
          effects,
        },
      });
    for (const [investmentId, name, cost, functionId] of INVESTMENTS)
      await plan(
        investmentId,
        name,
        cost,
        capabilities
          .slice(0, 4)
          .map((capability) => ({ functionId, capabilityId: capability.id, low: 0.5, likely: 1, high: 1.5 })),
      );
    // Four deployed after the cycle (the most the printed page lists), waiting for the cycle after their lag to measure them.
    for (const [investmentId, name] of [
      ['menu-cards', 'New menu cards'],
      ['booking-system', 'Online table booking'],
      ['terrace-heaters', 'Terrace heaters for the winter season'],
      ['staff-app', 'Rota app with shift swaps'],
    ] as const) {
      await plan(investmentId, name, 4000, [
        { functionId: 'bar', capabilityId: capabilities[0]?.id, low: 0.1, likely: 0.2, high: 0.3 },
      ]);
      await journey.graphql('mutation($i: ID!) { approveInvestment(investmentId: $i) { id } }', {
        i: investmentId,
      });
      await journey.graphql(
        'mutation($i: ID!, $d: DateTime!) { deployInvestment(investmentId: $i, deployedAt: $d) { id } }',
        { i: investmentId, d: '2026-04-01' },
      );
    }
    // The planners' recommended portfolio is on the page too.
    await journey.graphql('mutation($i: SaveScenarioInput!) { saveScenario(input: $i) { id } }', {
      i: {
        organizationId: ORGANIZATION,
        scenarioId: 'best-for-20k',
        name: 'Best for 20k',
        investmentIds: ['supplier-contract', 'bar-menu'],
      },
    });
    await journey.graphql(
      'mutation($o: ID!, $s: ID) { chooseScenarioForBoard(organizationId: $o, scenarioId: $s) { id } }',
      { o: ORGANIZATION, s: 'best-for-20k' },
    );
    page = await journey.signIn();
    await page.goto(`${journey.api.baseUrl}/?view=reports&org=${ORGANIZATION}`);
    await page.waitForSelector('[data-testid="board-report"] [data-investment="double-click"]');
    await page.waitForSelector('[data-testid="board-scenario"] dl');
    await page.waitForSelector('[data-testid="board-delivered"] [data-delivered]');
  });

  afterAll(async () => {
    await journey.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const report = () => page.locator('[data-testid="board-report"]');

  it('should mark the cells and the function whose raters disagree, with the heatmap’s rule and mark', async () => {
    const { maturity } = await journey.graphql<{
      maturity: { cells: Cell[]; functionScores: { functionId: string; agreement: number | null }[] };
    }>(
      `{ maturity(organizationId: "${ORGANIZATION}") { cells { functionId capabilityId level target ratingCount agreement } functionScores { functionId agreement } } }`,
    );
    const disagreeing = maturity.cells
      .filter((cell) => cell.agreement !== null && cell.agreement < 0.7)
      .map((cell) => `${cell.functionId}:${cell.capabilityId}`)
      .sort();
    // The floor's two raters: every capability but the one they rate alike.
    expect(disagreeing).toHaveLength(capabilities.length - 1);
    const marked = await report()
      .locator('.board-heatmap td[data-disagree]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-cell')));
    expect(marked.sort()).toEqual(disagreeing);
    for (const text of await report().locator('.board-heatmap td[data-disagree]').allInnerTexts())
      expect(text).toContain('≠');
    const floor = await report()
      .locator('.board-heatmap tbody tr:has(th:has-text("Floor service")) th')
      .innerText();
    expect(floor).toMatch(/≠[\s\S]*agreement 0\.00/);
    const printed = await report().innerText();
    expect(printed).toContain(
      `≠ raters within a group disagree (within-group agreement below 0.7): ${disagreeing.length} of ${maturity.cells.length} cells; over all capabilities, Floor service 0.00.`,
    );
  });

  it('should mark each level that rests on a single rating', async () => {
    const { maturity } = await journey.graphql<{ maturity: { cells: Cell[] } }>(
      `{ maturity(organizationId: "${ORGANIZATION}") { cells { functionId capabilityId ratingCount } } }`,
    );
    const single = maturity.cells
      .filter((cell) => cell.ratingCount === 1)
      .map((cell) => `${cell.functionId}:${cell.capabilityId}`)
      .sort();
    // The auditor's eleven fish-supplier cells and the three bar cells only the guest rated.
    expect(single).toHaveLength(capabilities.length + 3);
    const marked = await report()
      .locator('.board-heatmap td[data-single-rating]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-cell')));
    expect(marked.sort()).toEqual(single);
    expect(await report().innerText()).toContain(
      `¹ single rating: the level rests on one rating alone: ${single.length} of ${maturity.cells.length} cells.`,
    );
  });

  it('should say how many of the invited raters answered the cycle, as the api counts them', async () => {
    const { campaignProgress } = await journey.graphql<{ campaignProgress: Progress }>(
      `{ campaignProgress(assessmentId: "${ASSESSMENT}") { invited started completed finished answered notSure expected } }`,
    );
    expect(campaignProgress.invited).toBe(RATERS.length);
    expect(campaignProgress.answered).toBeLessThan(campaignProgress.expected);
    // The bartender set three questions aside: finished, though not every question is answered.
    expect(campaignProgress.notSure).toBe(3);
    expect(campaignProgress.finished).toBe(campaignProgress.completed + 1);
    const response = await report().locator('[data-testid="board-response"]').innerText();
    const share = Math.round((campaignProgress.answered / campaignProgress.expected) * 100);
    expect(response.replace(/\s+/g, ' ')).toBe(
      `${campaignProgress.answered} of ${campaignProgress.expected} answers (${share}%), 3 not sure · ${campaignProgress.finished} of ${campaignProgress.invited} raters finished, ${campaignProgress.invited - campaignProgress.started} gave no answer`,
    );
  });

  it('should print on one A4 page with seven planned investments, the rest summed up, and the api’s figures', async () => {
    await page.emulateMedia({ media: 'print' });
    const { pages, text } = await printToPdf(page, path.join(scratch, 'board-report.pdf'));
    expect(pages).toBe(1);
    const printed = (text[0] ?? '').replace(/\s+/g, ' ');
    const { maturity, investments } = await journey.graphql<{
      maturity: {
        customerCentricityIndex: number;
        alignmentIndex: number;
        targetAttainment: number;
        cells: Cell[];
      };
      investments: { id: string; name: string; cost: number; status: string }[];
    }>(
      `{ maturity(organizationId: "${ORGANIZATION}") { customerCentricityIndex alignmentIndex targetAttainment cells { functionId capabilityId level target } } investments(organizationId: "${ORGANIZATION}") { id name cost status } }`,
    );
    for (const name of [
      'New menu cards',
      'Online table booking',
      'Terrace heaters for the winter season',
      'Rota app with shift swaps',
    ])
      expect(printed).toContain(name);
    const planned = investments.filter((investment) => investment.status === 'PLANNED');
    for (const value of [
      maturity.customerCentricityIndex,
      maturity.alignmentIndex,
      maturity.targetAttainment,
    ])
      expect(printed).toContain(value.toFixed(1));
    // The three costliest are listed on paper; the others are counted with their total cost.
    const listed = await page
      .locator('[data-testid="board-report"] .board-report__investments [data-investment]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-investment')));
    const onPaper = await page
      .locator('[data-testid="board-report"] .board-report__investments [data-investment]:visible')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-investment')));
    const byCost = [...planned].sort((left, right) => right.cost - left.cost);
    expect(listed).toEqual(byCost.map((investment) => investment.id));
    expect(onPaper).toEqual(byCost.slice(0, 3).map((investment) => investment.id));
    for (const investment of byCost.slice(0, 3)) expect(printed).toContain(`${investment.name} · planned`);
    const rest = byCost.slice(3);
    const total = (list: typeof planned) =>
      new Intl.NumberFormat('en-GB').format(list.reduce((sum, investment) => sum + investment.cost, 0));
    expect(printed).toContain(
      `and ${rest.length} more planned, ${total(rest)} together (all ${planned.length}: ${total(planned)}), on the Planning screen; ${rest.length} of them with a warning.`,
    );
    expect(printed).toContain('≠');
    expect(printed).toContain('¹');
    // Every cell's level as the api has it, to one decimal.
    const levels = await page
      .locator('[data-testid="board-report"] .board-heatmap td[data-cell]')
      .evaluateAll((cells) =>
        cells.map((cell) => [cell.getAttribute('data-cell'), cell.getAttribute('data-level')]),
      );
    expect(Object.fromEntries(levels)).toEqual(
      Object.fromEntries(
        maturity.cells.map((cell) => [
          `${cell.functionId}:${cell.capabilityId}`,
          cell.level?.toFixed(1) ?? '',
        ]),
      ),
    );
    await page.emulateMedia({ media: 'screen' });
    await captureScreen(page, 'board-report');
    expect(pageProblems(page)).toEqual([]);
  });
});
