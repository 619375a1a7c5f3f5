// maturityChange and compareOrganizations over HTTP against the real api, checked against numbers
// worked out by hand (see report-fixtures.ts for the ratings).
import { startTestApi, type GraphQLAnswer, type TestApi } from '../support/test-api';
import { northSite, ReportFixtures } from './report-fixtures';

// Starting the api and recording the fixtures takes over 5 s on a busy machine.
jest.setTimeout(60_000);

const INDICES = 'customerCentricityIndex alignmentIndex targetAttainment';
const MATURITY_CHANGE = `query($o: ID!, $from: DateTime!, $to: DateTime!, $knownAt: DateTime) {
  maturityChange(organizationId: $o, from: $from, to: $to, knownAt: $knownAt) {
    organizationId from to knownAt
    before { ${INDICES} } after { ${INDICES} }
    cells { functionId capabilityId before after delta } } }`;
const COMPARE = `query($ids: [ID!]!, $asOf: DateTime, $knownAt: DateTime) {
  compareOrganizations(organizationIds: $ids, asOf: $asOf, knownAt: $knownAt) {
    organizationId name ${INDICES} coverage capabilityLevels { capabilityId level } } }`;

interface Indices {
  customerCentricityIndex: number | null;
  alignmentIndex: number | null;
  targetAttainment: number | null;
}
interface ChangeAnswer {
  maturityChange: {
    organizationId: string;
    from: string;
    to: string;
    knownAt: string | null;
    before: Indices;
    after: Indices;
    cells: {
      functionId: string;
      capabilityId: string;
      before: number | null;
      after: number | null;
      delta: number | null;
    }[];
  };
}
interface CompareAnswer {
  compareOrganizations: (Indices & {
    organizationId: string;
    name: string;
    coverage: number;
    capabilityLevels: { capabilityId: string; level: number | null }[];
  })[];
}

const firstError = (answer: GraphQLAnswer<unknown>) => answer.errors?.[0];

