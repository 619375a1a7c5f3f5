// Who may run which operation, and on which organisation: one table for every root field of the
// schema. A field missing here is refused (FORBIDDEN), so a new operation fails closed until it
// is given a rule.
import type { RoleName } from '@app/application';

export type GraphQLRootType = 'Query' | 'Mutation' | 'Subscription';
/** GraphQL's root types, and the HTTP downloads (by route name) under the same rules. */
export type RootType = GraphQLRootType | 'Download';

/**
 * Where an operation's organisation comes from. `argument` is a dotted path into the field's
 * arguments (`organizationId`, `input.organizationId`, `id`).
 */
export type OrganizationSource =
  /** The organisation id itself; `optional` when leaving it out means "all" (a global check). */
  | { kind: 'organization'; argument: string; optional?: boolean }
  /**
   * An assessment's organisation. For a caller scoped to some organisations, an unknown assessment
   * answers as one of another organisation does (NOT_FOUND); for the others, as the resolver says.
   */
  | { kind: 'assessment'; argument: string }
  /** An investment's organisation (or each one's, for a list of ids). */
  | { kind: 'investment'; argument: string }
  | { kind: 'investments'; argument: string }
  /** An invitation's organisation; an unknown invitation constrains nothing (it answers NOT_FOUND). */
  | { kind: 'invitation'; argument: string };

export interface AccessRule {
  roles: readonly RoleName[];
  /** Every organisation these name must be one the token reaches; none: a global operation. */
  organizations: readonly OrganizationSource[];
  /** The resolver shows only the caller's organisations (listings without an organisation argument). */
  filtersByOrganization?: boolean;
}

const EVERY_ROLE: readonly RoleName[] = ['ADMIN', 'ASSESSOR', 'PLANNER', 'AUDITOR'];
const ASSESSING: readonly RoleName[] = ['ADMIN', 'ASSESSOR'];
const PLANNING: readonly RoleName[] = ['ADMIN', 'PLANNER'];
const AUDITING: readonly RoleName[] = ['ADMIN', 'AUDITOR'];
const ADMINISTERING: readonly RoleName[] = ['ADMIN'];
/** A rater's link reaches its own questionnaire and nothing else (the resolver takes the invitation from the link). */
const RATING: readonly RoleName[] = ['RATER'];
/** Who sees the people invited (their labels may name them): the office and its auditors. */
const FOLLOWING_CAMPAIGNS: readonly RoleName[] = ['ADMIN', 'ASSESSOR', 'AUDITOR'];

const organization = (argument: string, optional = false): OrganizationSource => ({
  kind: 'organization',
  argument,
  optional,
});
const assessment = (argument: string): OrganizationSource => ({ kind: 'assessment', argument });
const investment = (argument: string): OrganizationSource => ({ kind: 'investment', argument });
const investments = (argument: string): OrganizationSource => ({ kind: 'investments', argument });
const invitation = (argument: string): OrganizationSource => ({ kind: 'invitation', argument });

