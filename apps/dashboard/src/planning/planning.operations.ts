// What the planning screen reads and sends.
import { graphql, type ResultOf, type VariablesOf } from '../api/graphql';

const investmentFields = graphql(`
  fragment InvestmentFields on Investment {
    id
    name
    kind
    cost
    lagMonths
    status
    deployedAt
    revisedAt
    deployableFrom
    cancelledAt
    cancellationReason
    effects {
      functionId
      capabilityId
      low
      likely
      high
    }
  }
`);

export const planningQuery = graphql(
  `
    query Planning($organizationId: ID!) {
      investments(organizationId: $organizationId) {
        ...InvestmentFields
      }
    }
  `,
  [investmentFields],
);

/** An investment as the planning screen reads it: with the earliest date it may be deployed on. */
export type PlanningInvestment = ResultOf<typeof planningQuery>['investments'][number];

export const planInvestmentMutation = graphql(
  `
    mutation PlanInvestment($input: PlanInvestmentInput!) {
      planInvestment(input: $input) {
        ...InvestmentFields
      }
    }
  `,
  [investmentFields],
);

export type EffectDraft = VariablesOf<typeof planInvestmentMutation>['input']['effects'][number];

export const reviseInvestmentMutation = graphql(
  `
    mutation ReviseInvestment($input: ReviseInvestmentInput!) {
      reviseInvestment(input: $input) {
        ...InvestmentFields
      }
    }
  `,
  [investmentFields],
);

export type InvestmentRevision = VariablesOf<typeof reviseInvestmentMutation>['input'];

export const approveInvestmentMutation = graphql(
  `
    mutation ApproveInvestment($investmentId: ID!) {
      approveInvestment(investmentId: $investmentId) {
        ...InvestmentFields
      }
    }
  `,
  [investmentFields],
);

export const deployInvestmentMutation = graphql(
  `
    mutation DeployInvestment($investmentId: ID!, $deployedAt: DateTime!) {
      deployInvestment(investmentId: $investmentId, deployedAt: $deployedAt) {
        ...InvestmentFields
      }
    }
  `,
  [investmentFields],
);

export const cancelInvestmentMutation = graphql(
  `
    mutation CancelInvestment($investmentId: ID!, $reason: String) {
      cancelInvestment(investmentId: $investmentId, reason: $reason) {
        ...InvestmentFields
      }
    }
  `,
  [investmentFields],
);

const realisationMeasurementFields = graphql(`
  fragment RealisationMeasurementFields on RealisationMeasurement {
    assessmentId
    title
    periodEnd
    open
    actual
    ratio
  }
`);

export const realisationQuery = graphql(
  `
    query Realisation($investmentId: ID!) {
      investmentRealisation(investmentId: $investmentId) {
        investmentId
        predicted
        actual
        ratio
        due
        dueFrom
        measurable
        measuredBy {
          ...RealisationMeasurementFields
        }
        measurements {
          ...RealisationMeasurementFields
        }
        cells {
          functionId
          capabilityId
          baselineLevel
          predictedLevel
          actualLevel
        }
        excludedCells {
          functionId
          capabilityId
        }
      }
    }
  `,
  [realisationMeasurementFields],
);

export type Realisation = ResultOf<typeof realisationQuery>['investmentRealisation'];
