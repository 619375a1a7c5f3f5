// Names for the shapes the page reads. Each is derived from an operation in ./queries.ts, whose
// types gql.tada infers from the api's schema (graphql-env.d.ts, `npm run generate`): nothing here
// is written by hand, so a field the page does not ask for is not in its type.
import type { ResultOf } from './graphql';
import type {
  assessmentRatingsQuery,
  boardReportQuery,
  compareOrganizationsQuery,
  investmentsQuery,
  maturityChangeQuery,
  maturityQuery,
  maturityTimelineQuery,
  meQuery,
  optimizeQuery,
  overviewQuery,
  organizationsQuery,
  simulateQuery,
} from './queries';

export type Viewer = ResultOf<typeof meQuery>['me'];
export type Role = Viewer['role'];

export type Organization = ResultOf<typeof organizationsQuery>['organizations'][number];
export type BusinessFunction = Organization['functions'][number];
export type Interaction = Organization['interactions'][number];
export type Target = Organization['targets'][number];

export type MaturityModel = ResultOf<typeof organizationsQuery>['maturityModels'][number];
export type Level = MaturityModel['levels'][number];
export type Capability = MaturityModel['capabilities'][number];

export type MaturityPoint = ResultOf<typeof maturityTimelineQuery>['maturityTimeline'][number];
export type AssessmentSummary = ResultOf<typeof overviewQuery>['assessments'][number];
export type Assessment = NonNullable<ResultOf<typeof assessmentRatingsQuery>['assessment']>;
export type Rating = Assessment['ratings'][number];
export type RatingSource = Rating['source'];
export type WithheldRatings = Assessment['ratingsWithheld'][number];

export type MaturityView = ResultOf<typeof maturityQuery>['maturity'];
export type MaturityCell = MaturityView['cells'][number];
export type RaterGroup = MaturityCell['groups'][number];
export type FunctionScore = MaturityView['functionScores'][number];
export type LinkScore = MaturityView['weakestLinks'][number];

export type Investment = ResultOf<typeof investmentsQuery>['investments'][number];
export type InvestmentKind = Investment['kind'];
export type InvestmentStatus = Investment['status'];
export type Effect = Investment['effects'][number];

export type SimulationResult = ResultOf<typeof simulateQuery>['simulateInvestments'];
export type Indices = SimulationResult['baseline'];
export type TrajectoryPoint = SimulationResult['trajectory'][number];
export type SimulationWarning = SimulationResult['warnings'][number];
export type Distribution = NonNullable<SimulationResult['distribution']>;
export type Percentiles = Distribution['customerCentricityIndex'];

export type PortfolioResult = ResultOf<typeof optimizeQuery>['optimizePortfolio'];
export type FrontierPoint = PortfolioResult['frontier'][number];

export type MaturityChange = ResultOf<typeof maturityChangeQuery>['maturityChange'];
export type CellChange = MaturityChange['cells'][number];

export type OrganizationComparison = ResultOf<
  typeof compareOrganizationsQuery
>['compareOrganizations'][number];
export type CapabilityLevel = OrganizationComparison['capabilityLevels'][number];

export type BoardReportData = ResultOf<typeof boardReportQuery>;
export type PlannedInvestmentSummary = BoardReportData['investments'][number];
