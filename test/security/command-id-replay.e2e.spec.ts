// Attack: replaying another organisation's commandId. Idempotency is scoped to the organisation and
// the operation: a commandId used by organisation B never returns, reveals or blocks anything when
// organisation A sends a command with it, whatever the operation.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(120_000);

interface AssessmentAnswer {
  id: string;
  organizationId: string;
  title: string;
  ratings: { evidence: string | null }[];
}

interface InvestmentAnswer {
  id: string;
  organizationId: string;
  name: string;
  cost: number;
}

const OPEN = `mutation($input: OpenAssessmentInput!) {
  openAssessment(input: $input) { id organizationId title ratings { evidence } } }`;
const RECORD = `mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }`;
const PLAN = `mutation($input: PlanInvestmentInput!) {
  planInvestment(input: $input) { id organizationId name cost } }`;

describe('Replaying another organisation’s commandId (e2e)', () => {
  let api: TestApi;
  let capabilityId: string;
  const assessor = { alpha: '', beta: '' };
  const planner = { alpha: '', beta: '' };

  async function issue(role: string, organizationId: string): Promise<string> {
    const data = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation($r: Role!, $o: [ID!]!) { issueApiToken(role: $r, organizationIds: $o) { token } }',
      { r: role, o: [organizationId] },
    );
    return data.issueApiToken.token;
  }

  beforeAll(async () => {
    api = await startTestApi();
    const models = await api.mustQuery<{ maturityModels: { capabilities: { id: string }[] }[] }>(
      '{ maturityModels { capabilities { id } } }',
    );
    capabilityId = models.maturityModels[0]!.capabilities[0]!.id;
    for (const organizationId of ['alpha', 'beta'] as const) {
      await api.mustQuery(
        'mutation($id: ID!, $name: String!) { registerOrganization(input: { id: $id, name: $name }) { id } }',
        {
          id: organizationId,
          name: organizationId,
        },
      );
      for (const functionId of ['front-desk', 'housekeeping']) {
        await api.mustQuery(
          'mutation($o: ID!, $f: ID!, $n: String!) { addFunction(input: { organizationId: $o, functionId: $f, name: $n }) { id } }',
          { o: organizationId, f: functionId, n: functionId },
        );
      }
      assessor[organizationId] = await issue('ASSESSOR', organizationId);
      planner[organizationId] = await issue('PLANNER', organizationId);
    }
  });

  afterAll(async () => {
    await api.close();
  });

  const openAs = async (organizationId: 'alpha' | 'beta', commandId: string, title: string) => {
    const answer = await api.graphql<{ openAssessment: AssessmentAnswer }>(
      OPEN,
      { input: { organizationId, title, periodEnd: '2024-06-30', commandId } },
      assessor[organizationId],
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.openAssessment;
  };

  it('should open a new assessment of its own organisation, never answer with the other one’s, when openAssessment replays its commandId', async () => {
    const theirs = await openAs('beta', 'open-q2', 'Beta Q2');
    await api.mustQuery(
      RECORD,
      {
        input: {
          assessmentId: theirs.id,
          functionId: 'front-desk',
          capabilityId,
          level: 2,
          source: 'SELF',
          evidence: 'beta confidential evidence',
          commandId: 'rate-1',
        },
      },
      assessor.beta,
    );

    const mine = await openAs('alpha', 'open-q2', 'Alpha Q2');
    expect(mine).toEqual({
      id: expect.any(String) as string,
      organizationId: 'alpha',
      title: 'Alpha Q2',
      ratings: [],
    });
    expect(mine.id).not.toBe(theirs.id);
    expect(JSON.stringify(mine)).not.toContain('beta');

    // Each organisation sees exactly its own assessment, and the first one is untouched.
    const alphaList = await api.mustQuery<{ assessments: { id: string; title: string }[] }>(
      '{ assessments(organizationId: "alpha") { id title } }',
      {},
      assessor.alpha,
    );
    expect(alphaList.assessments).toEqual([{ id: mine.id, title: 'Alpha Q2' }]);
    const betaView = await api.mustQuery<{ assessment: AssessmentAnswer }>(
      'query($id: ID!) { assessment(id: $id) { id organizationId title ratings { evidence } } }',
      { id: theirs.id },
      assessor.beta,
    );
    expect(betaView.assessment).toEqual({
      id: theirs.id,
      organizationId: 'beta',
      title: 'Beta Q2',
      ratings: [{ evidence: 'beta confidential evidence' }],
    });
  });

  it('should not let the first organisation’s commandId answer the second one’s later command either (the reverse order)', async () => {
    const first = await openAs('alpha', 'open-q3', 'Alpha Q3');
    const second = await openAs('beta', 'open-q3', 'Beta Q3');
    expect(second.organizationId).toBe('beta');
    expect(second.title).toBe('Beta Q3');
    expect(second.id).not.toBe(first.id);
    // A true repeat still answers the first result and appends nothing.
    const repeat = await openAs('beta', 'open-q3', 'Beta Q3 again');
    expect(repeat).toEqual(second);
  });

  it('should plan a new investment of its own organisation when planInvestment replays another organisation’s commandId', async () => {
    const plan = (organizationId: 'alpha' | 'beta', name: string, cost: number) =>
      api.graphql<{ planInvestment: InvestmentAnswer }>(
        PLAN,
        {
          input: {
            organizationId,
            name,
            kind: 'CAPITAL',
            cost,
            lagMonths: 1,
            effects: [{ functionId: 'front-desk', capabilityId, low: 0, likely: 1, high: 1 }],
            commandId: 'plan-crm',
          },
        },
        planner[organizationId],
      );
    const theirs = (await plan('beta', 'Beta secret CRM', 750_000)).data!.planInvestment;
    const answer = await plan('alpha', 'Alpha CRM', 1_000);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.planInvestment).toMatchObject({
      organizationId: 'alpha',
      name: 'Alpha CRM',
      cost: 1_000,
    });
    expect(answer.data!.planInvestment.id).not.toBe(theirs.id);
    expect(JSON.stringify(answer)).not.toMatch(/Beta secret|750000/);
  });

  it('should run every mutation of its own organisation when another organisation already used the commandId', async () => {
    // Beta runs each operation with a commandId; alpha then runs the same operation with the same
    // commandId on its own resources and must see its own change applied.
    const steps: { name: string; run: (organizationId: string, token: string) => Promise<unknown> }[] = [
      {
        name: 'addFunction',
        run: (o, token) =>
          api.mustQuery(
            'mutation($o: ID!) { addFunction(input: { organizationId: $o, functionId: "sales", name: "Sales", commandId: "shared-1" }) { id } }',
            { o },
            token,
          ),
      },
      {
        name: 'linkFunctions',
        run: (o, token) =>
          api.mustQuery(
            'mutation($o: ID!) { linkFunctions(input: { organizationId: $o, from: "front-desk", to: "sales", weight: 2, commandId: "shared-2" }) { id } }',
            { o },
            token,
          ),
      },
      {
        name: 'setTarget',
        run: (o, token) =>
          api.mustQuery(
            'mutation($o: ID!, $c: ID!) { setTarget(input: { organizationId: $o, capabilityId: $c, level: 4, commandId: "shared-3" }) { id } }',
            { o, c: capabilityId },
            token,
          ),
      },
    ];
    for (const step of steps) {
      await step.run('beta', api.adminToken);
      await step.run('alpha', api.adminToken);
    }
    const alpha = await api.mustQuery<{
      organization: { functions: { id: string }[]; interactions: unknown[]; targets: unknown[] };
    }>('{ organization(id: "alpha") { functions { id } interactions { from to } targets { level } } }');
    expect(alpha.organization.functions.map((f) => f.id)).toContain('sales');
    expect(alpha.organization.interactions).toHaveLength(1);
    expect(alpha.organization.targets).toHaveLength(1);

    // Assessments and investments: beta's commandIds reused by alpha on alpha's own streams.
    const betaAssessment = await openAs('beta', 'open-shared', 'Beta shared');
    const alphaAssessment = await openAs('alpha', 'open-shared', 'Alpha shared');
    for (const [organizationId, assessmentId] of [
      ['beta', betaAssessment.id],
      ['alpha', alphaAssessment.id],
    ] as const) {
      const token = assessor[organizationId];
      const rating = { assessmentId, functionId: 'front-desk', capabilityId, level: 3, source: 'SELF' };
      await api.mustQuery(RECORD, { input: { ...rating, commandId: 'shared-rating' } }, token);
      await api.mustQuery(
        'mutation($a: ID!) { closeAssessment(assessmentId: $a, commandId: "shared-close") { id } }',
        { a: assessmentId },
        token,
      );
      await api.mustQuery(
        'mutation($input: CorrectRatingInput!) { correctRating(input: $input) { id } }',
        { input: { ...rating, level: 4, reason: 'recount', commandId: 'shared-correct' } },
        token,
      );
    }
    const closed = await api.mustQuery<{ assessment: { status: string; ratings: { level: number }[] } }>(
      'query($id: ID!) { assessment(id: $id) { status ratings { level } } }',
      { id: alphaAssessment.id },
      assessor.alpha,
    );
    expect(closed.assessment).toEqual({ status: 'CLOSED', ratings: [{ level: 4 }] });
  });

  it('should treat a commandId reused by the same organisation for another operation as a new command', async () => {
    await api.mustQuery(
      'mutation { addFunction(input: { organizationId: "alpha", functionId: "maintenance", name: "Maintenance", commandId: "reused" }) { id } }',
    );
    const answer = await api.mustQuery<{ linkFunctions: { interactions: { from: string; to: string }[] } }>(
      'mutation { linkFunctions(input: { organizationId: "alpha", from: "housekeeping", to: "maintenance", commandId: "reused" }) { interactions { from to } } }',
    );
    expect(answer.linkFunctions.interactions).toContainEqual({ from: 'housekeeping', to: 'maintenance' });
  });
});
