// A whole cycle through invitations only, over HTTP against the real api: no recordRating. Three
// functions; SELF, PEER and CUSTOMER respondents answer through their own links (one "not sure",
// one answer changed); the resulting levels, perception gaps and rater agreement equal the
// numbers worked out by hand below. Default model: 5 levels, so the uniform null variance
// s2_EU = (25 - 1) / 12 = 2. Weights: SELF 1, PEER from the customer-facing front desk 2,
// CUSTOMER 2.
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
  agreement: number | null;
  groups: GroupAnswer[];
}
interface ViewAnswer {
  coverage: number;
  cells: CellAnswer[];
  functionScores: { functionId: string; agreement: number | null }[];
}
interface Issued {
  token: string;
  invitation: { respondentId: string };
}

const ORGANIZATION = 'harbour-inn';
const ASSESSMENT = 'harbour-q1';
const INSIGHT = 'customer-insight';
const RECOVERY = 'service-recovery';
const MATURITY = `query($id: ID!) { maturity(organizationId: $id) {
  coverage
  cells { functionId capabilityId level perceptionGap agreement
    groups { source raterFunctionId respondents level agreement } }
  functionScores { functionId agreement } } }`;

/** Who is invited, and what each answers: a level, or null for "not sure" (no answer). */
const PEOPLE: {
  respondentId: string;
  source: string;
  raterFunctionId?: string;
  functionIds: string[];
  answers: [functionId: string, capabilityId: string, level: number | null][];
}[] = [
  {
    respondentId: 'room-attendant-a',
    source: 'SELF',
    functionIds: ['housekeeping'],
    answers: [
      ['housekeeping', INSIGHT, 4],
      ['housekeeping', RECOVERY, 3],
    ],
  },
  {
    // Answers recovery 2, then changes it to 5 (below): the latest counts.
    respondentId: 'room-attendant-b',
    source: 'SELF',
    functionIds: ['housekeeping'],
    answers: [
      ['housekeeping', INSIGHT, 4],
      ['housekeeping', RECOVERY, 2],
    ],
  },
  {
    respondentId: 'room-attendant-c',
    source: 'SELF',
    functionIds: ['housekeeping'],
    answers: [
      ['housekeeping', INSIGHT, 5],
      ['housekeeping', RECOVERY, null],
    ],
  },
  {
    respondentId: 'desk-manager',
    source: 'SELF',
    functionIds: ['front-desk'],
    answers: [
      ['front-desk', INSIGHT, 4],
      ['front-desk', RECOVERY, 3],
    ],
  },
  {
    respondentId: 'chief-engineer',
    source: 'SELF',
    functionIds: ['maintenance'],
    answers: [
      ['maintenance', INSIGHT, 3],
      ['maintenance', RECOVERY, 4],
    ],
  },
  {
    respondentId: 'night-lead',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    functionIds: ['housekeeping', 'maintenance'],
    answers: [
      ['housekeeping', INSIGHT, 2],
      ['housekeeping', RECOVERY, 2],
      ['maintenance', INSIGHT, 2],
      ['maintenance', RECOVERY, null],
    ],
  },
  {
    respondentId: 'day-lead',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    functionIds: ['housekeeping', 'maintenance'],
    answers: [
      ['housekeeping', INSIGHT, 3],
      ['housekeeping', RECOVERY, 2],
      ['maintenance', INSIGHT, 4],
      ['maintenance', RECOVERY, 3],
    ],
  },
  {
    respondentId: 'guest-1',
    source: 'CUSTOMER',
    functionIds: ['front-desk', 'housekeeping'],
    answers: [
      ['front-desk', INSIGHT, 5],
      ['front-desk', RECOVERY, 4],
      ['housekeeping', INSIGHT, 3],
      ['housekeeping', RECOVERY, 2],
    ],
  },
  {
    respondentId: 'guest-2',
    source: 'CUSTOMER',
    functionIds: ['front-desk', 'housekeeping'],
    answers: [
      ['front-desk', INSIGHT, 3],
      ['front-desk', RECOVERY, 4],
      ['housekeeping', INSIGHT, 3],
      ['housekeeping', RECOVERY, 4],
    ],
  },
];