describe('Reports: maturityChange and compareOrganizations (e2e)', () => {
  let api: TestApi;
  let fixtures: ReportFixtures;
  let knownBeforeSecondCycle: string;

  beforeAll(async () => {
    api = await startTestApi();
    fixtures = new ReportFixtures(api);
    await fixtures.publishSmallModel();
    await fixtures.site('site-early', 'Early site');
    await fixtures.assessment('site-early', 'site-early-q1', '2024-03-31', [
      { functionId: 'front-desk', capabilityId: 'insight', level: 3 },
    ]);
    knownBeforeSecondCycle = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await northSite(fixtures);
    // South: one cycle, front desk insight 5, housekeeping insight 3; no targets.
    await fixtures.site('site-south', 'Interlodge South');
    await fixtures.assessment('site-south', 'site-south-q2', '2024-06-30', [
      { functionId: 'front-desk', capabilityId: 'insight', level: 5 },
      { functionId: 'housekeeping', capabilityId: 'insight', level: 3 },
    ]);
    // On the default model: not comparable with the others.
    await fixtures.site('default-model-site', 'Elsewhere', undefined, null);
  });

  afterAll(async () => {
    await api.close();
  });

  describe('maturityChange', () => {
    it('should give the indices at both dates and every cell rated at either, worked by hand', async () => {
      const { maturityChange } = await api.mustQuery<ChangeAnswer>(MATURITY_CHANGE, {
        o: 'site-north',
        from: '2024-03-31',
        to: '2024-06-30',
      });

      expect(maturityChange).toMatchObject({
        organizationId: 'site-north',
        from: '2024-03-31T00:00:00.000Z',
        to: '2024-06-30T00:00:00.000Z',
        knownAt: null,
      });
      // Before: CCI = 100 (2 * 1/4 + 2 * 3/4) / 4 = 50; AI = 100 (1 - 2 * 2 / (4 * 2)) = 50;
      // TA = 100 (1 - 2 * 2 / (2 * 3 + 2 * 3)) = 66.67.
      expect(maturityChange.before.customerCentricityIndex).toBeCloseTo(50, 10);
      expect(maturityChange.before.alignmentIndex).toBeCloseTo(50, 10);
      expect(maturityChange.before.targetAttainment).toBeCloseTo(200 / 3, 10);
      // After: CCI = 100 (2 * (7/3)/4 + 2 * 3/4 + 1 * 0) / 5 = 53.33; AI = 100 (1 - 2 * (2/3) / 8) = 83.33;
      // TA = 100 (1 - 2 * (2/3) / 12) = 88.89.
      expect(maturityChange.after.customerCentricityIndex).toBeCloseTo(160 / 3, 10);
      expect(maturityChange.after.alignmentIndex).toBeCloseTo(250 / 3, 10);
      expect(maturityChange.after.targetAttainment).toBeCloseTo(800 / 9, 10);
      expect(maturityChange.cells).toHaveLength(3);
      expect(maturityChange.cells[0]).toMatchObject({
        functionId: 'front-desk',
        capabilityId: 'insight',
        before: 2,
      });
      expect(maturityChange.cells[0]?.after).toBeCloseTo(10 / 3, 10);
      expect(maturityChange.cells[0]?.delta).toBeCloseTo(4 / 3, 10);
      expect(maturityChange.cells.slice(1)).toEqual([
        { functionId: 'housekeeping', capabilityId: 'insight', before: 4, after: 4, delta: 0 },
        { functionId: 'housekeeping', capabilityId: 'recovery', before: null, after: 1, delta: null },
      ]);
    });

    it('should read both dates as known at knownAt', async () => {
      const { maturityChange } = await api.mustQuery<ChangeAnswer>(MATURITY_CHANGE, {
        o: 'site-early',
        from: '2024-01-01',
        to: '2024-06-30',
        knownAt: knownBeforeSecondCycle,
      });
      expect(maturityChange.knownAt).toBe(knownBeforeSecondCycle);
      expect(maturityChange.before.customerCentricityIndex).toBeNull();
      // 100 * 2 * (3 - 1) / 4 / 2 = 50.
      expect(maturityChange.after.customerCentricityIndex).toBeCloseTo(50, 10);
      expect(maturityChange.cells).toEqual([
        { functionId: 'front-desk', capabilityId: 'insight', before: null, after: 3, delta: null },
      ]);

      const beforeNorth = await api.graphql<ChangeAnswer>(MATURITY_CHANGE, {
        o: 'site-north',
        from: '2024-03-31',
        to: '2024-06-30',
        knownAt: knownBeforeSecondCycle,
      });
      // North was registered later: as known then, nothing to compare.
      expect(beforeNorth.errors).toBeUndefined();
      expect(beforeNorth.data?.maturityChange.cells).toEqual([]);
    });

    it('should give the timeline as known at knownAt too', async () => {
      const TIMELINE = `query($o: ID!, $knownAt: DateTime) { maturityTimeline(organizationId: $o, knownAt: $knownAt) { at } }`;
      const now = await api.mustQuery<{ maturityTimeline: { at: string }[] }>(TIMELINE, { o: 'site-north' });
      expect(now.maturityTimeline.map((point) => point.at)).toEqual([
        '2024-03-31T00:00:00.000Z',
        '2024-06-30T00:00:00.000Z',
      ]);
      const then = await api.mustQuery<{ maturityTimeline: { at: string }[] }>(TIMELINE, {
        o: 'site-north',
        knownAt: knownBeforeSecondCycle,
      });
      expect(then.maturityTimeline).toEqual([]);
    });

    it('should refuse from after to, naming from', async () => {
      const answer = await api.graphql(MATURITY_CHANGE, {
        o: 'site-north',
        from: '2024-06-30',
        to: '2024-03-31',
      });
      expect(firstError(answer)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    });

    it('should refuse a malformed date, naming it', async () => {
      const from = await api.graphql(MATURITY_CHANGE, {
        o: 'site-north',
        from: 'last spring',
        to: '2024-03-31',
      });
      expect(firstError(from)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
      const knownAt = await api.graphql(MATURITY_CHANGE, {
        o: 'site-north',
        from: '2024-01-01',
        to: '2024-03-31',
        knownAt: '31/03/2024',
      });
      expect(firstError(knownAt)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt' });
    });

    it('should answer an unknown organisation NOT_FOUND, naming the field', async () => {
      const answer = await api.graphql(MATURITY_CHANGE, {
        o: 'no-such-site',
        from: '2024-01-01',
        to: '2024-03-31',
      });
      expect(firstError(answer)?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
    });
  });

  describe('compareOrganizations', () => {
    it('should put organisations side by side in the order asked, worked by hand', async () => {
      const { compareOrganizations } = await api.mustQuery<CompareAnswer>(COMPARE, {
        ids: ['site-south', 'site-north'],
      });

      expect(compareOrganizations.map((site) => [site.organizationId, site.name])).toEqual([
        ['site-south', 'Interlodge South'],
        ['site-north', 'Interlodge North'],
      ]);
      const [south, north] = compareOrganizations;
      // South: CCI = 100 (2 * 4/4 + 2 * 2/4) / 4 = 75; AI = 100 (1 - 2 * 2 / 8) = 50; no targets.
      expect(south?.customerCentricityIndex).toBeCloseTo(75, 10);
      expect(south?.alignmentIndex).toBeCloseTo(50, 10);
      expect(south?.targetAttainment).toBeNull();
      expect(south?.coverage).toBe(0.5);
      expect(south?.capabilityLevels).toEqual([
        { capabilityId: 'insight', level: 4 },
        { capabilityId: 'recovery', level: null },
      ]);
      expect(north?.customerCentricityIndex).toBeCloseTo(160 / 3, 10);
      expect(north?.alignmentIndex).toBeCloseTo(250 / 3, 10);
      expect(north?.targetAttainment).toBeCloseTo(800 / 9, 10);
      expect(north?.coverage).toBe(0.75);
      // Insight: the plain mean of 10/3 and 4 = 11/3; recovery: housekeeping's 1 alone.
      expect(north?.capabilityLevels[0]?.capabilityId).toBe('insight');
      expect(north?.capabilityLevels[0]?.level).toBeCloseTo(11 / 3, 10);
      expect(north?.capabilityLevels[1]).toEqual({ capabilityId: 'recovery', level: 1 });
    });

    it('should compare as of a past date', async () => {
      const { compareOrganizations } = await api.mustQuery<CompareAnswer>(COMPARE, {
        ids: ['site-north', 'site-south'],
        asOf: '2024-03-31',
      });
      expect(compareOrganizations[0]?.capabilityLevels).toEqual([
        { capabilityId: 'insight', level: 3 },
        { capabilityId: 'recovery', level: null },
      ]);
      expect(compareOrganizations[1]).toMatchObject({
        customerCentricityIndex: null,
        alignmentIndex: null,
        coverage: 0,
      });
    });

    it('should refuse organisations on different models, naming the field', async () => {
      const answer = await api.graphql(COMPARE, { ids: ['site-north', 'default-model-site'] });
      expect(firstError(answer)?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organizationIds',
      });
      expect(answer.data).toBeNull();
    });

    it('should refuse an empty list and a list naming one organisation twice', async () => {
      for (const ids of [[], ['site-north', 'site-north']]) {
        const answer = await api.graphql(COMPARE, { ids });
        expect(firstError(answer)?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'organizationIds',
        });
      }
    });

    it('should answer an unreachable organisation exactly as an unknown one, naming neither', async () => {
      const northOnly = await fixtures.token('AUDITOR', ['site-north']);
      const unreachable = await api.graphql(COMPARE, { ids: ['site-north', 'site-south'] }, northOnly);
      const unknown = await api.graphql(COMPARE, { ids: ['site-north', 'no-such-site'] }, northOnly);

      expect(firstError(unreachable)?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'organizationIds',
      });
      expect(unreachable.errors).toEqual(unknown.errors);
      expect(JSON.stringify(unreachable.errors)).not.toContain('site-south');
      expect(JSON.stringify(unknown.errors)).not.toContain('no-such-site');

      const reachable = await api.mustQuery<CompareAnswer>(COMPARE, { ids: ['site-north'] }, northOnly);
      expect(reachable.compareOrganizations.map((site) => site.organizationId)).toEqual(['site-north']);
    });
  });
});
