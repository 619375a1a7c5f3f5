// One sample call of every operation in the access policy, on a given organisation's resources.
// The access matrix runs each for every role, inside and outside the token's organisations.
import type { RootType } from '../../apps/api/src/auth/access-policy';

export interface OrganizationFixture {
  organizationId: string;
  functionIds: [string, string];
  capabilityId: string;
  assessmentId: string;
  investmentId: string;
  /** An invitation of the assessment that the samples may revoke (not the matrix's RATER's own). */
  spareInvitationId: string;
}

export interface SampleCall {
  query: string;
  variables?: Record<string, unknown>;
}

export type Sample = (fixture: OrganizationFixture, unique: string) => SampleCall;

const rating = (fixture: OrganizationFixture) => ({
  assessmentId: fixture.assessmentId,
  functionId: fixture.functionIds[0],
  capabilityId: fixture.capabilityId,
  level: 3,
  source: 'SELF',
});

export const SAMPLES: Record<RootType, Record<string, Sample>> = {
  Query: {
    me: () => ({ query: '{ me { role allowedOperations } }' }),
    maturityModels: () => ({ query: '{ maturityModels { id } }' }),
    organizations: () => ({ query: '{ organizations { id } }' }),
    organization: (f) => ({
      query: 'query($id: ID!) { organization(id: $id) { id } }',
      variables: { id: f.organizationId },
    }),
    assessment: (f) => ({
      query: 'query($id: ID!) { assessment(id: $id) { id } }',
      variables: { id: f.assessmentId },
    }),
    checkRatings: (f) => {
      const { assessmentId, ...one } = rating(f);
      return {
        query: 'query($input: CheckRatingsInput!) { checkRatings(input: $input) { index } }',
        variables: { input: { assessmentId, ratings: [one] } },
      };
    },
    assessments: (f) => ({
      query: 'query($o: ID!) { assessments(organizationId: $o) { id } }',
      variables: { o: f.organizationId },
    }),
    investment: (f) => ({
      query: 'query($id: ID!) { investment(id: $id) { id } }',
      variables: { id: f.investmentId },
    }),
    investments: (f) => ({
      query: 'query($o: ID!) { investments(organizationId: $o) { id } }',
      variables: { o: f.organizationId },
    }),
    maturity: (f) => ({
      query: 'query($o: ID!) { maturity(organizationId: $o) { coverage } }',
      variables: { o: f.organizationId },
    }),
    maturityTimeline: (f) => ({
      query: 'query($o: ID!) { maturityTimeline(organizationId: $o) { coverage } }',
      variables: { o: f.organizationId },
    }),
    maturityChange: (f) => ({
      query:
        'query($o: ID!) { maturityChange(organizationId: $o, from: "2024-01-01", to: "2024-12-31") { cells { delta } } }',
      variables: { o: f.organizationId },
    }),
    compareOrganizations: (f) => ({
      query: 'query($o: [ID!]!) { compareOrganizations(organizationIds: $o) { coverage } }',
      variables: { o: [f.organizationId] },
    }),
    simulateInvestments: (f) => ({
      query:
        'query($o: ID!, $i: [ID!]!) { simulateInvestments(organizationId: $o, investmentIds: $i, trials: 10) { warnings { code } } }',
      variables: { o: f.organizationId, i: [f.investmentId] },
    }),
    optimizePortfolio: (f) => ({
      query:
        'query($o: ID!, $i: [ID!]!) { optimizePortfolio(organizationId: $o, candidateIds: $i, budget: 100) { totalCost } }',
      variables: { o: f.organizationId, i: [f.investmentId] },
    }),
    investmentRealisation: (f) => ({
      query: 'query($i: ID!) { investmentRealisation(investmentId: $i) { due } }',
      variables: { i: f.investmentId },
    }),
    scenarios: (f) => ({
      query: 'query($o: ID!) { scenarios(organizationId: $o) { id } }',
      variables: { o: f.organizationId },
    }),
    history: (f) => ({
      query: 'query($o: ID!) { history(organizationId: $o, first: 1) { pageInfo { hasNextPage } } }',
      variables: { o: f.organizationId },
    }),
    verifyIntegrity: (f) => ({
      query: 'query($o: ID) { verifyIntegrity(organizationId: $o) { ok } }',
      variables: { o: f.organizationId },
    }),
    apiTokens: () => ({ query: '{ apiTokens { tokenId } }' }),
    invitations: (f) => ({
      query: 'query($a: ID!) { invitations(assessmentId: $a) { id } }',
      variables: { a: f.assessmentId },
    }),
    checkInvitations: (f) => ({
      query: 'query($input: InviteRatersInput!) { checkInvitations(input: $input) { index } }',
      variables: {
        input: {
          assessmentId: f.assessmentId,
          invitations: [{ source: 'AUDIT', functionIds: [f.functionIds[0]] }],
        },
      },
    }),
    forgottenRespondents: (f) => ({
      query: 'query($o: ID!) { forgottenRespondents(organizationId: $o) { respondentId } }',
      variables: { o: f.organizationId },
    }),
    campaignProgress: (f) => ({
      query: 'query($a: ID!) { campaignProgress(assessmentId: $a) { invited } }',
      variables: { a: f.assessmentId },
    }),
    // The caller's own questionnaire: the link, not an argument, says which.
    questionnaire: () => ({ query: '{ questionnaire { invitationId } }' }),
  },
  Mutation: {
    loadDemo: () => ({ query: 'mutation { loadDemo { organizationId } }' }),
    registerOrganization: (_f, unique) => ({
      query: 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
      variables: { input: { id: `org-${unique}`, name: 'New' } },
    }),
    addFunction: (f, unique) => ({
      query: 'mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }',
      variables: {
        input: { organizationId: f.organizationId, functionId: `function-${unique}`, name: 'Function' },
      },
    }),
    linkFunctions: (f) => ({
      query: 'mutation($input: LinkFunctionsInput!) { linkFunctions(input: $input) { id } }',
      variables: {
        input: { organizationId: f.organizationId, from: f.functionIds[0], to: f.functionIds[1], weight: 2 },
      },
    }),
    updateFunction: (f, unique) => ({
      query: 'mutation($input: UpdateFunctionInput!) { updateFunction(input: $input) { id } }',
      variables: {
        input: { organizationId: f.organizationId, functionId: f.functionIds[1], name: `Renamed ${unique}` },
      },
    }),
    // Dated in the future, so an allowed caller is refused the input and the fixture keeps its functions.
    retireFunction: (f) => ({
      query: 'mutation($input: RetireFunctionInput!) { retireFunction(input: $input) { id } }',
      variables: {
        input: {
          organizationId: f.organizationId,
          functionId: f.functionIds[1],
          effectiveFrom: '2099-01-01',
          reason: 'Access sample',
        },
      },
    }),
    unlinkFunctions: (f) => ({
      query: 'mutation($input: UnlinkFunctionsInput!) { unlinkFunctions(input: $input) { id } }',
      variables: {
        input: { organizationId: f.organizationId, from: f.functionIds[0], to: f.functionIds[1] },
      },
    }),
    clearTarget: (f) => ({
      query: 'mutation($input: ClearTargetInput!) { clearTarget(input: $input) { id } }',
      variables: { input: { organizationId: f.organizationId, capabilityId: f.capabilityId } },
    }),
    setTarget: (f) => ({
      query: 'mutation($input: SetTargetInput!) { setTarget(input: $input) { id } }',
      variables: { input: { organizationId: f.organizationId, capabilityId: f.capabilityId, level: 4 } },
    }),
    setTargets: (f) => ({
      query: 'mutation($input: SetTargetsInput!) { setTargets(input: $input) { id } }',
      variables: {
        input: { organizationId: f.organizationId, targets: [{ capabilityId: f.capabilityId, level: 4 }] },
      },
    }),
    openAssessment: (f, unique) => ({
      query: 'mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }',
      variables: {
        input: {
          organizationId: f.organizationId,
          assessmentId: `assessment-${unique}`,
          title: 'Q',
          periodEnd: '2024-06-30',
        },
      },
    }),
    recordRating: (f) => ({
      query: 'mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }',
      variables: { input: rating(f) },
    }),
    recordRatings: (f) => {
      const { assessmentId, ...one } = rating(f);
      return {
        query: 'mutation($input: RecordRatingsInput!) { recordRatings(input: $input) { id } }',
        variables: { input: { assessmentId, ratings: [one] } },
      };
    },
    correctRating: (f) => ({
      query: 'mutation($input: CorrectRatingInput!) { correctRating(input: $input) { id } }',
      variables: { input: { ...rating(f), reason: 'typo' } },
    }),
    forgetRespondent: (f, unique) => ({
      query:
        'mutation($o: ID!, $r: ID!) { forgetRespondent(organizationId: $o, respondentId: $r, reason: "request 17") }',
      variables: { o: f.organizationId, r: `respondent-${unique}` },
    }),
    redactEvidence: (f) => ({
      query: 'mutation($input: RedactEvidenceInput!) { redactEvidence(input: $input) }',
      variables: {
        input: {
          assessmentId: f.assessmentId,
          functionId: f.functionIds[0],
          capabilityId: f.capabilityId,
          source: 'SELF',
          reason: 'wrong paste',
        },
      },
    }),
    inviteRaters: (f, unique) => ({
      query: 'mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }',
      variables: {
        input: {
          assessmentId: f.assessmentId,
          invitations: [
            { respondentId: `person-${unique}`, source: 'AUDIT', functionIds: [f.functionIds[0]] },
          ],
        },
      },
    }),
    revokeInvitation: (f) => ({
      query: 'mutation($i: ID!) { revokeInvitation(invitationId: $i) { id } }',
      variables: { i: f.spareInvitationId },
    }),
    reissueInvitation: (f, unique) => ({
      query: 'mutation($i: ID!, $c: ID) { reissueInvitation(invitationId: $i, commandId: $c) { token } }',
      variables: { i: f.spareInvitationId, c: unique },
    }),
    reissueInvitations: (f, unique) => ({
      query:
        'mutation($a: ID!, $i: [ID!]!, $c: ID) { reissueInvitations(assessmentId: $a, invitationIds: $i, commandId: $c) { token } }',
      variables: { a: f.assessmentId, i: [f.spareInvitationId], c: unique },
    }),
    answerQuestion: (f) => ({
      query: 'mutation($input: AnswerInput!) { answerQuestion(input: $input) { answered } }',
      variables: { input: { functionId: f.functionIds[0], capabilityId: f.capabilityId, level: 3 } },
    }),
    // The rater's one question, answered by the sample above: let through, then CONFLICT (already answered).
    setQuestionAside: (f) => ({
      query: 'mutation($input: SetQuestionAsideInput!) { setQuestionAside(input: $input) { notSure } }',
      variables: { input: { functionId: f.functionIds[0], capabilityId: f.capabilityId } },
    }),
    closeAssessment: (f) => ({
      query: 'mutation($a: ID!) { closeAssessment(assessmentId: $a) { id } }',
      variables: { a: f.assessmentId },
    }),
    // A blank reason: let through, the call is refused as BAD_USER_INPUT and withdraws nothing, so the
    // fixture's assessment stays open for the other samples.
    withdrawAssessment: (f) => ({
      query: 'mutation($a: ID!) { withdrawAssessment(assessmentId: $a, reason: " ") { id } }',
      variables: { a: f.assessmentId },
    }),
    saveScenario: (f, unique) => ({
      query: 'mutation($input: SaveScenarioInput!) { saveScenario(input: $input) { id } }',
      variables: {
        input: {
          organizationId: f.organizationId,
          scenarioId: `scenario-${unique}`,
          name: 'Option',
          investmentIds: [f.investmentId],
        },
      },
    }),
    deleteScenario: (f, unique) => ({
      query: 'mutation($o: ID!, $s: ID!) { deleteScenario(organizationId: $o, scenarioId: $s) { id } }',
      variables: { o: f.organizationId, s: `scenario-${unique}` },
    }),
    chooseScenarioForBoard: (f) => ({
      query: 'mutation($o: ID!) { chooseScenarioForBoard(organizationId: $o, scenarioId: null) { id } }',
      variables: { o: f.organizationId },
    }),
    planInvestment: (f, unique) => ({
      query: 'mutation($input: PlanInvestmentInput!) { planInvestment(input: $input) { id } }',
      variables: {
        input: {
          organizationId: f.organizationId,
          investmentId: `investment-${unique}`,
          name: 'Training',
          kind: 'OPERATIONAL',
          cost: 10,
          lagMonths: 0,
          effects: [
            { functionId: f.functionIds[0], capabilityId: f.capabilityId, low: 0, likely: 0.5, high: 1 },
          ],
        },
      },
    }),
    reviseInvestment: (f, unique) => ({
      query: 'mutation($input: ReviseInvestmentInput!) { reviseInvestment(input: $input) { id } }',
      variables: { input: { investmentId: f.investmentId, name: `Training ${unique}` } },
    }),
    approveInvestment: (f) => ({
      query: 'mutation($i: ID!) { approveInvestment(investmentId: $i) { id } }',
      variables: { i: f.investmentId },
    }),
    deployInvestment: (f) => ({
      query: 'mutation($i: ID!) { deployInvestment(investmentId: $i, deployedAt: "2024-07-01") { id } }',
      variables: { i: f.investmentId },
    }),
    cancelInvestment: (f) => ({
      query: 'mutation($i: ID!) { cancelInvestment(investmentId: $i) { id } }',
      variables: { i: f.investmentId },
    }),
    publishMaturityModel: (_f, unique) => ({
      query: 'mutation($input: PublishMaturityModelInput!) { publishMaturityModel(input: $input) { id } }',
      variables: {
        input: {
          id: `model-${unique}`,
          name: 'Model',
          levels: [
            { value: 1, name: 'Low' },
            { value: 2, name: 'High' },
          ],
          capabilities: [{ id: 'listening', name: 'Listening', dimension: 'Insight' }],
        },
      },
    }),
    issueApiToken: (f) => ({
      query: 'mutation($o: [ID!]!) { issueApiToken(role: AUDITOR, organizationIds: $o) { tokenId } }',
      variables: { o: [f.organizationId] },
    }),
    revokeApiToken: () => ({
      query: 'mutation { revokeApiToken(tokenId: "token-never-issued") { tokenId } }',
    }),
  },
  Subscription: {
    maturityChanged: (f) => ({
      query: 'subscription($o: ID!) { maturityChanged(organizationId: $o) { organizationId } }',
      variables: { o: f.organizationId },
    }),
  },
  // The query string's parameters are the arguments; `query` holds the path.
  Download: {
    'maturity.csv': (f) => ({ query: `/reports/maturity.csv?organizationId=${f.organizationId}` }),
    'maturity.xlsx': (f) => ({
      query: `/reports/maturity.xlsx?organizationId=${f.organizationId}&asOf=2024-12-31`,
    }),
    'history.csv': (f) => ({ query: `/reports/history.csv?organizationId=${f.organizationId}` }),
    'scenarios.xlsx': (f) => ({
      query: `/reports/scenarios.xlsx?organizationId=${f.organizationId}&scenarioIds=never-saved`,
    }),
    'scenarios.csv': (f) => ({
      query: `/reports/scenarios.csv?organizationId=${f.organizationId}&scenarioIds=never-saved`,
    }),
    'comparison.xlsx': (f) => ({ query: `/reports/comparison.xlsx?organizationIds=${f.organizationId}` }),
    'comparison.csv': (f) => ({
      query: `/reports/comparison.csv?organizationIds=${f.organizationId}&asOf=2024-12-31`,
    }),
  },
};
