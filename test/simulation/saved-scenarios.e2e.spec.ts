// saveScenario, deleteScenario and scenarios over HTTP: planners keep named scenarios as events
// every device sees; a repeat with the same commandId is answered, not written again; bad input
// names its field and writes nothing; an assessor may read them but not save one; the
// comparison downloads as a workbook or CSV with each scenario simulated, typed as numbers.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const organizationId = 'e2e-scenario-hotel';
const otherOrganizationId = 'e2e-scenario-other';

const SAVE =
  'mutation($input: SaveScenarioInput!) { saveScenario(input: $input) { id organizationId name investmentIds horizonMonths budget alpha savedAt } }';
const LIST =
  'query($o: ID!) { scenarios(organizationId: $o) { id name investmentIds horizonMonths budget alpha } }';

interface Listed {
  id: string;
  name: string;
  investmentIds: string[];
  horizonMonths: number;
  budget: number | null;
  alpha: number | null;
}

describe('Saved scenarios (e2e)', () => {
  let api: TestApi;

  const list = async (): Promise<Listed[]> =>
    (await api.mustQuery<{ scenarios: Listed[] }>(LIST, { o: organizationId })).scenarios;
  const eventCount = async (): Promise<number> =>
    (
      await api.mustQuery<{ history: { edges: unknown[] } }>(
        'query($o: ID!) { history(organizationId: $o, first: 500) { edges { cursor } } }',
        { o: organizationId },
      )
    ).history.edges.length;

  beforeAll(async () => {
    api = await startTestApi();
    for (const id of [organizationId, otherOrganizationId]) {
      await api.mustQuery(
        'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
        {
          input: { id, name: id },
        },
      );
      await api.mustQuery('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
        input: { organizationId: id, functionId: 'front', name: 'Front', customerFacing: true },
      });
    }
    // Rated and linked, so that CCI and alignment have values to spread.
    await api.mustQuery('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
      input: { organizationId, functionId: 'back', name: 'Back', customerFacing: false },
    });
    await api.mustQuery('mutation($input: LinkFunctionsInput!) { linkFunctions(input: $input) { id } }', {
      input: { organizationId, from: 'front', to: 'back', weight: 1 },
    });
    await api.mustQuery('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
      input: { organizationId, assessmentId: 'e2e-scenario-q1', title: 'Q1', periodEnd: '2025-03-31' },
    });
    for (const [functionId, level] of [
      ['front', 2],
      ['back', 3],
    ] as const)
      await api.mustQuery('mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }', {
        input: {
          assessmentId: 'e2e-scenario-q1',
          functionId,
          capabilityId: 'service-recovery',
          level,
          source: 'SELF',
        },
      });
    for (const [investmentId, organization] of [
      ['e2e-huddles', organizationId],
      ['e2e-training', organizationId],
      ['e2e-elsewhere', otherOrganizationId],
    ] as const) {
      await api.mustQuery('mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }', {
        input: {
          organizationId: organization,
          investmentId,
          name: investmentId,
          kind: 'OPERATIONAL',
          cost: 10_000,
          lagMonths: 0,
          effects: [{ functionId: 'front', capabilityId: 'service-recovery', low: 0, likely: 1, high: 2 }],
        },
      });
    }
  });

  afterAll(async () => {
    await api.close();
  });

  it('should save named scenarios for the organisation, list them in the order saved, and answer a repeat without writing it again', async () => {
    const planner = await api.mustQuery<{ issueApiToken: { token: string } }>(
      `mutation { issueApiToken(role: PLANNER, organizationIds: ["${organizationId}"], label: "planner") { token } }`,
    );
    const ticked = await api.mustQuery<{
      saveScenario: Listed & { organizationId: string; savedAt: string };
    }>(
      SAVE,
      {
        input: {
          organizationId,
          scenarioId: 'huddles-and-training',
          name: 'Huddles and training',
          investmentIds: ['e2e-huddles', 'e2e-training'],
          commandId: 'save-huddles',
        },
      },
      planner.issueApiToken.token,
    );
    expect(ticked.saveScenario).toMatchObject({
      id: 'huddles-and-training',
      organizationId,
      name: 'Huddles and training',
      investmentIds: ['e2e-huddles', 'e2e-training'],
      horizonMonths: 12,
      budget: null,
      alpha: null,
    });
    expect(Date.parse(ticked.saveScenario.savedAt)).not.toBeNaN();
    const afterFirst = await eventCount();

    const repeat = await api.mustQuery<{ saveScenario: { id: string } }>(SAVE, {
      input: {
        organizationId,
        scenarioId: 'huddles-and-training',
        name: 'Huddles and training',
        investmentIds: ['e2e-huddles', 'e2e-training'],
        commandId: 'save-huddles',
      },
    });
    expect(repeat.saveScenario.id).toBe('huddles-and-training');
    expect(await eventCount()).toBe(afterFirst);

    // The optimiser's answer, saved with its budget and weight; no id given: the server makes one.
    const optimised = await api.mustQuery<{ saveScenario: Listed }>(SAVE, {
      input: {
        organizationId,
        name: 'Best within 10,000',
        investmentIds: ['e2e-huddles'],
        horizonMonths: 6,
        budget: 10_000,
        alpha: 0.8,
      },
    });
    expect(optimised.saveScenario.id).toMatch(/^scenario-[0-9a-f]+$/);
    expect(await list()).toEqual([
      {
        id: 'huddles-and-training',
        name: 'Huddles and training',
        investmentIds: ['e2e-huddles', 'e2e-training'],
        horizonMonths: 12,
        budget: null,
        alpha: null,
      },
      {
        id: optimised.saveScenario.id,
        name: 'Best within 10,000',
        investmentIds: ['e2e-huddles'],
        horizonMonths: 6,
        budget: 10_000,
        alpha: 0.8,
      },
    ]);
    // Recorded as events of the organisation, in its history.
    const types = await api.mustQuery<{ history: { edges: { node: { type: string } }[] } }>(
      'query($o: ID!) { history(organizationId: $o, first: 500) { edges { node { type } } } }',
      { o: organizationId },
    );
    expect(types.history.edges.filter(({ node }) => node.type === 'ScenarioSaved')).toHaveLength(2);

    const remaining = await api.mustQuery<{ deleteScenario: { id: string }[] }>(
      'mutation($o: ID!, $s: ID!) { deleteScenario(organizationId: $o, scenarioId: $s, commandId: "delete-best") { id } }',
      { o: organizationId, s: optimised.saveScenario.id },
    );
    expect(remaining.deleteScenario.map(({ id }) => id)).toEqual(['huddles-and-training']);
    const repeated = await api.mustQuery<{ deleteScenario: { id: string }[] }>(
      'mutation($o: ID!, $s: ID!) { deleteScenario(organizationId: $o, scenarioId: $s, commandId: "delete-best") { id } }',
      { o: organizationId, s: optimised.saveScenario.id },
    );
    expect(repeated.deleteScenario.map(({ id }) => id)).toEqual(['huddles-and-training']);
  });

  it.each([
    ['no investment', { investmentIds: [] }, 'BAD_USER_INPUT', 'investmentIds', 'SCENARIO.NO_INVESTMENTS'],
    [
      'another organisation’s investment',
      { investmentIds: ['e2e-huddles', 'e2e-elsewhere'] },
      'NOT_FOUND',
      'investmentIds[1]',
      'SCENARIO.UNKNOWN_INVESTMENT',
    ],
    [
      'an investment twice',
      { investmentIds: ['e2e-huddles', 'e2e-huddles'] },
      'BAD_USER_INPUT',
      'investmentIds[1]',
      'SCENARIO.DUPLICATE_INVESTMENT',
    ],
    ['a blank name', { name: ' ' }, 'BAD_USER_INPUT', 'name', 'VALIDATION.REQUIRED'],
    ['a weight above 1', { alpha: 1.2 }, 'BAD_USER_INPUT', 'alpha', 'VALIDATION.OUT_OF_RANGE'],
    ['a negative budget', { budget: -5 }, 'BAD_USER_INPUT', 'budget', 'VALIDATION.OUT_OF_RANGE'],
    [
      'a horizon beyond ten years',
      { horizonMonths: 121 },
      'BAD_USER_INPUT',
      'horizonMonths',
      'VALIDATION.OUT_OF_RANGE',
    ],
  ])(
    'should refuse a scenario with %s, naming the field, and write nothing',
    async (_case, change, code, field, reason) => {
      const before = await eventCount();
      const answer = await api.graphql(SAVE, {
        input: {
          organizationId,
          scenarioId: 'refused',
          name: 'Refused',
          investmentIds: ['e2e-huddles'],
          ...change,
        },
      });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field, reason });
      expect(await eventCount()).toBe(before);
      expect((await list()).map(({ id }) => id)).not.toContain('refused');
    },
  );

  it('should refuse to delete a scenario that is not saved, and an unknown organisation, writing nothing', async () => {
    const before = await eventCount();
    const unknownScenario = await api.graphql(
      `mutation { deleteScenario(organizationId: "${organizationId}", scenarioId: "never-saved") { id } }`,
    );
    expect(unknownScenario.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'scenarioId',
      reason: 'SCENARIO.NOT_FOUND',
    });
    const unknownOrganization = await api.graphql(SAVE, {
      input: { organizationId: 'nowhere', name: 'x', investmentIds: ['e2e-huddles'] },
    });
    expect(unknownOrganization.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await eventCount()).toBe(before);
  });

  it('should let an assessor read the saved scenarios but not save or delete one', async () => {
    const assessor = (
      await api.mustQuery<{ issueApiToken: { token: string } }>(
        `mutation { issueApiToken(role: ASSESSOR, organizationIds: ["${organizationId}"], label: "assessor") { token } }`,
      )
    ).issueApiToken.token;
    const read = await api.mustQuery<{ scenarios: { id: string }[] }>(LIST, { o: organizationId }, assessor);
    expect(read.scenarios.map(({ id }) => id)).toEqual(['huddles-and-training']);
    const refused = await api.graphql(
      SAVE,
      { input: { organizationId, name: 'Mine', investmentIds: ['e2e-huddles'] } },
      assessor,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleteRefused = await api.graphql(
      `mutation { deleteScenario(organizationId: "${organizationId}", scenarioId: "huddles-and-training") { id } }`,
      {},
      assessor,
    );
    expect(deleteRefused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await list()).map(({ id }) => id)).toEqual(['huddles-and-training']);
  });

  it('should record the scenario chosen for the board for every reader, once per commandId, and none once it is deleted', async () => {
    const CHOOSE =
      'mutation($o: ID!, $s: ID, $c: ID) { chooseScenarioForBoard(organizationId: $o, scenarioId: $s, commandId: $c) { id chosenForBoard } }';
    const chosen = async (token?: string) =>
      (
        await api.mustQuery<{ scenarios: { id: string; chosenForBoard: boolean }[] }>(
          'query($o: ID!) { scenarios(organizationId: $o) { id chosenForBoard } }',
          { o: organizationId },
          token,
        )
      ).scenarios
        .filter((scenario) => scenario.chosenForBoard)
        .map(({ id }) => id);
    await api.mustQuery(SAVE, {
      input: {
        organizationId,
        scenarioId: 'training-only',
        name: 'Training only',
        investmentIds: ['e2e-training'],
      },
    });
    expect(await chosen()).toEqual([]);

    const before = await eventCount();
    const answer = await api.mustQuery<{ chooseScenarioForBoard: { id: string; chosenForBoard: boolean }[] }>(
      CHOOSE,
      { o: organizationId, s: 'training-only', c: 'choose-training' },
    );
    expect(answer.chooseScenarioForBoard).toEqual([
      { id: 'huddles-and-training', chosenForBoard: false },
      { id: 'training-only', chosenForBoard: true },
    ]);
    expect(await eventCount()).toBe(before + 1);
    // A repeat of the same command is answered, not written again.
    await api.mustQuery(CHOOSE, { o: organizationId, s: 'training-only', c: 'choose-training' });
    expect(await eventCount()).toBe(before + 1);
    // Every reader of the board report sees it; an assessor may not choose.
    const assessor = (
      await api.mustQuery<{ issueApiToken: { token: string } }>(
        `mutation { issueApiToken(role: ASSESSOR, organizationIds: ["${organizationId}"], label: "reader") { token } }`,
      )
    ).issueApiToken.token;
    expect(await chosen(assessor)).toEqual(['training-only']);
    const refused = await api.graphql(CHOOSE, { o: organizationId, s: 'huddles-and-training' }, assessor);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await api.graphql(CHOOSE, { o: organizationId, s: 'never-saved' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'scenarioId',
      reason: 'SCENARIO.NOT_FOUND',
    });
    expect(await eventCount()).toBe(before + 1);
    expect(await chosen()).toEqual(['training-only']);
    // Deleting the chosen scenario leaves none chosen.
    await api.mustQuery(
      `mutation { deleteScenario(organizationId: "${organizationId}", scenarioId: "training-only") { id } }`,
    );
    expect(await chosen()).toEqual([]);
  });

  it('should download saved scenarios compared, one row each with CCI and alignment at the horizon and their p10–p90', async () => {
    await api.mustQuery(SAVE, {
      input: {
        organizationId,
        scenarioId: 'training-only',
        name: '=Training only',
        investmentIds: ['e2e-training'],
      },
    });
    const get = async (path: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${api.adminToken}` },
      });
      return {
        status: response.status,
        headers: response.headers,
        body: Buffer.from(await response.arrayBuffer()),
      };
    };
    const xlsx = await get(
      `/reports/scenarios.xlsx?organizationId=${organizationId}&scenarioIds=huddles-and-training,training-only`,
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(
      /filename="e2e-scenario-hotel-scenarios-.+\.xlsx"/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Scenarios');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['Scenario', 'Cost', 'CCI at horizon', 'CCI p10', 'CCI p90', 'Alignment p10']),
    );
    const column = (name: string) => header.indexOf(name) + 1;
    expect(sheet?.getRow(2).getCell(column('Scenario')).value).toBe('Huddles and training');
    expect(sheet?.getRow(2).getCell(column('Cost')).value).toBe(20_000);
    // A name that starts like a formula is written as text.
    expect(sheet?.getRow(3).getCell(column('Scenario')).value).toBe("'=Training only");
    const p10 = sheet?.getRow(2).getCell(column('CCI p10')).value as number;
    const p90 = sheet?.getRow(2).getCell(column('CCI p90')).value as number;
    const likely = sheet?.getRow(2).getCell(column('CCI at horizon')).value as number;
    expect(typeof p10).toBe('number');
    expect(p10).toBeLessThanOrEqual(p90);
    expect(likely).toBeGreaterThan(0);

    const csv = await get(
      `/reports/scenarios.csv?organizationId=${organizationId}&scenarioIds=training-only`,
    );
    expect(csv.status).toBe(200);
    const rows: string[][] = parse(csv.body, { bom: true });
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[0]).toBe("'=Training only");

    const unknown = await get(
      `/reports/scenarios.xlsx?organizationId=${organizationId}&scenarioIds=never-saved`,
    );
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({
      errors: [{ extensions: { code: 'NOT_FOUND', field: 'scenarioIds' } }],
    });
  });
});
