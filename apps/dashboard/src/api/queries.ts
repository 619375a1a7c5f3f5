// The operations the page sends (docs/reference/api.md).
import { operation } from './client';
import type {
  Assessment,
  Investment,
  MaturityModel,
  MaturityPoint,
  MaturityView,
  Organization,
  PortfolioResult,
  SimulationResult,
  Viewer,
} from './types';

const cellFields = 'functionId capabilityId level target gap perceptionGap ratingCount';
const indexFields = 'customerCentricityIndex alignmentIndex targetAttainment';

export const meQuery = operation<{ me: Viewer }>(`
  query Me {
    me { tokenId label role allOrganizations organizationIds allowedOperations }
  }
`);

export const organizationsQuery = operation<{
  organizations: Organization[];
  maturityModels: MaturityModel[];
}>(`
  query Organizations {
    organizations {
      id name purpose valueProposition modelId modelVersion
      functions { id name customerFacing partner }
      interactions { from to weight }
      targets { capabilityId functionId level }
    }
    maturityModels {
      id version name
      levels { value name description }
      capabilities { id name dimension weight descriptors }
    }
  }
`);

export const organizationHistoryQuery = operation<
  { maturityTimeline: MaturityPoint[]; assessments: Assessment[] },
  { organizationId: string }
>(`
  query OrganizationHistory($organizationId: ID!) {
    maturityTimeline(organizationId: $organizationId) { at ${indexFields} coverage }
    assessments(organizationId: $organizationId) {
      id title periodEnd status
      ratings { functionId capabilityId level source raterFunctionId evidence }
    }
  }
`);

export const maturityQuery = operation<
  { maturity: MaturityView },
  { organizationId: string; asOf: string | null; knownAt: string | null }
>(`
  query Maturity($organizationId: ID!, $asOf: DateTime, $knownAt: DateTime) {
    maturity(organizationId: $organizationId, asOf: $asOf, knownAt: $knownAt) {
      asOf knownAt coverage ${indexFields}
      cells { ${cellFields} }
      weakestLinks { from to misalignment }
    }
  }
`);

export const investmentsQuery = operation<{ investments: Investment[] }, { organizationId: string }>(`
  query Investments($organizationId: ID!) {
    investments(organizationId: $organizationId) {
      id name kind cost lagMonths status deployedAt
      effects { functionId capabilityId low likely high }
    }
  }
`);

export const simulateQuery = operation<
  { simulateInvestments: SimulationResult; maturity: MaturityView },
  { organizationId: string; investmentIds: string[]; horizonMonths: number; trials: number; seed: number }
>(`
  query Simulate($organizationId: ID!, $investmentIds: [ID!]!, $horizonMonths: Int, $trials: Int, $seed: Int) {
    simulateInvestments(
      organizationId: $organizationId
      investmentIds: $investmentIds
      horizonMonths: $horizonMonths
      trials: $trials
      seed: $seed
    ) {
      baseline { ${indexFields} }
      projected { ${indexFields} }
      trajectory { month ${indexFields} }
      cells { ${cellFields} }
      weakestLinks { from to misalignment }
      warnings { code message from to }
      distribution {
        trials probabilityAlignmentDrops
        customerCentricityIndex { p10 p50 p90 }
        alignmentIndex { p10 p50 p90 }
      }
    }
    maturity(organizationId: $organizationId) {
      asOf knownAt coverage ${indexFields}
      cells { ${cellFields} }
      weakestLinks { from to misalignment }
    }
  }
`);

export const optimizeQuery = operation<
  { optimizePortfolio: PortfolioResult },
  { organizationId: string; candidateIds: string[]; budget: number; horizonMonths: number }
>(`
  query OptimizePortfolio($organizationId: ID!, $candidateIds: [ID!]!, $budget: Float!, $horizonMonths: Int) {
    optimizePortfolio(
      organizationId: $organizationId
      candidateIds: $candidateIds
      budget: $budget
      horizonMonths: $horizonMonths
    ) {
      selectedIds totalCost objective exact
      frontier { cost objective investmentIds }
    }
  }
`);
