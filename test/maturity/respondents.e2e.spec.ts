// Individual respondents over HTTP against the real api: a small assessment whose levels,
// perception gaps and rater agreement (cell r_wg, function r_wg(J)) are worked out by hand below.
// Default model: 5 levels, so the uniform null variance is (25 - 1) / 12 = 2.
import { respondentKeyId } from '@app/application';
import { KEY_STORE, type KeyStore } from '@app/key-store';
import { startTestApi, type TestApi } from '../support/test-api';

interface GroupAnswer {
  source: string;
  raterFunctionId: string | null;
  respondents: number;
  level: number;
  agreement: number | null;
}
interface CellAnswer {
  functionId: string;
  capabilityId: string;
  level: number | null;
  perceptionGap: number | null;
  ratingCount: number;
  agreement: number | null;
  groups: GroupAnswer[];
  ratings: { source: string; level: number; respondentId: string | null; weight: number }[];
}
interface ViewAnswer {
  cells: CellAnswer[];
  functionScores: { functionId: string; agreement: number | null }[];
}

const CELL_FIELDS = `functionId capabilityId level perceptionGap ratingCount agreement
  groups { source raterFunctionId respondents level agreement }
  ratings { source level respondentId weight }`;
const MATURITY = `query($organizationId: ID!) { maturity(organizationId: $organizationId) {
  cells { ${CELL_FIELDS} } functionScores { functionId agreement } } }`;

const ORGANIZATION = 'lakeside-inn';
const ASSESSMENT = 'lakeside-q1';

