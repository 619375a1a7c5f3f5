// The operations the page reads with (docs/reference/api.md). Their result and variable types are
// inferred from the schema by `graphql`; ./types.ts names the shapes the components use.
import { graphql } from './graphql';

export const meQuery = graphql(`
  query Me {
    me {
      signedInWith
      subject
      name
      tokenId
      label
      role
      roles
      allOrganizations
      organizationIds
      allowedOperations
    }
  }
`);

/** An organisation as the page shows it; mutations that change one answer with these fields too. */
export const organizationFields = graphql(`
  fragment OrganizationFields on Organization {
    id
    name
    purpose
    valueProposition
    modelId
    modelVersion
    functions {
      id
      name
      customerFacing
      partner
      retirement {
        effectiveFrom
        reason
        mergedIntoFunctionId
      }
    }
    interactions {
      from
      to
      weight
    }
    targets {
      capabilityId
      functionId
      level
    }
  }
`);

/** A maturity model as the page shows it; publishing one answers with these fields too. */
export const maturityModelFields = graphql(`
  fragment MaturityModelFields on MaturityModel {
    id
    version
    name
    levels {
      value
      name
      description
    }
    capabilities {
      id
      name
      dimension
      weight
      descriptors
    }
  }
`);

export const organizationsQuery = graphql(
  `
    query Organizations {
      organizations {
        ...OrganizationFields
      }
      maturityModels {
        ...MaturityModelFields
      }
    }
  `,
  [organizationFields, maturityModelFields],
);

/** The indices at each assessment's period end: what the time slider and the report dates offer. */
const maturityPointFields = graphql(`
  fragment MaturityPointFields on MaturityPoint {
    at
    customerCentricityIndex
    alignmentIndex
    targetAttainment
    coverage
    provisional
  }
`);

export const maturityTimelineQuery = graphql(
  `
    query MaturityTimeline($organizationId: ID!, $includeOpenAssessments: Boolean) {
      maturityTimeline(organizationId: $organizationId, includeOpenAssessments: $includeOpenAssessments) {
        ...MaturityPointFields
      }
    }
  `,
  [maturityPointFields],
);

/**
 * What the Overview reads once: the timeline and the assessments without their ratings (a long
 * history has hundreds of thousands); a cell's ratings come with its assessment, on demand.
 */
export const overviewQuery = graphql(
  `
    query Overview($organizationId: ID!, $includeOpenAssessments: Boolean) {
      maturityTimeline(organizationId: $organizationId, includeOpenAssessments: $includeOpenAssessments) {
        ...MaturityPointFields
      }
      assessments(organizationId: $organizationId) {
        id
        title
        periodEnd
        status
        withdrawnAt
      }
    }
  `,
  [maturityPointFields],
);

/** A rating as the page shows it: its cell, level, source, rater and evidence. */
export const ratingFields = graphql(`
  fragment RatingFields on Rating {
    functionId
    capabilityId
    level
    source
    raterFunctionId
    respondentId
    evidence
    evidenceErased
  }
`);

/** A rater group whose individual answers the api withholds from this caller: its figures and why. */
export const withheldRatingsFields = graphql(`
  fragment WithheldRatingsFields on WithheldRatings {
    functionId
    capabilityId
    source
    raterFunctionId
    respondents
    level
    reason
  }
`);

/**
 * One assessment with the ratings and evidence the caller may read, and the groups withheld from it:
 * what a heatmap cell's details list.
 */
export const assessmentRatingsQuery = graphql(
  `
    query AssessmentRatings($assessmentId: ID!) {
      assessment(id: $assessmentId) {
        id
        title
        periodEnd
        status
        withdrawnAt
        ratings {
          ...RatingFields
        }
        ratingsWithheld {
          ...WithheldRatingsFields
        }
      }
    }
  `,
  [ratingFields, withheldRatingsFields],
);

const maturityCellFields = graphql(`
  fragment MaturityCellFields on MaturityCell {
    functionId
    capabilityId
    level
    target
    gap
    perceptionGap
    ratingCount
    agreement
    groups {
      source
      raterFunctionId
      respondents
      level
      agreement
    }
  }
`);

const maturityViewFields = graphql(
  `
    fragment MaturityViewFields on MaturityView {
      asOf
      knownAt
      coverage
      customerCentricityIndex
      alignmentIndex
      targetAttainment
      cells {
        ...MaturityCellFields
      }
      functionScores {
        functionId
        agreement
      }
      weakestLinks {
        from
        to
        misalignment
      }
      openAssessments {
        assessmentId
        title
        periodEnd
        decidedCells
      }
    }
  `,
  [maturityCellFields],
);

