// The api's shared vocabulary, described once. Terms that mean the same on every type (ids, the
// indices, commandId) are described here and given to every field, argument or enum value of that
// name that has no description of its own; anything with a meaning of its own is described where
// it is declared. `schema-descriptions.e2e.spec.ts` fails on any part of the schema left without one.
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

const ID_TEXT = 'A client-chosen slug: lower-case letters, digits and dashes, at most 64 characters.';
const INDEX = (what: string) => `${what}, 0-100; null when there is nothing to compute it from.`;

/** Types, by name. */
const TYPES: Record<string, string> = {
  Query: 'Everything that can be read. Each operation checks the role and organisations of the bearer token.',
  Mutation:
    'Everything that changes the record. Each mutation is a command: it records events or refuses with a code and the field at fault, writing nothing.',
  Subscription:
    'Live views over WebSocket (graphql-transport-ws); the bearer token travels as a connection parameter.',
  Organization: 'An organisation: its functions, the links between those that co-deliver, and its targets.',
  BusinessFunction: 'A part of the organisation (or a partner) that delivers the customer experience.',
  Interaction: 'An undirected link between two functions that co-deliver an experience, with its weight.',
  Target: "The level a capability should reach: for every function, or one function's override.",
  MaturityModel: 'A version of a maturity model: its levels and its capabilities.',
  Level: 'One level of a maturity model, from 1 (lowest) to L.',
  Capability: 'A capability of a maturity model, rated per function.',
  Assessment: 'An assessment cycle: ratings of the functions for a period, then closed.',
  Rating: 'An effective rating of one cell: the latest from its source and rater.',
  Investment:
    'A planned investment and its expected effects, through PLANNED, APPROVED, DEPLOYED or CANCELLED.',
  Effect: "An investment's expected change of one cell, in levels.",
  Indices: 'The three indices of a view.',
  Percentiles: 'The 10th, 50th and 90th percentiles of an index over the simulation trials.',
  TrajectoryPoint: 'The indices at one month of the simulation horizon.',
  SimulationResult:
    'A scenario: the indices now and at the horizon, the projected cells and links, the warnings.',
  SimulationWarning: 'Something to look at before spending, e.g. MATURITY_UP_ALIGNMENT_DOWN.',
  FrontierPoint: 'A subset of candidates no cheaper subset beats: its cost, objective and investments.',
  PortfolioResult: 'The best subset of candidates under the budget, and the cost/benefit frontier.',
  RealisationCell: 'One effect cell of a deployed investment: its level at deployment, predicted and actual.',
  HistoryEdge: 'One event of the history and its cursor.',
  HistoryPageInfo: 'Whether more events follow, and the cursor to ask for them.',
  RatingSource: 'Who gave a rating.',
  InvestmentKind: 'What an investment buys.',
  InvestmentStatus: 'Where an investment is in its lifecycle.',
  Role: 'What an API token may do.',
  AddFunctionInput: 'A new function of an organisation.',
  LinkFunctionsInput: 'Two functions that co-deliver an experience, and the weight of their link.',
  SetTargetInput: "A capability's target for every function, or one function's override.",
  RegisterOrganizationInput: 'A new organisation on a maturity model.',
  OpenAssessmentInput: 'A new assessment cycle for a period.',
  RecordRatingInput: 'One rating of one cell while the assessment is open.',
  CorrectRatingInput: 'A rating changed with a reason, the only way a closed assessment changes.',
  EffectInput: "An investment's expected change of one cell, in levels: low <= likely <= high.",
  PlanInvestmentInput: 'A new investment with its effects.',
  LevelInput: 'One level of a model being published.',
  CapabilityInput: 'One capability of a model being published.',
  PublishMaturityModelInput: 'A maturity model, or a new version of one.',
};

