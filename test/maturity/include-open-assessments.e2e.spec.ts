// Leaving open assessments out (includeOpenAssessments: false) over HTTP against the real api on a
// real SQLite file: the view, the timeline and the change count only closed assessments, and
// nothing is provisional; by default the open one counts, provisionally, as before.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

describe('includeOpenAssessments over GraphQL', () => {
  let api: TestApi;

  const maturity = (includeOpenAssessments?: boolean) =>
    api.mustQuery<{
      maturity: {
        customerCentricityIndex: number;
        cells: { level: number | null }[];
        openAssessments: { assessmentId: string }[];
      };
    }>(
      `query($open: Boolean) { maturity(organizationId: "inn", includeOpenAssessments: $open) {
        customerCentricityIndex cells { level } openAssessments { assessmentId } } }`,
      { open: includeOpenAssessments ?? null },
    );

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery('mutation { registerOrganization(input: { id: "inn", name: "Inn" }) { id } }');
    await api.mustQuery(
      'mutation { addFunction(input: { organizationId: "inn", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }',
    );
    for (const [assessmentId, periodEnd, level] of [
      ['spring', '2025-03-31', 2],
      ['pulse', '2025-06-30', 5],
    ] as const) {
      await api.mustQuery(
        'mutation($a: ID!, $t: String!, $p: DateTime!) { openAssessment(input: { organizationId: "inn", assessmentId: $a, title: $t, periodEnd: $p }) { id } }',
        { a: assessmentId, t: assessmentId, p: periodEnd },
      );
      await api.mustQuery(
        'mutation($a: ID!, $l: Int!) { recordRating(input: { assessmentId: $a, functionId: "front-desk", capabilityId: "customer-insight", level: $l, source: SELF }) { id } }',
        { a: assessmentId, l: level },
      );
    }
    await api.mustQuery('mutation { closeAssessment(assessmentId: "spring") { id } }');
  });
  afterAll(async () => {
    await api.close();
  });

  it('should count the open assessment by default, provisionally', async () => {
    for (const answer of [await maturity(), await maturity(true)]) {
      expect(answer.maturity.cells.map((cell) => cell.level).filter((level) => level !== null)).toEqual([5]);
      expect(answer.maturity.openAssessments.map((open) => open.assessmentId)).toEqual(['pulse']);
    }
  });

  it('should leave the open assessment out of the view, the timeline and the change when asked', async () => {
    const closedOnly = await maturity(false);
    expect(closedOnly.maturity.cells.map((cell) => cell.level).filter((level) => level !== null)).toEqual([
      2,
    ]);
    expect(closedOnly.maturity.openAssessments).toEqual([]);
    // A default read afterwards still counts it: leaving it out is never remembered as the current view.
    expect(
      (await maturity()).maturity.cells.map((cell) => cell.level).filter((level) => level !== null),
    ).toEqual([5]);

    const timeline = await api.mustQuery<{ maturityTimeline: { at: string; provisional: boolean }[] }>(
      '{ maturityTimeline(organizationId: "inn", includeOpenAssessments: false) { at provisional } }',
    );
    expect(timeline.maturityTimeline).toEqual([{ at: '2025-03-31T00:00:00.000Z', provisional: false }]);

    const change = await api.mustQuery<{ maturityChange: { cells: { delta: number | null }[] } }>(
      '{ maturityChange(organizationId: "inn", from: "2025-03-31", to: "2025-06-30", includeOpenAssessments: false) { cells { delta } } }',
    );
    expect(change.maturityChange.cells.map((cell) => cell.delta)).toEqual([0]);
  });
});