export const maturityQuery = graphql(
  `
    query Maturity(
      $organizationId: ID!
      $asOf: DateTime
      $knownAt: DateTime
      $includeOpenAssessments: Boolean
    ) {
      maturity(
        organizationId: $organizationId
        asOf: $asOf
        knownAt: $knownAt
        includeOpenAssessments: $includeOpenAssessments
      ) {
        ...MaturityViewFields
      }
    }
  `,
  [maturityViewFields],
);

export const investmentsQuery = graphql(`
  query Investments($organizationId: ID!) {
    investments(organizationId: $organizationId) {
      id
      name
      kind
      cost
      lagMonths
      status
      deployedAt
      revisedAt
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
  }
`);

export const simulateQuery = graphql(
  `
    query Simulate(
      $organizationId: ID!
      $investmentIds: [ID!]!
      $horizonMonths: Int
      $trials: Int
      $seed: Int
    ) {
      simulateInvestments(
        organizationId: $organizationId
        investmentIds: $investmentIds
        horizonMonths: $horizonMonths
        trials: $trials
        seed: $seed
      ) {
        baseline {
          customerCentricityIndex
          alignmentIndex
          targetAttainment
        }
        projected {
          customerCentricityIndex
          alignmentIndex
          targetAttainment
        }
        trajectory {
          month
          customerCentricityIndex
          alignmentIndex
          targetAttainment
        }
        cells {
          ...MaturityCellFields
        }
        weakestLinks {
          from
          to
          misalignment
        }
        warnings {
          code
          message
          from
          to
        }
        distribution {
          trials
          probabilityAlignmentDrops
          customerCentricityIndex {
            p10
            p50
            p90
          }
          alignmentIndex {
            p10
            p50
            p90
          }
        }
      }
      maturity(organizationId: $organizationId) {
        ...MaturityViewFields
      }
    }
  `,
  [maturityCellFields, maturityViewFields],
);

export const optimizeQuery = graphql(`
  query OptimizePortfolio(
    $organizationId: ID!
    $candidateIds: [ID!]!
    $budget: Float!
    $alpha: Float
    $horizonMonths: Int
  ) {
    optimizePortfolio(
      organizationId: $organizationId
      candidateIds: $candidateIds
      budget: $budget
      alpha: $alpha
      horizonMonths: $horizonMonths
    ) {
      selectedIds
      totalCost
      objective
      exact
      alpha
      horizonMonths
      frontier {
        cost
        objective
        investmentIds
      }
    }
  }
`);

export const maturityChangeQuery = graphql(`
  query MaturityChange(
    $organizationId: ID!
    $from: DateTime!
    $to: DateTime!
    $knownAt: DateTime
    $includeOpenAssessments: Boolean
  ) {
    maturityChange(
      organizationId: $organizationId
      from: $from
      to: $to
      knownAt: $knownAt
      includeOpenAssessments: $includeOpenAssessments
    ) {
      from
      to
      knownAt
      before {
        customerCentricityIndex
        alignmentIndex
        targetAttainment
      }
      after {
        customerCentricityIndex
        alignmentIndex
        targetAttainment
      }
      cells {
        functionId
        capabilityId
        before
        after
        delta
      }
    }
  }
`);

export const compareOrganizationsQuery = graphql(`
  query CompareOrganizations($organizationIds: [ID!]!, $asOf: DateTime, $knownAt: DateTime) {
    compareOrganizations(organizationIds: $organizationIds, asOf: $asOf, knownAt: $knownAt) {
      organizationId
      name
      customerCentricityIndex
      alignmentIndex
      targetAttainment
      coverage
      capabilityLevels {
        capabilityId
        level
      }
    }
  }
`);

/** Everything the board report prints, in one request. */
export const boardReportQuery = graphql(
  `
    query BoardReport($organizationId: ID!, $asOf: DateTime, $knownAt: DateTime) {
      maturity(organizationId: $organizationId, asOf: $asOf, knownAt: $knownAt) {
        ...MaturityViewFields
      }
      maturityTimeline(organizationId: $organizationId, to: $asOf, knownAt: $knownAt) {
        at
        customerCentricityIndex
        alignmentIndex
        targetAttainment
        coverage
        provisional
      }
      investments(organizationId: $organizationId) {
        id
        name
        kind
        cost
        lagMonths
        status
        deployedAt
        revisedAt
      }
      assessments(organizationId: $organizationId) {
        id
        title
        periodEnd
        status
      }
    }
  `,
  [maturityViewFields],
);

export const investmentWarningsQuery = graphql(`
  query InvestmentWarnings($organizationId: ID!, $investmentIds: [ID!]!) {
    simulateInvestments(organizationId: $organizationId, investmentIds: $investmentIds) {
      warnings {
        code
        message
        from
        to
      }
    }
  }
`);