/** Fields of one type, as `Type.field`; the operations first. */
const TYPE_FIELDS: Record<string, string> = {
  'Query.organization': 'One organisation the token reaches, or null.',
  'Query.assessment': 'One assessment, or null.',
  'Query.assessments': "An organisation's assessments, by periodEnd.",
  'Query.investment': 'One investment, or null.',
  'Query.investments': "An organisation's investments, in the order planned.",
  'Query.maturity': 'The maturity view: cells against targets, indices, function scores and weakest links.',
  'Query.maturityTimeline': "The indices as of each assessment's periodEnd.",
  'Query.simulateInvestments':
    'What these investments would do: baseline against projected indices, the trajectory, the projected cells and links, the warnings, and with trials the uncertainty.',
  'Query.optimizePortfolio':
    'The subset of candidates with the best objective within the budget (exact up to 20 candidates), and the frontier.',
  'Query.investmentRealisation': 'Whether a deployed investment delivered: predicted against actual change.',
  'Mutation.registerOrganization':
    'Registers an organisation (on the default model when modelId is left out).',
  'Mutation.addFunction': 'Adds a function to an organisation.',
  'Mutation.linkFunctions': 'Links two functions that co-deliver an experience (again: changes the weight).',
  'Mutation.setTarget': "Sets a capability's target for every function, or one function's override.",
  'Mutation.publishMaturityModel': 'Publishes a maturity model, or a new version of an existing one.',
  'Mutation.openAssessment': 'Opens an assessment cycle for a period.',
  'Mutation.recordRating':
    'Records a rating of one cell; a later one from the same source and rater replaces it.',
  'Mutation.closeAssessment': 'Closes an assessment: afterwards ratings change only through correctRating.',
  'Mutation.withdrawAssessment':
    'Withdraws an assessment opened by mistake, with a reason: OPEN, or CLOSED without ratings. From then on it counts in no view and its rater links stop; it stays in the audit history. Final.',
  'Mutation.correctRating': 'Changes a rating with a reason, open or closed; the reason stays on the record.',
  'Mutation.planInvestment': 'Plans an investment with its expected effects.',
  'Mutation.approveInvestment': 'Approves a planned investment.',
  'Mutation.deployInvestment': 'Records that an approved investment was deployed on a date.',
  'Mutation.cancelInvestment': 'Cancels a planned or approved investment, with a reason.',
  'Subscription.maturityChanged': "The organisation's current maturity view at once, then after each change.",
  'Organization.id': `The organisation's id. ${ID_TEXT}`,
  'Organization.name': 'Its name.',
  'Organization.functions':
    'Its functions, in the order added; retired ones stay listed with their retirement.',
  'Organization.interactions': 'The links between its functions.',
  'Organization.targets': 'Its targets: per capability, and per function where overridden.',
  'BusinessFunction.id': `The function's id, unique in its organisation. ${ID_TEXT}`,
  'BusinessFunction.name': 'Its name.',
  'MaturityModel.id': `The model's id. ${ID_TEXT}`,
  'MaturityModel.name': 'Its name.',
  'MaturityModel.version': 'Its version: 1 at first publication, one more for each republication of the id.',
  'MaturityModel.levels': 'Its levels, 1 to L.',
  'MaturityModel.capabilities': 'Its capabilities.',
  'Capability.id': `The capability's id. ${ID_TEXT}`,
  'Capability.name': 'Its name.',
  'Level.value': 'The level, from 1 to L.',
  'Level.name': 'Its name, e.g. "Defined".',
  'Level.description': 'What the level means in general; null when not given.',
  'Assessment.id': `The assessment's id. ${ID_TEXT}`,
  'Assessment.title': 'Its title, e.g. "2026 Q1 guest-stay review".',
  'Investment.id': `The investment's id. ${ID_TEXT}`,
  'Investment.name': 'Its name.',
  'Investment.status': 'PLANNED, APPROVED, DEPLOYED or CANCELLED.',
  'Investment.effects': 'Its expected effects, one per cell.',
  'Investment.cancelledAt': 'When it was cancelled; null unless CANCELLED.',
  'Investment.cancellationReason':
    'Why it was cancelled, as given when cancelling (kept on the record); null unless CANCELLED, or when no reason was given.',
  'Rating.level': 'The level given, 1 to L.',
  'Target.level': 'The target level.',
  'Target.functionId':
    "Null for the capability's target for every function; a function's id for its override.",
  'Interaction.weight': 'How much the link counts in the alignment index (> 0).',
  'Interaction.from': 'One function of the link.',
  'Interaction.to': 'The other function of the link.',
  'LinkScore.from': 'One function of the link.',
  'LinkScore.to': 'The other function of the link.',
  'SimulationWarning.message': 'The warning in words.',
  'SimulationWarning.code': 'MATURITY_UP_ALIGNMENT_DOWN, LINK_MISALIGNMENT_UP, UNRATED_CELL_IGNORED, ...',
  'SimulationResult.baseline': 'The indices now (or as of asOf).',
  'SimulationResult.warnings': 'What to look at before spending.',
  'PortfolioResult.totalCost': 'The cost of the selected investments.',
  'PortfolioResult.baseline': 'The indices before any investment.',
  'PortfolioResult.warnings': 'Warnings of the selected portfolio.',
  'FrontierPoint.cost': 'The cost of this subset.',
  'FrontierPoint.objective':
    'Its objective: alpha * change in CCI + (1 - alpha) * change in AI at the horizon.',
  'FrontierPoint.investmentIds': 'The investments of this subset.',
  'HistoryConnection.edges': 'The events of this page, oldest first.',
  'HistoryConnection.pageInfo': 'Where this page ends.',
  'HistoryEvent.stream': 'The stream it belongs to, e.g. assessment-2026-q1.',
  'HistoryEvent.type': 'The event type, e.g. RatingRecorded.',
  'HistoryEvent.data': 'The event data exactly as recorded (JSON).',
  'HistoryEvent.actor': "Who sent the command: the token's label and id.",
  'HistoryEvent.role': 'The role of that token.',
  'HistoryEvent.commandId': 'The commandId of the command that recorded it; null when none was given.',
  'HistoryEdge.cursor': 'Pass as `after` to read the events that follow this one.',
  'HistoryEdge.node': 'The event.',
  'HistoryPageInfo.hasNextPage': 'True when more events follow this page.',
  'HistoryPageInfo.endCursor': "The last event's cursor; null on an empty page.",
  'IntegrityReport.ok': 'True when every hash and every chain link checks out.',
  'IntegrityReport.checkedEvents': 'How many events were checked.',
  'IntegrityReport.firstBrokenStream': 'The first stream whose chain is broken; null when ok.',
  'IntegrityReport.firstBrokenRevision': 'The revision where it breaks; null when ok.',
  'IntegrityReport.message': 'What is wrong, in words; null when ok.',
  'ApiToken.tokenId': "The token's id (the part of the token before the dot); never its secret.",
  'ApiToken.issuedAt': 'When it was issued.',
  'ApiToken.revokedAt': 'When it was revoked; null while it works.',
  'ApiToken.revoked': 'True once revoked: the token is refused.',
  'IssuedToken.tokenId': "The new token's id.",
  'MaturityPoint.at': "The date of this point: an assessment's periodEnd.",
  'TrajectoryPoint.month': 'The month of the horizon, from 0 (now).',
  'Percentiles.p10': '10th percentile.',
  'Percentiles.p50': '50th percentile (the median).',
  'Percentiles.p90': '90th percentile.',
  'Distribution.trials': 'How many trials were drawn.',
  'Distribution.seed': 'The seed of the generator: the same seed gives the same answer.',
  'MaturityCell.ratingCount': 'How many effective ratings the level is computed from.',
  'Realisation.investmentId': 'The deployed investment.',
  'Realisation.cells': 'Each effect cell: its level at deployment, predicted and actual.',
  'OrganizationComparison.name': "The organisation's name.",
};