describe('A whole campaign cycle through invitations only', () => {
  let api: TestApi;
  let view: ViewAnswer;
  const tokens = new Map<string, string>();

  async function answer(respondentId: string, functionId: string, capabilityId: string, level: number) {
    const answered = await api.graphql(
      'mutation($input: AnswerInput!) { answerQuestion(input: $input) { answered } }',
      { input: { functionId, capabilityId, level } },
      tokens.get(respondentId) ?? null,
    );
    expect(answered.errors).toBeUndefined();
  }
  const cell = (functionId: string, capabilityId: string): CellAnswer | undefined =>
    view.cells.find(
      (candidate) => candidate.functionId === functionId && candidate.capabilityId === capabilityId,
    );
  const groups = (functionId: string, capabilityId: string) =>
    [...(cell(functionId, capabilityId)?.groups ?? [])].sort((left, right) =>
      left.source.localeCompare(right.source),
    );
  const functionAgreement = (functionId: string) =>
    view.functionScores.find((score) => score.functionId === functionId)?.agreement;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery(
      'mutation { registerOrganization(input: { id: "harbour-inn", name: "Harbour Inn" }) { id } }',
    );
    for (const [functionId, customerFacing] of [
      ['front-desk', true],
      ['housekeeping', false],
      ['maintenance', false],
    ] as const) {
      await api.mustQuery('mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }', {
        input: { organizationId: ORGANIZATION, functionId, name: functionId, customerFacing },
      });
    }
    await api.mustQuery('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
      input: { organizationId: ORGANIZATION, assessmentId: ASSESSMENT, title: 'Q1', periodEnd: '2026-03-31' },
    });

    const issued = await api.mustQuery<{ inviteRaters: Issued[] }>(
      'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token invitation { respondentId } } }',
      {
        input: {
          assessmentId: ASSESSMENT,
          commandId: 'invite-q1',
          invitations: PEOPLE.map(({ answers: _answers, ...person }) => ({
            ...person,
            capabilityIds: [INSIGHT, RECOVERY],
          })),
        },
      },
    );
    for (const { token, invitation } of issued.inviteRaters) tokens.set(invitation.respondentId, token);

    for (const person of PEOPLE)
      for (const [functionId, capabilityId, level] of person.answers)
        if (level !== null) await answer(person.respondentId, functionId, capabilityId, level);
    await answer('room-attendant-b', 'housekeeping', RECOVERY, 5);

    view = (await api.mustQuery<{ maturity: ViewAnswer }>(MATURITY, { id: ORGANIZATION })).maturity;
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('should record every answer as a rating of its respondent, with the invitation’s source and rater', async () => {
    const { assessment } = await api.mustQuery<{
      assessment: { ratings: { respondentId: string }[]; ratingsWithheld: { respondents: number }[] };
    }>('{ assessment(id: "harbour-q1") { ratings { respondentId } ratingsWithheld { respondents } } }');
    // 24 answers given, one of them changed: 24 effective ratings, those of customer and peer
    // groups under 3 respondents as their groups' figures (docs/reference/personal-data.md).
    const withheld = assessment.ratingsWithheld.reduce((sum, group) => sum + group.respondents, 0);
    expect(withheld).toBeGreaterThan(0);
    expect(assessment.ratings.length + withheld).toBe(24);
    // The record itself holds every answer with its respondent: 25 recordings, one changed.
    const { history } = await api.mustQuery<{
      history: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
    }>(`{ history(organizationId: "${ORGANIZATION}", first: 200) { edges { node { type data } } } }`);
    const recorded = history.edges
      .filter((edge) => edge.node.type === 'RatingRecorded')
      .map(
        (edge) => edge.node.data as { respondentId: string; source: string; raterFunctionId?: string | null },
      );
    expect(recorded).toHaveLength(25);
    expect(new Set(recorded.map((rating) => rating.respondentId))).toEqual(
      new Set(PEOPLE.map((person) => person.respondentId)),
    );
    for (const rating of recorded) {
      const person = PEOPLE.find((candidate) => candidate.respondentId === rating.respondentId);
      expect([rating.source, rating.raterFunctionId ?? null]).toEqual([
        person?.source,
        person?.raterFunctionId ?? null,
      ]);
    }
  });

  it('should count the campaign: 9 invited and started, 7 completed, 24 of 26 answered', async () => {
    const { campaignProgress } = await api.mustQuery<{ campaignProgress: Record<string, number> }>(
      '{ campaignProgress(assessmentId: "harbour-q1") { invited started completed answered expected } }',
    );
    expect(campaignProgress).toEqual({ invited: 9, started: 9, completed: 7, answered: 24, expected: 26 });
  });

  it('should give housekeeping’s insight its hand-worked level, gap and agreement', () => {
    // SELF 4, 4, 5: mean 13/3, s2 = 1/3, r_wg = 1 - (1/3)/2 = 5/6. PEER 2, 3: 2.5, s2 = 1/2,
    // r_wg = 0.75 (weight 2). CUSTOMER 3, 3: 3, r_wg = 1 (weight 2).
    // Level (13/3 + 2 x 2.5 + 2 x 3) / 5 = 46/15; gap 13/3 - (2.5 + 3)/2 = 19/12; agreement min = 0.75.
    expect(cell('housekeeping', INSIGHT)?.level).toBeCloseTo(46 / 15, 9);
    expect(cell('housekeeping', INSIGHT)?.perceptionGap).toBeCloseTo(19 / 12, 9);
    expect(cell('housekeeping', INSIGHT)?.agreement).toBeCloseTo(0.75, 9);
    const [customer, peer, self] = groups('housekeeping', INSIGHT);
    expect(customer).toEqual({
      source: 'CUSTOMER',
      raterFunctionId: null,
      respondents: 2,
      level: 3,
      agreement: 1,
    });
    expect(peer).toEqual({
      source: 'PEER',
      raterFunctionId: 'front-desk',
      respondents: 2,
      level: 2.5,
      agreement: 0.75,
    });
    expect(self?.respondents).toBe(3);
    expect(self?.level).toBeCloseTo(13 / 3, 9);
    expect(self?.agreement).toBeCloseTo(5 / 6, 9);
  });

  it('should count the changed answer and leave "not sure" out: housekeeping’s recovery', () => {
    // SELF 3 and 5 (changed from 2; the third attendant was not sure): 4, s2 = 2, r_wg = 0.
    // PEER 2, 2: 2, r_wg = 1. CUSTOMER 2, 4: 3, r_wg = 0.
    // Level (4 + 2 x 2 + 2 x 3) / 5 = 2.8; gap 4 - (2 + 3)/2 = 1.5; agreement 0.
    expect(cell('housekeeping', RECOVERY)?.level).toBeCloseTo(2.8, 9);
    expect(cell('housekeeping', RECOVERY)?.perceptionGap).toBeCloseTo(1.5, 9);
    expect(cell('housekeeping', RECOVERY)?.agreement).toBe(0);
    expect(
      groups('housekeeping', RECOVERY).map((group) => [group.source, group.respondents, group.level]),
    ).toEqual([
      ['CUSTOMER', 2, 3],
      ['PEER', 2, 2],
      ['SELF', 2, 4],
    ]);
  });

  it('should give maintenance and the front desk their hand-worked levels', () => {
    // Maintenance insight: SELF 3; PEER 2, 4 = 3 (weight 2), r_wg 0. Level 3, gap 0, agreement 0.
    expect([cell('maintenance', INSIGHT)?.level, cell('maintenance', INSIGHT)?.perceptionGap]).toEqual([
      3, 0,
    ]);
    expect(cell('maintenance', INSIGHT)?.agreement).toBe(0);
    // Maintenance recovery: SELF 4; PEER 3 (the night lead was not sure). Level (4 + 6)/3, gap 1,
    // no group of two: agreement null.
    expect(cell('maintenance', RECOVERY)?.level).toBeCloseTo(10 / 3, 9);
    expect(cell('maintenance', RECOVERY)?.perceptionGap).toBeCloseTo(1, 9);
    expect(cell('maintenance', RECOVERY)?.agreement).toBeNull();
    // Front desk insight: SELF 4; CUSTOMER 5, 3 = 4, r_wg 0. Level 4, gap 0.
    expect(cell('front-desk', INSIGHT)?.level).toBeCloseTo(4, 9);
    expect(cell('front-desk', INSIGHT)?.agreement).toBe(0);
    // Front desk recovery: SELF 3; CUSTOMER 4, 4 = 4, r_wg 1. Level 11/3, gap -1.
    expect(cell('front-desk', RECOVERY)?.level).toBeCloseTo(11 / 3, 9);
    expect(cell('front-desk', RECOVERY)?.perceptionGap).toBeCloseTo(-1, 9);
    expect(cell('front-desk', RECOVERY)?.agreement).toBe(1);
    // Six cells of 3 functions x 11 capabilities.
    expect(view.coverage).toBeCloseTo(6 / 33, 9);
  });

  it('should give each function its hand-worked agreement over capabilities, r_wg(J)', () => {
    // Housekeeping, J = 2 for each group. SELF: variances 1/3 and 2, S = 7/6, S/2 = 7/12,
    // r_wg(J) = 2(5/12) / (2(5/12) + 7/12) = 10/17. PEER: S = 1/4, 1.75 / 1.875 = 14/15.
    // CUSTOMER: S = 1, 1 / 1.5 = 2/3. The smallest: 10/17.
    expect(functionAgreement('housekeeping')).toBeCloseTo(10 / 17, 9);
    // Maintenance: only PEER on insight has two respondents, S = 2 >= s2_EU: 0.
    expect(functionAgreement('maintenance')).toBe(0);
    // Front desk: CUSTOMER over both, variances 2 and 0, S = 1: 2/3.
    expect(functionAgreement('front-desk')).toBeCloseTo(2 / 3, 9);
  });
});
