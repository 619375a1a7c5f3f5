// Who reads a rater's own answers, over HTTP per role: a planner reads group figures only; the
// office and auditors read a customer or peer group's answers one by one only from 3 respondents.
import { startTestApi, type TestApi } from '../support/test-api';

const ORGANIZATION = 'candour-hotel';
const ASSESSMENT = 'candour-q1';
const NAMING_EVIDENCE = 'Maria on the terrace collects guest comments every evening';

interface Answer {
  capabilityId: string;
  source: 'SELF' | 'PEER' | 'CUSTOMER' | 'AUDIT';
  respondentId: string;
  level: number;
  evidence?: string;
}

// Customer insight: two customers (too few to show), two self-raters (always shown to the office).
// Service recovery: three customers (shown to the office).
const ANSWERS: Answer[] = [
  {
    capabilityId: 'customer-insight',
    source: 'CUSTOMER',
    respondentId: 'guest-a',
    level: 4,
    evidence: NAMING_EVIDENCE,
  },
  { capabilityId: 'customer-insight', source: 'CUSTOMER', respondentId: 'guest-b', level: 1 },
  {
    capabilityId: 'customer-insight',
    source: 'SELF',
    respondentId: 'waiter-a',
    level: 3,
    evidence: 'We ask at the desk',
  },
  { capabilityId: 'customer-insight', source: 'SELF', respondentId: 'waiter-b', level: 2 },
  {
    capabilityId: 'service-recovery',
    source: 'CUSTOMER',
    respondentId: 'guest-a',
    level: 4,
    evidence: 'Fixed at once',
  },
  { capabilityId: 'service-recovery', source: 'CUSTOMER', respondentId: 'guest-b', level: 3 },
  { capabilityId: 'service-recovery', source: 'CUSTOMER', respondentId: 'guest-c', level: 2 },
];

const ASSESSMENT_RATINGS = `query($a: ID!) { assessment(id: $a) {
  ratingCount
  ratings { capabilityId source respondentId level evidence }
  ratingsWithheld { functionId capabilityId source raterFunctionId respondents level reason }
} }`;

const CELL_RATINGS = `query($o: ID!) { maturity(organizationId: $o) { cells {
  capabilityId level
  ratings { source respondentId level evidence }
  groups { source respondents level }
} } }`;

interface AssessmentAnswer {
  assessment: {
    ratingCount: number;
    ratings: {
      capabilityId: string;
      source: string;
      respondentId: string | null;
      level: number;
      evidence: string | null;
    }[];
    ratingsWithheld: {
      functionId: string;
      capabilityId: string;
      source: string;
      raterFunctionId: string | null;
      respondents: number;
      level: number;
      reason: string;
    }[];
  };
}

interface ViewAnswer {
  maturity: {
    cells: {
      capabilityId: string;
      level: number | null;
      ratings: { source: string; respondentId: string | null; level: number; evidence: string | null }[];
      groups: { source: string; respondents: number; level: number }[];
    }[];
  };
}