/** Fields that mean the same on every type. */
const FIELDS: Record<string, string> = {
  organizationId: `The organisation. ${ID_TEXT}`,
  organizationIds: 'The organisations.',
  functionId: 'The function.',
  capabilityId: 'The capability.',
  assessmentId: 'The assessment.',
  investmentId: 'The investment.',
  raterFunctionId: 'For a PEER rating, the function that gave it; otherwise null.',
  modelId: 'The maturity model.',
  tokenId: 'The API token.',
  commandId:
    'Optional: repeating a command with the same commandId (at most 128 characters) returns the first result and records nothing.',
  customerCentricityIndex: INDEX('Customer-centricity index: weighted maturity over the rated cells'),
  alignmentIndex: INDEX('Alignment index: how close linked functions are'),
  targetAttainment: INDEX('Target attainment: how far the rated cells have come towards their targets'),
  coverage: 'Share of function x capability cells with a rating, 0 to 1.',
  level: 'The level, from 1 to L.',
  source: 'SELF, PEER, CUSTOMER or AUDIT.',
  evidence: 'What the rating is based on; null when none was given.',
  reason: 'Why: kept on the record.',
  label: 'Free text naming who or what uses it; null when none.',
  role: 'The role.',
  name: 'The name.',
  title: 'The title.',
  purpose: 'The organisation\'s purpose, its "why"; null when not given.',
  valueProposition: 'The customer value proposition; null when not given.',
  customerFacing: 'Deals with customers directly: its PEER ratings count double.',
  partner: 'An external organisation that co-delivers the experience.',
  weight: 'The weight (> 0).',
  dimension: 'The dimension it belongs to, e.g. "Insight" or "Delivery".',
  descriptors:
    'What each level looks like for this capability, one per level (index 0 = level 1); empty when none.',
  description: 'What it means; null when not given.',
  value: 'The level, from 1 to L.',
  version: 'The version.',
  levels: 'The levels, 1 to L.',
  capabilities: 'The capabilities.',
  kind: 'OPERATIONAL or CAPITAL.',
  status: 'Where it is in its lifecycle.',
  cost: 'The cost (>= 0), in the organisation’s currency.',
  lagMonths: 'Months after deployment before the effects apply.',
  effects: 'The expected effects, one per cell.',
  low: 'The lowest expected change, in levels (may be negative).',
  likely: 'The most likely change, in levels: what the projection adds.',
  high: 'The highest expected change, in levels.',
  deployedAt: 'When it was deployed; null until then.',
  periodEnd: 'The date the ratings describe (valid time).',
  functions: 'The functions.',
  interactions: 'The links between functions.',
  targets: 'The targets.',
  ratings: 'The ratings.',
  cells: 'One entry per function x capability cell.',
  id: `The id. ${ID_TEXT}`,
  from: 'One function of the link.',
  to: 'The other function of the link.',
  message: 'In words.',
  trials: 'How many trials were drawn.',
  seed: 'The seed of the random generator.',
  horizonMonths: 'The horizon, in months.',
  investmentIds: 'The investments.',
  totalCost: 'The total cost.',
  objective: 'alpha * change in CCI + (1 - alpha) * change in AI at the horizon.',
  warnings: 'What to look at before spending.',
  baseline: 'The indices now.',
  issuedAt: 'When it was issued.',
  revokedAt: 'When it was revoked; null while it works.',
  revoked: 'True once revoked.',
  at: 'The date.',
  asOf: 'Valid time: the view as of this date; null for now.',
  knownAt: 'Transaction time: only what had been recorded by this date; null for everything recorded.',
  stream: 'The stream.',
  type: 'The type.',
  data: 'The data, as JSON.',
  actor: 'Who did it.',
  ok: 'True when all is well.',
  checkedEvents: 'How many events were checked.',
  firstBrokenStream: 'The first broken stream; null when ok.',
  firstBrokenRevision: 'The first broken revision; null when ok.',
  cursor: 'A position to continue from.',
  node: 'The item.',
  edges: 'The items of this page.',
  pageInfo: 'Where this page ends.',
  hasNextPage: 'True when more follow.',
  endCursor: "The last item's cursor.",
  month: 'The month, from 0.',
  p10: '10th percentile.',
  p50: '50th percentile.',
  p90: '90th percentile.',
  functionScores: 'The customer-centricity index of each function.',
};

