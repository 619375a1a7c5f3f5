// Attacks on input: oversized ids that would be written with every event, impossible or far-away
// dates, control characters that disguise names, and numbers that overflow the scores. Each is
// refused with BAD_USER_INPUT naming the field, and writes nothing.
import { startTestApi, type GraphQLAnswer, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

describe('Input bounds (e2e)', () => {
  let api: TestApi;
  let capabilityId: string;

  const storedEvents = async (): Promise<number> =>
    (
      await api.mustQuery<{ verifyIntegrity: { checkedEvents: number } }>(
        '{ verifyIntegrity { checkedEvents } }',
      )
    ).verifyIntegrity.checkedEvents;

  /** Runs the attack and checks it was refused as bad input naming `field`, with nothing written. */
  async function expectRefused(
    field: string,
    attack: () => Promise<GraphQLAnswer<unknown>>,
  ): Promise<string> {
    const before = await storedEvents();
    const answer = await attack();
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await storedEvents()).toBe(before);
    return answer.errors?.[0]?.message ?? '';
  }

  beforeAll(async () => {
    api = await startTestApi();
    const models = await api.mustQuery<{ maturityModels: { capabilities: { id: string }[] }[] }>(
      '{ maturityModels { capabilities { id } } }',
    );
    capabilityId = models.maturityModels[0]!.capabilities[0]!.id;
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    for (const functionId of ['desk', 'housekeeping'])
      await api.mustQuery(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "hotel", functionId: $f, name: $n }) { id } }',
        { f: functionId, n: functionId },
      );
    await api.mustQuery(
      'mutation { openAssessment(input: { organizationId: "hotel", assessmentId: "q1", title: "Q1", periodEnd: "2024-03-31" }) { id } }',
    );
  });

  afterAll(async () => {
    await api.close();
  });

  describe('a 950 KB commandId', () => {
    const huge = 'c'.repeat(950_000);

    it('should be refused on openAssessment, naming commandId, and write nothing', async () => {
      const message = await expectRefused('commandId', () =>
        api.graphql('mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }', {
          input: { organizationId: 'hotel', title: 'Q2', periodEnd: '2024-06-30', commandId: huge },
        }),
      );
      expect(message.length).toBeLessThan(500);
    });

    it('should be refused on a mutation taking commandId as an argument', async () => {
      await expectRefused('commandId', () =>
        api.graphql('mutation($c: ID) { closeAssessment(assessmentId: "q1", commandId: $c) { id } }', {
          c: huge,
        }),
      );
    });

    it('should refuse 129 characters and accept 128', async () => {
      await expectRefused('commandId', () =>
        api.graphql('mutation($c: ID) { approveInvestment(investmentId: "none", commandId: $c) { id } }', {
          c: 'x'.repeat(129),
        }),
      );
      const answer = await api.graphql(
        'mutation($c: ID) { addFunction(input: { organizationId: "hotel", functionId: "sales", name: "Sales", commandId: $c }) { id } }',
        { c: 'x'.repeat(128) },
      );
      expect(answer.errors).toBeUndefined();
    });
  });

  describe('impossible and far-away dates', () => {
    it('should refuse 2025-02-30 written in the query instead of storing 2025-03-02', async () => {
      await expectRefused('periodEnd', () =>
        api.graphql(
          'mutation { openAssessment(input: { organizationId: "hotel", title: "Feb", periodEnd: "2025-02-30" }) { periodEnd } }',
        ),
      );
    });

    it('should refuse 2025-02-30 passed as a variable, naming the input field', async () => {
      await expectRefused('input.periodEnd', () =>
        api.graphql(
          'mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { periodEnd } }',
          {
            input: { organizationId: 'hotel', title: 'Feb', periodEnd: '2025-02-30' },
          },
        ),
      );
    });

    it('should refuse deployedAt 9999-12-31, which would break the realisation forever', async () => {
      await api.mustQuery(
        'mutation($c: ID!) { planInvestment(input: { organizationId: "hotel", investmentId: "crm", name: "CRM", kind: CAPITAL, cost: 10, lagMonths: 1, effects: [{ functionId: "desk", capabilityId: $c, low: 0, likely: 1, high: 1 }] }) { id } }',
        { c: capabilityId },
      );
      await api.mustQuery('mutation { approveInvestment(investmentId: "crm") { id } }');
      await expectRefused('deployedAt', () =>
        api.graphql('mutation { deployInvestment(investmentId: "crm", deployedAt: "9999-12-31") { id } }'),
      );
      await expectRefused('asOf', () =>
        api.graphql('{ maturity(organizationId: "hotel", asOf: "1899-12-31") { coverage } }'),
      );
      await api.mustQuery(
        'mutation { deployInvestment(investmentId: "crm", deployedAt: "2024-07-01") { id } }',
      );
      const realisation = await api.graphql('{ investmentRealisation(investmentId: "crm") { due } }');
      expect(realisation.errors).toBeUndefined();
    });
  });

  describe('control characters in single-line fields', () => {
    it.each([
      ['a NUL', 'Front\u0000desk'],
      ['an ANSI escape', 'Front \u001b[31mdesk'],
      ['a right-to-left override', 'Front desk\u202Efdp.exe'],
      ['a lone surrogate', 'Front \ud800 desk'],
      ['a line break', 'Front\ndesk'],
    ])('should refuse %s in a function name', async (_what, name) => {
      await expectRefused('name', () =>
        api.graphql(
          'mutation($n: String!) { addFunction(input: { organizationId: "hotel", functionId: "evil", name: $n }) { id } }',
          {
            n: name,
          },
        ),
      );
    });

    it('should refuse a bidi override in an assessment title and in a token label', async () => {
      await expectRefused('title', () =>
        api.graphql(
          'mutation($t: String!) { openAssessment(input: { organizationId: "hotel", title: $t, periodEnd: "2024-06-30" }) { id } }',
          {
            t: 'Q2\u202E',
          },
        ),
      );
      await expectRefused('label', () =>
        api.graphql(
          'mutation($l: String) { issueApiToken(role: AUDITOR, organizationIds: ["hotel"], label: $l) { tokenId } }',
          {
            l: 'ops\u0007',
          },
        ),
      );
    });

    it('should keep line breaks in evidence', async () => {
      const answer = await api.mustQuery<{ recordRating: { ratings: { evidence: string }[] } }>(
        'mutation($c: ID!, $e: String) { recordRating(input: { assessmentId: "q1", functionId: "desk", capabilityId: $c, level: 3, source: SELF, evidence: $e }) { ratings { evidence } } }',
        { c: capabilityId, e: 'Seen on Monday.\nSeen again on Friday.' },
      );
      expect(answer.recordRating.ratings[0]?.evidence).toBe('Seen on Monday.\nSeen again on Friday.');
    });
  });

  describe('numbers that overflow the scores', () => {
    it('should refuse a link weight of 1e308 and keep the alignment index a number', async () => {
      const message = await expectRefused('weight', () =>
        api.graphql(
          'mutation { linkFunctions(input: { organizationId: "hotel", from: "desk", to: "housekeeping", weight: 1e308 }) { id } }',
        ),
      );
      expect(message).toMatch(/at most 1000/);
      await api.mustQuery(
        'mutation($c: ID!) { recordRating(input: { assessmentId: "q1", functionId: "housekeeping", capabilityId: $c, level: 1, source: SELF }) { id } }',
        { c: capabilityId },
      );
      const view = await api.mustQuery<{ maturity: { alignmentIndex: number | null } }>(
        '{ maturity(organizationId: "hotel") { alignmentIndex } }',
      );
      expect(typeof view.maturity.alignmentIndex).toBe('number');
    });

    it('should refuse a cost of 1e300 and a budget of 1e300', async () => {
      await expectRefused('cost', () =>
        api.graphql(
          'mutation($c: ID!) { planInvestment(input: { organizationId: "hotel", name: "Gold", kind: CAPITAL, cost: 1e300, lagMonths: 1, effects: [{ functionId: "desk", capabilityId: $c, low: 0, likely: 1, high: 1 }] }) { id } }',
          { c: capabilityId },
        ),
      );
      await expectRefused('budget', () =>
        api.graphql(
          '{ optimizePortfolio(organizationId: "hotel", candidateIds: ["crm"], budget: 1e300) { objective } }',
        ),
      );
    });
  });
});
