// Attack (by accident): the first visit to an organisation with a long history. The Overview's and
// Reports' timeline read every event of the organisation and scored every assessment again at
// each of its dates, and the assessments list folded every assessment's stream, each in one go on
// the event loop: /health/live and every other request waited as long as the read took. Both now
// work a part at a time (an assessment, a part of the index, a date) with other requests served
// between parts, and the list no longer sends the ratings (ratingCount says how many).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { type ProbedRead, whileProbingLiveness } from '../support/liveness-probe';
import { quarterEnd, SURVEY_CAPABILITY_IDS, writeSurveyOrganization } from '../support/survey-organization';

jest.setTimeout(600_000);

const ORGANIZATION = 'decadesco';
const FUNCTIONS = ['front-desk', 'housekeeping', 'kitchen', 'maintenance'];
const RESPONDENTS = 40;
const ASSESSMENTS = 60;
const CAPABILITIES = SURVEY_CAPABILITY_IDS;
/** Ratings per assessment: every function and capability, from each customer respondent. */
const RATINGS_PER_ASSESSMENT = FUNCTIONS.length * CAPABILITIES.length * RESPONDENTS;

const TIMELINE = `query { maturityTimeline(organizationId: "${ORGANIZATION}") { at customerCentricityIndex coverage } }`;
/** What a client may still ask, though the dashboard does not: every rating of every assessment. */
const EVERY_RATING = `query { assessments(organizationId: "${ORGANIZATION}") { id ratings { functionId capabilityId level source respondentId evidence } } }`;
const ASSESSMENTS_LIST = `query { assessments(organizationId: "${ORGANIZATION}") { id title periodEnd status withdrawnAt ratingCount } }`;

interface TimelinePoint {
  at: string;
  customerCentricityIndex: number | null;
  coverage: number;
}
interface ListedAssessment {
  id: string;
  periodEnd: string;
  status: string;
  ratingCount: number;
}

const FIRST_YEAR = 2011;

describe('The views of an organisation of about 100,000 events, read cold (e2e, built api, SQLite file)', () => {
  let api: ApiProcess;
  let dataDir: string;

  const must = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await postGraphql<T>(api.baseUrl, api.adminToken, query, variables);
    if (answer.errors !== undefined || answer.data === null || answer.data === undefined)
      throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };

  /** A new api process on the same store: nothing of the organisation is kept in memory yet. */
  const restart = async (): Promise<void> => {
    const { adminToken } = api;
    await api.stop();
    api = await startApi({ dataDir, env: { ADMIN_TOKEN: adminToken } });
    for (;;) {
      const ready = await fetch(`${api.baseUrl}/health/ready`);
      if (ready.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** The read, with /health/live asked meanwhile: how long it took and the slowest probe. */
  const whileProbing = async <T>(read: () => Promise<T>): Promise<ProbedRead<T>> => {
    const probed = await whileProbingLiveness(api.baseUrl, read);
    expect(probed.asked).toBeGreaterThan(3);
    return probed;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-long-views-'));
    api = await startApi({ dataDir });
    await writeSurveyOrganization(must, {
      organizationId: ORGANIZATION,
      name: 'Decades Co',
      functionIds: FUNCTIONS,
      assessments: ASSESSMENTS,
      firstYear: FIRST_YEAR,
      respondents: RESPONDENTS,
      // The last quarter stays open: its point is provisional.
      leaveLastOpen: true,
    });
  });

  afterAll(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should answer the maturity timeline of sixty quarters while /health/live keeps answering', async () => {
    await restart();
    const { value, took, slowest } = await whileProbing(() =>
      must<{ maturityTimeline: TimelinePoint[] }>(TIMELINE),
    );
    expect(value.maturityTimeline.map((point) => point.at)).toEqual(
      Array.from({ length: ASSESSMENTS }, (_, quarter) => `${quarterEnd(FIRST_YEAR, quarter)}T00:00:00.000Z`),
    );
    // Every cell rated each quarter by 40 respondents at levels 1-5 in turn: a mean of 3, so 50.
    expect(value.maturityTimeline.every((point) => point.coverage === 1)).toBe(true);
    expect(value.maturityTimeline[0]?.customerCentricityIndex).toBeCloseTo(50, 9);
    // Before, the whole read held the event loop: the slowest probe waited about as long as the
    // read took. Relative to the read (with a 1 s floor), so a machine busy with other tests slows
    // both alike.
    expect(slowest).toBeLessThan(Math.max(1_000, took / 4));
  });

  it('should list the assessments with how many ratings each holds while /health/live keeps answering', async () => {
    await restart();
    const { value, took, slowest } = await whileProbing(() =>
      must<{ assessments: ListedAssessment[] }>(ASSESSMENTS_LIST),
    );
    expect(value.assessments).toHaveLength(ASSESSMENTS);
    expect(value.assessments.map((assessment) => assessment.id)).toEqual(
      Array.from({ length: ASSESSMENTS }, (_, quarter) => `q${quarter}`),
    );
    expect(value.assessments.every((assessment) => assessment.ratingCount === RATINGS_PER_ASSESSMENT)).toBe(
      true,
    );
    expect(value.assessments.at(-1)?.status).toBe('OPEN');
    expect(slowest).toBeLessThan(Math.max(1_000, took / 4));

    // The one being looked at, with its ratings: as many as the list said.
    const chosen = await must<{ assessment: { ratings: { respondentId: string | null }[] } }>(
      `query { assessment(id: "q${ASSESSMENTS - 1}") { ratings { respondentId } } }`,
    );
    expect(chosen.assessment.ratings).toHaveLength(RATINGS_PER_ASSESSMENT);
  });

  it('should send every rating of every assessment while /health/live keeps answering', async () => {
    // Each assessment's ratings are sent in a turn of their own, with other requests served between.
    const { value, took, slowest } = await whileProbing(() =>
      must<{ assessments: { id: string; ratings: { level: number }[] }[] }>(EVERY_RATING),
    );
    expect(value.assessments).toHaveLength(ASSESSMENTS);
    expect(
      value.assessments.every((assessment) => assessment.ratings.length === RATINGS_PER_ASSESSMENT),
    ).toBe(true);
    expect(slowest).toBeLessThan(Math.max(1_000, took / 4));
  });
});
