// What the audit screen reads: the history page by page and the integrity check.
import { graphql, type ResultOf, type VariablesOf } from '../api/graphql';

export const historyQuery = graphql(`
  query History($organizationId: ID!, $after: String, $first: Int, $filter: HistoryFilterInput) {
    history(organizationId: $organizationId, after: $after, first: $first, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          position
          stream
          revision
          type
          data
          actor
          role
          recordedAt
          hash
          prevHash
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type HistoryFilter = NonNullable<VariablesOf<typeof historyQuery>['filter']>;

export const verifyIntegrityQuery = graphql(`
  query VerifyIntegrity($organizationId: ID) {
    verifyIntegrity(organizationId: $organizationId) {
      ok
      checkedEvents
      firstBrokenStream
      firstBrokenRevision
      message
    }
  }
`);

export type IntegrityReport = ResultOf<typeof verifyIntegrityQuery>['verifyIntegrity'];

/**
 * What the "as known at two dates" comparison starts from: the organisation's corrections (a page
 * at a time; they are few), its first recorded event, and its assessments' period ends.
 */
export const knownAtStartingPointQuery = graphql(`
  query KnownAtStartingPoint($organizationId: ID!, $after: String) {
    corrections: history(
      organizationId: $organizationId
      after: $after
      first: 100
      filter: { types: ["RatingCorrected"] }
    ) {
      edges {
        node {
          recordedAt
          data
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    firstEvent: history(organizationId: $organizationId, first: 1) {
      edges {
        node {
          recordedAt
        }
      }
    }
    assessments(organizationId: $organizationId) {
      id
      title
      periodEnd
    }
  }
`);

export type KnownAtStartingPointData = ResultOf<typeof knownAtStartingPointQuery>;

/** How many events were recorded in a span: a page of one, for its total count. */
export const recordedBetweenQuery = graphql(`
  query RecordedBetween($organizationId: ID!, $filter: HistoryFilterInput) {
    history(organizationId: $organizationId, first: 1, filter: $filter) {
      totalCount
    }
  }
`);