describe('individual answers per role', () => {
  let api: TestApi;
  const tokens: Record<'PLANNER' | 'AUDITOR' | 'ASSESSOR', string> = {
    PLANNER: '',
    AUDITOR: '',
    ASSESSOR: '',
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery(
      `mutation { registerOrganization(input: { id: "${ORGANIZATION}", name: "Candour Hotel" }) { id } }`,
    );
    await api.mustQuery(
      `mutation { addFunction(input: { organizationId: "${ORGANIZATION}", functionId: "floor", name: "Floor service", customerFacing: true }) { id } }`,
    );
    await api.mustQuery(
      `mutation { openAssessment(input: { organizationId: "${ORGANIZATION}", assessmentId: "${ASSESSMENT}", title: "Q1", periodEnd: "2026-10-31" }) { id } }`,
    );
    for (const answer of ANSWERS) {
      await api.mustQuery(
        `mutation($c: ID!, $s: RatingSource!, $r: ID, $l: Int!, $e: String) { recordRating(input: {
          assessmentId: "${ASSESSMENT}", functionId: "floor", capabilityId: $c, source: $s, respondentId: $r, level: $l, evidence: $e
        }) { id } }`,
        {
          c: answer.capabilityId,
          s: answer.source,
          r: answer.respondentId,
          l: answer.level,
          e: answer.evidence ?? null,
        },
      );
    }
    for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
      const { issueApiToken } = await api.mustQuery<{ issueApiToken: { token: string } }>(
        `mutation($r: Role!) { issueApiToken(role: $r, organizationIds: ["${ORGANIZATION}"], label: "privacy") { token } }`,
        { r: role },
      );
      tokens[role] = issueApiToken.token;
    }
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  it('should give a PLANNER no individual rating and no evidence, only group figures', async () => {
    const { assessment } = await api.mustQuery<AssessmentAnswer>(
      ASSESSMENT_RATINGS,
      { a: ASSESSMENT },
      tokens.PLANNER,
    );
    expect(assessment.ratings).toEqual([]);
    expect(assessment.ratingCount).toBe(ANSWERS.length);
    expect(assessment.ratingsWithheld).toEqual([
      {
        functionId: 'floor',
        capabilityId: 'customer-insight',
        source: 'SELF',
        raterFunctionId: null,
        respondents: 2,
        level: 2.5,
        reason: 'ROLE',
      },
      {
        functionId: 'floor',
        capabilityId: 'customer-insight',
        source: 'CUSTOMER',
        raterFunctionId: null,
        respondents: 2,
        level: 2.5,
        reason: 'ROLE',
      },
      {
        functionId: 'floor',
        capabilityId: 'service-recovery',
        source: 'CUSTOMER',
        raterFunctionId: null,
        respondents: 3,
        level: 3,
        reason: 'ROLE',
      },
    ]);

    const { maturity } = await api.mustQuery<ViewAnswer>(CELL_RATINGS, { o: ORGANIZATION }, tokens.PLANNER);
    const rated = maturity.cells.filter((cell) => cell.level !== null);
    expect(rated.map((cell) => cell.ratings)).toEqual([[], []]);
    expect(rated.find((cell) => cell.capabilityId === 'customer-insight')?.groups).toEqual([
      { source: 'SELF', respondents: 2, level: 2.5 },
      { source: 'CUSTOMER', respondents: 2, level: 2.5 },
    ]);
    const everything = JSON.stringify({ assessment, maturity });
    expect(everything).not.toContain('Maria');
    expect(everything).not.toContain('guest-a');
  });

  it('should show a customer group of 2 as its mean and count only, even to the ADMIN', async () => {
    for (const token of [api.adminToken, tokens.ASSESSOR, tokens.AUDITOR]) {
      const { assessment } = await api.mustQuery<AssessmentAnswer>(
        ASSESSMENT_RATINGS,
        { a: ASSESSMENT },
        token,
      );
      const insight = assessment.ratings.filter((rating) => rating.capabilityId === 'customer-insight');
      expect(insight.map((rating) => rating.source)).toEqual(['SELF', 'SELF']);
      expect(assessment.ratingsWithheld).toEqual([
        {
          functionId: 'floor',
          capabilityId: 'customer-insight',
          source: 'CUSTOMER',
          raterFunctionId: null,
          respondents: 2,
          level: 2.5,
          reason: 'SMALL_GROUP',
        },
      ]);
      expect(JSON.stringify(assessment)).not.toContain('Maria');

      const { maturity } = await api.mustQuery<ViewAnswer>(CELL_RATINGS, { o: ORGANIZATION }, token);
      const cell = maturity.cells.find((one) => one.capabilityId === 'customer-insight');
      expect(cell?.ratings.map((rating) => rating.respondentId).sort()).toEqual(['waiter-a', 'waiter-b']);
      expect(cell?.groups).toContainEqual({ source: 'CUSTOMER', respondents: 2, level: 2.5 });
    }
  });

  it('should show an ADMIN, ASSESSOR and AUDITOR each answer of a customer group of 3', async () => {
    for (const token of [api.adminToken, tokens.ASSESSOR, tokens.AUDITOR]) {
      const { assessment } = await api.mustQuery<AssessmentAnswer>(
        ASSESSMENT_RATINGS,
        { a: ASSESSMENT },
        token,
      );
      const recovery = assessment.ratings.filter((rating) => rating.capabilityId === 'service-recovery');
      expect(
        recovery.map(({ respondentId, level, evidence }) => ({ respondentId, level, evidence })),
      ).toEqual([
        { respondentId: 'guest-a', level: 4, evidence: 'Fixed at once' },
        { respondentId: 'guest-b', level: 3, evidence: null },
        { respondentId: 'guest-c', level: 2, evidence: null },
      ]);

      const { maturity } = await api.mustQuery<ViewAnswer>(CELL_RATINGS, { o: ORGANIZATION }, token);
      const cell = maturity.cells.find((one) => one.capabilityId === 'service-recovery');
      expect(cell?.ratings.map((rating) => rating.respondentId)).toEqual(['guest-a', 'guest-b', 'guest-c']);
    }
  });

  it('should keep the recorded events as recorded in the history for the AUDITOR', async () => {
    const { history } = await api.mustQuery<{
      history: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
    }>(
      `{ history(organizationId: "${ORGANIZATION}", first: 50) { edges { node { type data } } } }`,
      {},
      tokens.AUDITOR,
    );
    const recorded = history.edges.filter((edge) => edge.node.type === 'RatingRecorded');
    expect(recorded).toHaveLength(ANSWERS.length);
    expect(recorded.map((edge) => edge.node.data.evidence)).toContain(NAMING_EVIDENCE);
    const { verifyIntegrity } = await api.mustQuery<{ verifyIntegrity: { ok: boolean } }>(
      `{ verifyIntegrity(organizationId: "${ORGANIZATION}") { ok } }`,
      {},
      tokens.AUDITOR,
    );
    expect(verifyIntegrity.ok).toBe(true);
  });
});
