// Ratings in bulk (a paper-form import): checkRatings names every rating recording would refuse,
// recording nothing; recordRatings records them all in one append, or none. Closed and withdrawn
// assessments refuse; a repeated commandId appends nothing; an auditor may do neither.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

interface HistoryNode {
  type: string;
  commandId: string | null;
  recordedAt: string;
  revision: number;
  stream: string;
}
interface RatingShape {
  functionId: string;
  capabilityId: string;
  level: number;
  source: string;
  raterFunctionId: string | null;
  respondentId: string | null;
}

const RECORD =
  'mutation($input: RecordRatingsInput!) { recordRatings(input: $input) { ratings { functionId capabilityId level source raterFunctionId respondentId } } }';
const CHECK =
  'query($input: CheckRatingsInput!) { checkRatings(input: $input) { index field code reason message } }';

const self = (functionId: string, capabilityId: string, level: number) => ({
  functionId,
  capabilityId,
  level,
  source: 'SELF',
});

describe('recordRatings and checkRatings (e2e)', () => {
  let api: TestApi;

  const history = async (): Promise<HistoryNode[]> =>
    (
      await api.mustQuery<{ history: { edges: { node: HistoryNode }[] } }>(
        '{ history(organizationId: "inn", first: 500) { edges { node { type commandId recordedAt revision stream } } } }',
      )
    ).history.edges.map(({ node }) => node);
  const ratingsOf = async (assessmentId: string): Promise<RatingShape[]> =>
    (
      await api.mustQuery<{ assessment: { ratings: RatingShape[] } }>(
        `{ assessment(id: "${assessmentId}") { ratings { functionId capabilityId level source raterFunctionId respondentId } } }`,
      )
    ).assessment.ratings;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery('mutation { registerOrganization(input: { id: "inn", name: "Inn" }) { id } }');
    for (const id of ['front-desk', 'kitchen'])
      await api.mustQuery(
        `mutation { addFunction(input: { organizationId: "inn", functionId: "${id}", name: "${id}" }) { id } }`,
      );
    for (const id of ['q1', 'q0', 'mistake'])
      await api.mustQuery(
        `mutation { openAssessment(input: { organizationId: "inn", assessmentId: "${id}", title: "${id}", periodEnd: "2024-03-31" }) { id } }`,
      );
    await api.mustQuery('mutation { closeAssessment(assessmentId: "q0") { id } }');
    await api.mustQuery(
      'mutation { withdrawAssessment(assessmentId: "mistake", reason: "opened twice") { id } }',
    );
  });

  afterAll(async () => {
    await api.close();
  });

  it('should name every rating recording would refuse, with its place and field, recording nothing', async () => {
    const before = (await history()).length;
    const { checkRatings } = await api.mustQuery<{
      checkRatings: { index: number; field: string; code: string; reason: string; message: string }[];
    }>(CHECK, {
      input: {
        assessmentId: 'q1',
        ratings: [
          self('front-desk', 'self-service', 3),
          self('front-desk', 'self-service', 9),
          { ...self('kitchen', 'self-service', 2), source: 'PEER' },
          self('spa', 'self-service', 2),
          { ...self('kitchen', 'self-service', 2), respondentId: 'Chef Anna' },
        ],
      },
    });
    expect(checkRatings.map(({ index, field, code, reason }) => ({ index, field, code, reason }))).toEqual([
      { index: 1, field: 'level', code: 'BAD_USER_INPUT', reason: 'VALIDATION.OUT_OF_RANGE' },
      { index: 2, field: 'raterFunctionId', code: 'BAD_USER_INPUT', reason: 'ASSESSMENT.RATER_REQUIRED' },
      { index: 3, field: 'functionId', code: 'NOT_FOUND', reason: 'ORGANIZATION.FUNCTION_NOT_FOUND' },
      { index: 4, field: 'respondentId', code: 'BAD_USER_INPUT', reason: 'VALIDATION.NOT_A_SLUG' },
    ]);
    expect(checkRatings[0]?.message).toMatch(/^level/);
    expect(await history()).toHaveLength(before);
  });

  it('should record a batch in one append, and nothing more for the same commandId', async () => {
    const before = (await history()).length;
    const input = {
      assessmentId: 'q1',
      ratings: [
        self('front-desk', 'self-service', 3),
        { ...self('kitchen', 'self-service', 2), source: 'PEER', raterFunctionId: 'front-desk' },
        { ...self('kitchen', 'service-recovery', 4), respondentId: 'chef-anna', evidence: 'paper form 7' },
      ],
      commandId: 'paper-forms-1',
    };
    await api.mustQuery(RECORD, { input });
    const appended = (await history()).slice(before);
    expect(appended.map((event) => event.type)).toEqual([
      'RatingRecorded',
      'RatingRecorded',
      'RatingRecorded',
    ]);
    expect(new Set(appended.map((event) => event.commandId))).toEqual(new Set(['paper-forms-1']));
    expect(new Set(appended.map((event) => event.recordedAt)).size).toBe(1);
    expect(await ratingsOf('q1')).toHaveLength(3);
    expect(await ratingsOf('q1')).toContainEqual({
      functionId: 'kitchen',
      capabilityId: 'service-recovery',
      level: 4,
      source: 'SELF',
      raterFunctionId: null,
      respondentId: 'chef-anna',
    });

    await api.mustQuery(RECORD, { input });
    expect(await history()).toHaveLength(before + 3);
  });

  it.each([
    [
      'a bad rating among good ones',
      'q1',
      [self('kitchen', 'customer-insight', 2), self('kitchen', 'telepathy', 2)],
      'NOT_FOUND',
      'ratings[1].capabilityId',
    ],
    ['an empty batch', 'q1', [], 'BAD_USER_INPUT', 'ratings'],
    ['a CLOSED assessment', 'q0', [self('kitchen', 'customer-insight', 2)], 'CONFLICT', 'assessmentId'],
    [
      'a withdrawn assessment',
      'mistake',
      [self('kitchen', 'customer-insight', 2)],
      'CONFLICT',
      'assessmentId',
    ],
    [
      'an assessment never opened',
      'q9',
      [self('kitchen', 'customer-insight', 2)],
      'NOT_FOUND',
      'assessmentId',
    ],
  ])(
    'should refuse %s, naming the field and recording nothing',
    async (_case, assessmentId, ratings, code, field) => {
      const before = { events: (await history()).length, ratings: await ratingsOf('q1') };
      const answer = await api.graphql(RECORD, { input: { assessmentId, ratings } });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field });
      expect(await history()).toHaveLength(before.events);
      expect(await ratingsOf('q1')).toEqual(before.ratings);
    },
  );

  it('should record the largest batch it documents: 5000 ratings with 1,000 characters of evidence each (a 5.6 MB request)', async () => {
    await api.mustQuery(
      'mutation { openAssessment(input: { organizationId: "inn", assessmentId: "survey", title: "Guest survey", periodEnd: "2024-06-30" }) { id } }',
    );
    const ratings = Array.from({ length: 5000 }, (_, index) => ({
      functionId: index % 2 === 0 ? 'front-desk' : 'kitchen',
      capabilityId: 'customer-insight',
      level: 1 + (index % 5),
      source: 'CUSTOMER',
      respondentId: `guest-${Math.floor(index / 2)}`,
      evidence: `Paper form ${index}: ${'the stay as the guest saw it. '.repeat(34)}`.slice(0, 1_000),
    }));
    const body = JSON.stringify({ query: RECORD, variables: { input: { assessmentId: 'survey', ratings } } });
    expect(body.length).toBeGreaterThan(5_500_000);
    const answer = await api.graphql<{ recordRatings: { ratings: unknown[] } }>(RECORD, {
      input: { assessmentId: 'survey', ratings },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordRatings.ratings).toHaveLength(5000);
  });

  it('should refuse to check a batch for a CLOSED assessment as a whole', async () => {
    const answer = await api.graphql(CHECK, {
      input: { assessmentId: 'q0', ratings: [self('kitchen', 'customer-insight', 2)] },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'assessmentId' });
  });

  it('should refuse an auditor both, recording nothing', async () => {
    const { issueApiToken } = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: AUDITOR, organizationIds: ["inn"]) { token } }',
    );
    const before = (await history()).length;
    const input = { assessmentId: 'q1', ratings: [self('kitchen', 'customer-insight', 2)] };
    expect((await api.graphql(RECORD, { input }, issueApiToken.token)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.graphql(CHECK, { input }, issueApiToken.token)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await history()).toHaveLength(before);
  });
});