/** Arguments that mean the same on every operation (an argument of one operation: `field(arg)`). */
const ARGUMENTS: Record<string, string> = {
  input: 'What to record.',
  id: 'The id to look up.',
  organizationId: 'The organisation.',
  organizationIds: 'The organisations.',
  assessmentId: 'The assessment.',
  investmentId: 'The investment.',
  investmentIds: 'The investments of the scenario (planned or approved).',
  candidateIds: 'The investments to choose among (planned or approved).',
  tokenId: 'The API token (its id, not its secret).',
  commandId:
    'Optional: repeating a command with the same commandId (at most 128 characters) returns the first result and records nothing.',
  asOf: 'Valid time: the view as of this date; left out: now.',
  knownAt: 'Transaction time: only what had been recorded by this date; left out: everything recorded.',
  from: 'The first date.',
  to: 'The last date.',
  horizonMonths: 'The horizon in months (default 12).',
  trials: 'Monte Carlo trials for the uncertainty band (0 or left out: none).',
  seed: 'Seed of the random generator: the same seed gives the same answer.',
  budget: 'The most the selected investments may cost together.',
  alpha: 'Weight of customer-centricity against alignment in the objective, 0 to 1 (default 0.5).',
  after: 'A cursor (endCursor of the previous page): the events after it.',
  first: 'How many events per page (default 50, at most 500).',
  filter: 'Only the events matching every criterion given.',
  deployedAt: 'When it was (or will be) deployed.',
  reason: 'Why: kept on the record.',
  role: 'The role of the new token.',
  label: 'Free text naming who or what uses it.',
};