describe('Respondents and rater agreement over GraphQL', () => {
  let api: TestApi;
  const mutate = (mutation: string, input: Record<string, unknown>) => api.graphql(mutation, { input });
  const RECORD = `mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`;
  const CORRECT = `mutation($input: CorrectRatingInput!) { correctRating(input: $input) { id } }`;

  async function record(
    functionId: string,
    capabilityId: string,
    level: number,
    source: string,
    respondentId: string | null,
    raterFunctionId: string | null = null,
  ): Promise<void> {
    const answer = await mutate(RECORD, {
      assessmentId: ASSESSMENT,
      functionId,
      capabilityId,
      level,
      source,
      raterFunctionId,
      respondentId,
    });
    expect(answer.errors).toBeUndefined();
  }

  async function maturity(): Promise<ViewAnswer> {
    return (await api.mustQuery<{ maturity: ViewAnswer }>(MATURITY, { organizationId: ORGANIZATION }))
      .maturity;
  }
  const cellOf = (view: ViewAnswer, functionId: string, capabilityId: string): CellAnswer | undefined =>
    view.cells.find((cell) => cell.functionId === functionId && cell.capabilityId === capabilityId);
  const functionAgreement = (view: ViewAnswer, functionId: string): number | null | undefined =>
    view.functionScores.find((score) => score.functionId === functionId)?.agreement;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      {
        input: { id: ORGANIZATION, name: 'Lakeside Inn' },
      },
    );
    for (const [functionId, customerFacing] of [
      ['front-desk', true],
      ['housekeeping', false],
    ] as const) {
      await api.mustQuery(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
        input: { organizationId: ORGANIZATION, functionId, name: functionId, customerFacing },
      });
    }
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: { organizationId: ORGANIZATION, assessmentId: ASSESSMENT, title: 'Q1', periodEnd: '2025-03-31' },
    });

    // Four room attendants rate housekeeping on three capabilities:
    // insight, cooperation, recovery = (4,4,3), (4,5,4), (5,5,4), (3,4,4).
    const attendants: [string, number[]][] = [
      ['attendant-a', [4, 4, 3]],
      ['attendant-b', [4, 5, 4]],
      ['attendant-c', [5, 5, 4]],
      ['attendant-d', [3, 4, 4]],
    ];
    for (const [respondentId, levels] of attendants) {
      for (const [position, capabilityId] of [
        'customer-insight',
        'cross-functional-cooperation',
        'service-recovery',
      ].entries())
        await record('housekeeping', capabilityId, levels[position] ?? 0, 'SELF', respondentId);
    }
    // Three front-desk shift leads see housekeeping's cooperation at 2, 3 and 4; a guest panel, as one, at 2.
    for (const [respondentId, level] of [
      ['night-lead', 2],
      ['day-lead', 3],
      ['weekend-lead', 4],
    ] as const)
      await record('housekeeping', 'cross-functional-cooperation', level, 'PEER', respondentId, 'front-desk');
    await record('housekeeping', 'cross-functional-cooperation', 2, 'CUSTOMER', null);
    // The front desk rates its own cooperation 3 as one; two room attendants see it at 2 and 4.
    await record('front-desk', 'cross-functional-cooperation', 3, 'SELF', null);
    await record('front-desk', 'cross-functional-cooperation', 2, 'PEER', 'attendant-a', 'housekeeping');
    await record('front-desk', 'cross-functional-cooperation', 4, 'PEER', 'attendant-b', 'housekeeping');
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  it("should score housekeeping's cooperation from its three rater groups", async () => {
    const cell = cellOf(await maturity(), 'housekeeping', 'cross-functional-cooperation');
    // Groups: SELF 4,5,5,4 -> 4.5 (weight 1); PEER from the customer-facing front desk 2,3,4 -> 3
    // (weight 2); CUSTOMER 2 (weight 2). m = (4.5 + 2 x 3 + 2 x 2) / 5 = 2.9.
    expect(cell?.level).toBeCloseTo(2.9, 10);
    // Perception gap over groups: 4.5 - (3 + 2) / 2 = 2.
    expect(cell?.perceptionGap).toBeCloseTo(2, 10);
    expect(cell?.ratingCount).toBe(8);
    // r_wg: SELF s2 = 1/3 -> 1 - 1/6 = 0.8333; PEER s2 = 1 -> 0.5; the cell takes the smallest.
    expect(cell?.groups).toEqual([
      {
        source: 'SELF',
        raterFunctionId: null,
        respondents: 4,
        level: 4.5,
        agreement: expect.closeTo(5 / 6, 10),
      },
      { source: 'PEER', raterFunctionId: 'front-desk', respondents: 3, level: 3, agreement: 0.5 },
      { source: 'CUSTOMER', raterFunctionId: null, respondents: 1, level: 2, agreement: null },
    ]);
    expect(cell?.agreement).toBe(0.5);
    // Each shift lead carries a third of the front desk's weight of 2.
    expect(cell?.ratings.find((rating) => rating.respondentId === 'night-lead')?.weight).toBeCloseTo(
      2 / 3,
      10,
    );
  });

  it('should flag low agreement on a cell rated by one group alone', async () => {
    const view = await maturity();
    // Insight 4,4,5,3: mean 4, s2 = 2/3, r_wg = 1 - 1/3 = 0.667, below 0.7. Recovery 3,4,4,4: s2 = 1/4, r_wg = 0.875.
    expect(cellOf(view, 'housekeeping', 'customer-insight')).toMatchObject({
      level: 4,
      perceptionGap: null,
      agreement: expect.closeTo(2 / 3, 10),
    });
    expect(cellOf(view, 'housekeeping', 'service-recovery')).toMatchObject({
      level: 3.75,
      agreement: expect.closeTo(0.875, 10),
    });
  });

  it('should give each function the smallest r_wg(J) of its rater groups', async () => {
    const view = await maturity();
    // Housekeeping SELF over J = 3: S = (2/3 + 1/3 + 1/4) / 3 = 5/12, S / 2 = 5/24,
    // r_wg(J) = 3 (19/24) / (3 (19/24) + 5/24) = 57/62 = 0.919; PEER from the front desk over J = 1: 0.5.
    expect(functionAgreement(view, 'housekeeping')).toBe(0.5);
    // The front desk: PEER from housekeeping 2 and 4, s2 = 2, the null variance itself: 0.
    expect(functionAgreement(view, 'front-desk')).toBe(0);
    expect(cellOf(view, 'front-desk', 'cross-functional-cooperation')).toMatchObject({
      level: 3,
      perceptionGap: 0,
      agreement: 0,
    });
  });

  it("should correct one respondent's rating, and refuse a respondent who never rated the cell", async () => {
    const correction = {
      assessmentId: ASSESSMENT,
      functionId: 'housekeeping',
      capabilityId: 'customer-insight',
      level: 4,
      source: 'SELF',
      reason: 'Attendant C meant 4: the form was misread',
    };
    const unknown = await mutate(CORRECT, { ...correction, respondentId: 'attendant-z' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'respondentId' });
    const malformed = await mutate(RECORD, { ...correction, reason: undefined, respondentId: 'Attendant Z' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'respondentId',
    });

    expect((await mutate(CORRECT, { ...correction, respondentId: 'attendant-c' })).errors).toBeUndefined();
    const view = await maturity();
    // Insight now 4,4,4,3: mean 3.75, s2 = 1/4, r_wg = 0.875. Housekeeping SELF over J = 3:
    // S = (1/4 + 1/3 + 1/4) / 3 = 5/18, S / 2 = 5/36, r_wg(J) = 3 (31/36) / (3 (31/36) + 5/36) = 93/98.
    expect(cellOf(view, 'housekeeping', 'customer-insight')).toMatchObject({
      level: 3.75,
      agreement: expect.closeTo(0.875, 10),
    });
    expect(cellOf(view, 'housekeeping', 'cross-functional-cooperation')?.groups[0]?.agreement).toBeCloseTo(
      5 / 6,
      10,
    );

    const ratings = await api.mustQuery<{
      assessment: {
        ratings: { functionId: string; capabilityId: string; level: number; respondentId: string | null }[];
      };
    }>(`query($id: ID!) { assessment(id: $id) { ratings { functionId capabilityId level respondentId } } }`, {
      id: ASSESSMENT,
    });
    const insight = ratings.assessment.ratings.filter(
      (rating) => rating.functionId === 'housekeeping' && rating.capabilityId === 'customer-insight',
    );
    expect(insight.map((rating) => [rating.respondentId, rating.level])).toEqual([
      ['attendant-a', 4],
      ['attendant-b', 4],
      ['attendant-c', 4],
      ['attendant-d', 3],
    ]);
  });

  it("should drop a forgotten respondent's evidence from the next view, though the view was read before", async () => {
    const EVIDENCE = `{ maturity(organizationId: "${ORGANIZATION}", asOf: "2030-01-01") { cells { functionId capabilityId ratings { respondentId evidence } } } }`;
    type Evidence = {
      maturity: {
        cells: {
          functionId: string;
          capabilityId: string;
          ratings: { respondentId: string | null; evidence: string | null }[];
        }[];
      };
    };
    const evidenceOf = async (respondentId: string) =>
      (await api.mustQuery<Evidence>(EVIDENCE)).maturity.cells
        .find((cell) => cell.functionId === 'housekeeping' && cell.capabilityId === 'customer-insight')
        ?.ratings.find((rating) => rating.respondentId === respondentId)?.evidence;
    await mutate(RECORD, {
      assessmentId: ASSESSMENT,
      functionId: 'housekeeping',
      capabilityId: 'customer-insight',
      level: 3,
      source: 'SELF',
      respondentId: 'attendant-e',
      evidence: 'Guests tell me at turndown that nobody asked about their stay.',
    });
    // Read once (as of a date, so no current view is kept): the reader now keeps this
    // organisation's history, with the evidence still sealed.
    expect(await evidenceOf('attendant-e')).toMatch(/turndown/);

    await api.app
      .get<KeyStore>(KEY_STORE)
      .destroyDataKey(
        { keyId: respondentKeyId(ORGANIZATION, 'attendant-e'), organizationId: ORGANIZATION },
        new Date().toISOString(),
      );
    expect(await evidenceOf('attendant-e')).toBeNull();
  });

  it('should keep the baseline rater groups on the projected cells of a simulation', async () => {
    await api.mustQuery(`mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }`, {
      input: {
        organizationId: ORGANIZATION,
        investmentId: 'joint-briefings',
        name: 'Joint morning briefings',
        kind: 'OPERATIONAL',
        cost: 1000,
        lagMonths: 0,
        effects: [
          {
            functionId: 'housekeeping',
            capabilityId: 'cross-functional-cooperation',
            low: 0,
            likely: 1,
            high: 1,
          },
        ],
      },
    });
    const answer = await api.mustQuery<{ simulateInvestments: { cells: CellAnswer[] } }>(
      `query { simulateInvestments(organizationId: "${ORGANIZATION}", investmentIds: ["joint-briefings"]) {
        cells { ${CELL_FIELDS} } } }`,
    );
    const projected = answer.simulateInvestments.cells.find(
      (cell) => cell.functionId === 'housekeeping' && cell.capabilityId === 'cross-functional-cooperation',
    );
    expect(projected?.level).toBeCloseTo(3.9, 10);
    expect(projected?.agreement).toBe(0.5);
    expect(projected?.groups.map((group) => [group.source, group.respondents, group.level])).toEqual([
      ['SELF', 4, 4.5],
      ['PEER', 3, 3],
      ['CUSTOMER', 1, 2],
    ]);
  });
});
