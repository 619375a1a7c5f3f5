// Maturity views over HTTP against the real api on a real SQLite file: now, as of a past date,
// as known before a correction, the timeline, and maturityChanged over graphql-ws.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApi, type TestApi } from '../support/test-api';

const VIEW_FIELDS = `
  organizationId asOf knownAt coverage customerCentricityIndex alignmentIndex targetAttainment
  cells { functionId capabilityId level target gap perceptionGap ratingCount
          ratings { source level raterFunctionId evidence weight } }
  functionScores { functionId customerCentricityIndex }
  weakestLinks { from to misalignment }`;

interface CellAnswer {
  functionId: string;
  capabilityId: string;
  level: number | null;
  target: number | null;
  gap: number | null;
  perceptionGap: number | null;
  ratingCount: number;
  ratings: {
    source: string;
    level: number;
    raterFunctionId: string | null;
    evidence: string | null;
    weight: number;
  }[];
}
interface ViewAnswer {
  organizationId: string;
  asOf: string | null;
  knownAt: string | null;
  coverage: number;
  customerCentricityIndex: number | null;
  alignmentIndex: number | null;
  targetAttainment: number | null;
  cells: CellAnswer[];
  functionScores: { functionId: string; customerCentricityIndex: number | null }[];
  weakestLinks: { from: string; to: string; misalignment: number }[];
}

const MATURITY = `query($organizationId: ID!, $asOf: DateTime, $knownAt: DateTime) {
  maturity(organizationId: $organizationId, asOf: $asOf, knownAt: $knownAt) { ${VIEW_FIELDS} } }`;