const ENUM_VALUES: Record<string, string> = {
  'RatingSource.SELF': 'The function rates itself.',
  'RatingSource.PEER': 'Another function rates it (raterFunctionId); a customer-facing rater counts double.',
  'RatingSource.CUSTOMER': 'Customers rate it (counts double).',
  'RatingSource.AUDIT': 'An auditor rates it (counts double).',
  'InvestmentKind.OPERATIONAL': 'Training, process changes and other operating spend.',
  'InvestmentKind.CAPITAL': 'Systems, buildings and other capital spend.',
  'InvestmentStatus.PLANNED': 'Planned: may be revised, approved or cancelled.',
  'InvestmentStatus.APPROVED': 'Approved: may be deployed or cancelled; revising it makes it PLANNED again.',
  'InvestmentStatus.DEPLOYED': 'Deployed on deployedAt: its realisation can be measured.',
  'InvestmentStatus.CANCELLED': 'Cancelled: it can no longer be simulated, approved or deployed.',
  'Role.ADMIN': 'Everything, on every organisation: set-up, models, tokens.',
  'Role.ASSESSOR': 'Opens, rates, closes, corrects and withdraws assessments of its organisations.',
  'Role.PLANNER': 'Plans, revises, approves, deploys and cancels investments; simulates and optimises.',
  'Role.AUDITOR': 'Reads, browses the history and verifies integrity of its organisations.',
};

type Describable = GraphQLField<unknown, unknown> | GraphQLInputField | GraphQLArgument;

function describe(
  item: Describable | { description?: string | null },
  ...candidates: (string | undefined)[]
): void {
  if (item.description?.trim()) return;
  const found = candidates.find((candidate) => candidate !== undefined);
  if (found !== undefined) item.description = found;
}

/** Gives every undescribed part of the schema its glossary description, in place. */
export function describeSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    describe(type, TYPES[type.name]);
    if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType) {
      for (const field of Object.values(type.getFields())) {
        describe(field, TYPE_FIELDS[`${type.name}.${field.name}`], FIELDS[field.name]);
        for (const argument of field.args)
          describe(argument, ARGUMENTS[`${field.name}(${argument.name})`], ARGUMENTS[argument.name]);
      }
    } else if (type instanceof GraphQLInputObjectType) {
      for (const field of Object.values(type.getFields()))
        describe(field, TYPE_FIELDS[`${type.name}.${field.name}`], FIELDS[field.name]);
    } else if (type instanceof GraphQLEnumType) {
      for (const value of type.getValues()) describe(value, ENUM_VALUES[`${type.name}.${value.name}`]);
    }
  }
  return schema;
}