export const ACCESS_POLICY: Readonly<Record<RootType, Readonly<Record<string, AccessRule>>>> = {
  Query: {
    // Who the caller is and what it may run: every role, about itself only.
    me: { roles: EVERY_ROLE, organizations: [] },
    maturityModels: { roles: EVERY_ROLE, organizations: [] },
    organizations: { roles: EVERY_ROLE, organizations: [], filtersByOrganization: true },
    organization: { roles: EVERY_ROLE, organizations: [organization('id')] },
    assessment: { roles: EVERY_ROLE, organizations: [assessment('id')] },
    // Checking ratings before recording them: whoever may record them.
    checkRatings: { roles: ASSESSING, organizations: [assessment('input.assessmentId')] },
    assessments: { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    investment: { roles: EVERY_ROLE, organizations: [investment('id')] },
    investments: { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    maturity: { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    maturityTimeline: { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    maturityChange: { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    // The resolver answers an unreachable organisation exactly as an unknown one (NOT_FOUND, unnamed).
    compareOrganizations: { roles: EVERY_ROLE, organizations: [], filtersByOrganization: true },
    simulateInvestments: {
      roles: PLANNING,
      organizations: [organization('organizationId'), investments('investmentIds')],
    },
    optimizePortfolio: {
      roles: PLANNING,
      organizations: [organization('organizationId'), investments('candidateIds')],
    },
    investmentRealisation: { roles: EVERY_ROLE, organizations: [investment('investmentId')] },
    // Saved scenarios are names and ids; every role may read them (the board report shows one).
    scenarios: { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    history: { roles: AUDITING, organizations: [organization('organizationId')] },
    verifyIntegrity: { roles: AUDITING, organizations: [organization('organizationId', true)] },
    apiTokens: { roles: ADMINISTERING, organizations: [] },
    invitations: { roles: FOLLOWING_CAMPAIGNS, organizations: [assessment('assessmentId')] },
    // Checking a list of people before inviting them: whoever may invite.
    forgottenRespondents: { roles: ASSESSING, organizations: [organization('organizationId')] },
    checkInvitations: { roles: ASSESSING, organizations: [assessment('input.assessmentId')] },
    campaignProgress: { roles: EVERY_ROLE, organizations: [assessment('assessmentId')] },
    questionnaire: { roles: RATING, organizations: [] },
  },
  Mutation: {
    registerOrganization: { roles: ADMINISTERING, organizations: [organization('input.id')] },
    addFunction: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    updateFunction: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    retireFunction: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    linkFunctions: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    unlinkFunctions: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    clearTarget: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    setTarget: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    setTargets: { roles: ADMINISTERING, organizations: [organization('input.organizationId')] },
    openAssessment: { roles: ASSESSING, organizations: [organization('input.organizationId')] },
    recordRating: { roles: ASSESSING, organizations: [assessment('input.assessmentId')] },
    recordRatings: { roles: ASSESSING, organizations: [assessment('input.assessmentId')] },
    closeAssessment: { roles: ASSESSING, organizations: [assessment('assessmentId')] },
    withdrawAssessment: { roles: ASSESSING, organizations: [assessment('assessmentId')] },
    correctRating: { roles: ASSESSING, organizations: [assessment('input.assessmentId')] },
    // Erasing personal text is irreversible: an admin's decision.
    forgetRespondent: { roles: ADMINISTERING, organizations: [organization('organizationId')] },
    redactEvidence: { roles: ADMINISTERING, organizations: [assessment('input.assessmentId')] },
    inviteRaters: { roles: ASSESSING, organizations: [assessment('input.assessmentId')] },
    revokeInvitation: { roles: ASSESSING, organizations: [invitation('invitationId')] },
    reissueInvitation: { roles: ASSESSING, organizations: [invitation('invitationId')] },
    reissueInvitations: { roles: ASSESSING, organizations: [assessment('assessmentId')] },
    answerQuestion: { roles: RATING, organizations: [] },
    setQuestionAside: { roles: RATING, organizations: [] },
    planInvestment: { roles: PLANNING, organizations: [organization('input.organizationId')] },
    reviseInvestment: { roles: PLANNING, organizations: [investment('input.investmentId')] },
    approveInvestment: { roles: PLANNING, organizations: [investment('investmentId')] },
    deployInvestment: { roles: PLANNING, organizations: [investment('investmentId')] },
    cancelInvestment: { roles: PLANNING, organizations: [investment('investmentId')] },
    saveScenario: { roles: PLANNING, organizations: [organization('input.organizationId')] },
    deleteScenario: { roles: PLANNING, organizations: [organization('organizationId')] },
    chooseScenarioForBoard: { roles: PLANNING, organizations: [organization('organizationId')] },
    publishMaturityModel: { roles: ADMINISTERING, organizations: [] },
    issueApiToken: { roles: ADMINISTERING, organizations: [] },
    revokeApiToken: { roles: ADMINISTERING, organizations: [] },
    // The demo is a whole organisation of its own: only an admin (who reaches every one) loads it.
    loadDemo: { roles: ADMINISTERING, organizations: [] },
  },
  Subscription: {
    maturityChanged: { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
  },
  // GET /reports/<name>: the arguments are the query string's parameters.
  Download: {
    'maturity.csv': { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    'maturity.xlsx': { roles: EVERY_ROLE, organizations: [organization('organizationId')] },
    'history.csv': { roles: AUDITING, organizations: [organization('organizationId')] },
    // Each scenario is simulated for the file, as simulateInvestments is: the planners' work.
    'scenarios.xlsx': { roles: PLANNING, organizations: [organization('organizationId')] },
    'scenarios.csv': { roles: PLANNING, organizations: [organization('organizationId')] },
    // As compareOrganizations: the reach of each of the ids is checked with the lookup, so one
    // the token does not reach reads as an unknown one.
    'comparison.xlsx': { roles: EVERY_ROLE, organizations: [], filtersByOrganization: true },
    'comparison.csv': { roles: EVERY_ROLE, organizations: [], filtersByOrganization: true },
  },
};

/** A caller with several roles may do what each of them allows. */
export const allowsAnyOf = (rule: AccessRule, roles: readonly RoleName[]): boolean =>
  roles.some((role) => rule.roles.includes(role));

/**
 * The queries, mutations and downloads (`history.csv`) these roles may run (subscriptions follow
 * their queries), sorted by name.
 */
export function allowedOperationsOf(roles: readonly RoleName[]): string[] {
  const rules = { ...ACCESS_POLICY.Query, ...ACCESS_POLICY.Mutation, ...ACCESS_POLICY.Download };
  return Object.keys(rules)
    .filter((name) => {
      const rule = rules[name];
      return rule !== undefined && allowsAnyOf(rule, roles);
    })
    .sort();
}

export const isRootType = (name: string): name is GraphQLRootType =>
  name === 'Query' || name === 'Mutation' || name === 'Subscription';

/** The rule of a root field, or undefined (refused) when the table has none. */
export function accessRuleOf(rootType: RootType, fieldName: string): AccessRule | undefined {
  const rules = ACCESS_POLICY[rootType];
  return Object.prototype.hasOwnProperty.call(rules, fieldName) ? rules[fieldName] : undefined;
}