const pause = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('Maturity views over GraphQL', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const mutate = (query: string, input: Record<string, unknown>): Promise<unknown> =>
    api.mustQuery(query, { input });

  async function organization(id: string): Promise<void> {
    await mutate(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      {
        id,
        name: `Organisation ${id}`,
      },
    );
    for (const [functionId, customerFacing] of [
      ['front-desk', true],
      ['housekeeping', false],
    ] as const) {
      await mutate(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
        organizationId: id,
        functionId,
        name: functionId,
        customerFacing,
      });
    }
    await mutate(`mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
      organizationId: id,
      capabilityId: 'customer-insight',
      level: 4,
    });
  }

  async function openAssessment(
    organizationId: string,
    assessmentId: string,
    periodEnd: string,
  ): Promise<void> {
    await mutate(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      organizationId,
      assessmentId,
      title: assessmentId,
      periodEnd,
    });
  }

  async function rate(
    assessmentId: string,
    functionId: string,
    level: number,
    source = 'SELF',
  ): Promise<void> {
    await mutate(`mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`, {
      assessmentId,
      functionId,
      capabilityId: 'customer-insight',
      level,
      source,
      evidence: `${functionId} at ${level}`,
    });
  }

  async function maturity(organizationId: string, asOf?: string, knownAt?: string): Promise<ViewAnswer> {
    const data = await api.mustQuery<{ maturity: ViewAnswer }>(MATURITY, {
      organizationId,
      asOf: asOf ?? null,
      knownAt: knownAt ?? null,
    });
    return data.maturity;
  }

  const insight = (view: ViewAnswer, functionId: string): CellAnswer | undefined =>
    view.cells.find((cell) => cell.functionId === functionId && cell.capabilityId === 'customer-insight');

  it('should show the current maturity right after the mutations that made it', async () => {
    await organization('now-hotel');
    await openAssessment('now-hotel', 'now-2024', '2024-12-31');
    await rate('now-2024', 'front-desk', 4);
    await rate('now-2024', 'front-desk', 2, 'CUSTOMER');
    await rate('now-2024', 'housekeeping', 2);

    const view = await maturity('now-hotel');

    expect(view.asOf).toBeNull();
    expect(view.knownAt).toBeNull();
    expect(view.cells).toHaveLength(2 * 11);
    // (1 * 4 + 2 * 2) / 3
    expect(insight(view, 'front-desk')).toMatchObject({
      level: 8 / 3,
      target: 4,
      gap: 4 - 8 / 3,
      perceptionGap: 2,
      ratingCount: 2,
    });
    expect(insight(view, 'front-desk')?.ratings).toEqual(
      expect.arrayContaining([
        { source: 'SELF', level: 4, raterFunctionId: null, evidence: 'front-desk at 4', weight: 1 },
        { source: 'CUSTOMER', level: 2, raterFunctionId: null, evidence: 'front-desk at 2', weight: 2 },
      ]),
    );
    expect(view.coverage).toBeCloseTo(2 / 22, 10);
    expect(view.weakestLinks).toEqual([{ from: 'front-desk', to: 'housekeeping', misalignment: 8 / 3 - 2 }]);
    expect(view.functionScores.map((score) => score.functionId)).toEqual(['front-desk', 'housekeeping']);
  });

  it('should pick assessments by periodEnd when asked as of a past date', async () => {
    await organization('asof-hotel');
    await openAssessment('asof-hotel', 'asof-2023', '2023-12-31');
    await rate('asof-2023', 'front-desk', 2);
    await openAssessment('asof-hotel', 'asof-2024', '2024-12-31');
    await rate('asof-2024', 'front-desk', 5);

    expect(insight(await maturity('asof-hotel', '2024-06-30'), 'front-desk')?.level).toBe(2);
    expect(insight(await maturity('asof-hotel', '2024-12-31'), 'front-desk')?.level).toBe(5);
    expect(insight(await maturity('asof-hotel'), 'front-desk')?.level).toBe(5);
    const before = await maturity('asof-hotel', '2023-01-01');
    expect(before.asOf).toBe('2023-01-01T00:00:00.000Z');
    expect(before.coverage).toBe(0);
    expect(before.customerCentricityIndex).toBeNull();
  });

  it('should show what was known before a correction when asked with knownAt', async () => {
    await organization('known-hotel');
    await openAssessment('known-hotel', 'known-2024', '2024-12-31');
    await rate('known-2024', 'front-desk', 3);
    await api.mustQuery(`mutation($id: ID!) { closeAssessment(assessmentId: $id) { id } }`, {
      id: 'known-2024',
    });
    expect(insight(await maturity('known-hotel'), 'front-desk')?.level).toBe(3);
    await pause(5);
    const beforeCorrection = new Date().toISOString();
    await pause(5);

    await mutate(`mutation($input: CorrectRatingInput!) { correctRating(input: $input) { id } }`, {
      assessmentId: 'known-2024',
      functionId: 'front-desk',
      capabilityId: 'customer-insight',
      level: 1,
      source: 'SELF',
      reason: 'The front desk overrated itself',
    });

    expect(insight(await maturity('known-hotel'), 'front-desk')?.level).toBe(1);
    const asKnownBefore = await maturity('known-hotel', undefined, beforeCorrection);
    expect(asKnownBefore.knownAt).toBe(beforeCorrection);
    expect(insight(asKnownBefore, 'front-desk')).toMatchObject({
      level: 3,
      ratings: [expect.objectContaining({ evidence: 'front-desk at 3' })],
    });
    // Before the organisation existed nothing was known; that is an empty view, not an error.
    expect((await maturity('known-hotel', undefined, '2000-01-01')).cells).toEqual([]);
  });

  it('should refuse an unknown organisation and a malformed date naming the field', async () => {
    const unknown = await api.graphql(MATURITY, { organizationId: 'nobody-here' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
    const malformed = await api.graphql(MATURITY, { organizationId: 'now-hotel', asOf: 'yesterday' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should give a timeline point at each assessment periodEnd within the range', async () => {
    await organization('timeline-hotel');
    await openAssessment('timeline-hotel', 'timeline-2022', '2022-12-31');
    await rate('timeline-2022', 'front-desk', 1);
    await openAssessment('timeline-hotel', 'timeline-2023', '2023-12-31');
    await rate('timeline-2023', 'front-desk', 3);
    await openAssessment('timeline-hotel', 'timeline-2024', '2024-12-31');
    await rate('timeline-2024', 'front-desk', 5);

    const { maturityTimeline } = await api.mustQuery<{
      maturityTimeline: { at: string; customerCentricityIndex: number | null; coverage: number }[];
    }>(
      `query($id: ID!, $from: DateTime) { maturityTimeline(organizationId: $id, from: $from) {
         at customerCentricityIndex alignmentIndex targetAttainment coverage } }`,
      { id: 'timeline-hotel', from: '2023-01-01' },
    );

    expect(maturityTimeline.map((point) => point.at)).toEqual([
      '2023-12-31T00:00:00.000Z',
      '2024-12-31T00:00:00.000Z',
    ]);
    expect(maturityTimeline.map((point) => point.customerCentricityIndex)).toEqual([50, 100]);
  });

  it('should name the open assessments a view includes, and mark their timeline points provisional', async () => {
    await organization('pulse-hotel');
    await openAssessment('pulse-hotel', 'pulse-2024', '2024-12-31');
    await rate('pulse-2024', 'front-desk', 2);
    await rate('pulse-2024', 'housekeeping', 3);
    await api.mustQuery(`mutation($id: ID!) { closeAssessment(assessmentId: $id) { id } }`, {
      id: 'pulse-2024',
    });
    await pause(5);
    const beforePulse = new Date().toISOString();
    await pause(5);
    await openAssessment('pulse-hotel', 'pulse-2025', '2025-03-31');
    await rate('pulse-2025', 'front-desk', 5);

    const VIEW = `query($asOf: DateTime, $knownAt: DateTime) {
      maturity(organizationId: "pulse-hotel", asOf: $asOf, knownAt: $knownAt) {
        openAssessments { assessmentId title periodEnd decidedCells } }
      maturityTimeline(organizationId: "pulse-hotel", knownAt: $knownAt) { at provisional } }`;
    type Answer = {
      maturity: { openAssessments: unknown[] };
      maturityTimeline: { at: string; provisional: boolean }[];
    };
    const now = await api.mustQuery<Answer>(VIEW, {});
    // The pulse decides the one cell it rates; the closed cycle still decides the other.
    expect(now.maturity.openAssessments).toEqual([
      {
        assessmentId: 'pulse-2025',
        title: 'pulse-2025',
        periodEnd: '2025-03-31T00:00:00.000Z',
        decidedCells: 1,
      },
    ]);
    expect(now.maturityTimeline).toEqual([
      { at: '2024-12-31T00:00:00.000Z', provisional: false },
      { at: '2025-03-31T00:00:00.000Z', provisional: true },
    ]);
    // As of the closed cycle nothing open is included.
    const asOfClosed = await api.mustQuery<Answer>(VIEW, { asOf: '2024-12-31' });
    expect(asOfClosed.maturity.openAssessments).toEqual([]);
    // As known before the pulse was opened: the one cycle then was closed, nothing provisional.
    const knownEarlier = await api.mustQuery<Answer>(VIEW, { knownAt: beforePulse });
    expect(knownEarlier.maturity.openAssessments).toEqual([]);
    expect(knownEarlier.maturityTimeline).toEqual([{ at: '2024-12-31T00:00:00.000Z', provisional: false }]);
  });

  it('should list organisations, assessments and investments from the read models', async () => {
    const data = await api.mustQuery<{
      organizations: { id: string }[];
      assessments: { id: string }[];
    }>(`{ organizations { id } assessments(organizationId: "timeline-hotel") { id } }`);
    expect(data.organizations.map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['now-hotel', 'asof-hotel', 'known-hotel', 'timeline-hotel']),
    );
    expect(data.assessments.map((entry) => entry.id)).toEqual([
      'timeline-2022',
      'timeline-2023',
      'timeline-2024',
    ]);
  });

  describe('maturityChanged over graphql-ws', () => {
    let client: Client;

    beforeAll(() => {
      client = createClient({
        url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${api.adminToken}` },
        retryAttempts: 0,
      });
    });

    afterAll(async () => {
      await client.dispose();
    });

    it('should deliver the current view, then a view after a recordRating', async () => {
      await organization('live-hotel');
      await openAssessment('live-hotel', 'live-2024', '2024-12-31');
      const subscription = client.iterate<{ maturityChanged: ViewAnswer }>({
        query: `subscription($id: ID!) { maturityChanged(organizationId: $id) { ${VIEW_FIELDS} } }`,
        variables: { id: 'live-hotel' },
      });
      const viewOf = (result: IteratorResult<unknown>): ViewAnswer | undefined =>
        (result.value as { data?: { maturityChanged?: ViewAnswer } } | undefined)?.data?.maturityChanged;

      const initial = viewOf(await subscription.next());
      await rate('live-2024', 'front-desk', 4);
      const changed = viewOf(await subscription.next());
      await subscription.return?.();

      expect(initial?.organizationId).toBe('live-hotel');
      expect(initial?.coverage).toBe(0);
      expect(changed?.organizationId).toBe('live-hotel');
      expect(changed === undefined ? undefined : insight(changed, 'front-desk')?.level).toBe(4);
    });
  });
});
