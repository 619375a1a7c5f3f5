// What the audit screen reads: the history page by page and the integrity check.
import { graphql, type ResultOf, type VariablesOf } from '../api/graphql';

export const historyQuery = graphql(`
  query History(
    $organizationId: ID!
    $after: String
    $first: Int
    $filter: HistoryFilterInput
    $newestFirst: Boolean
  ) {
    history(
      organizationId: $organizationId
      after: $after
      first: $first
      filter: $filter
      newestFirst: $newestFirst
    ) {
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
  query VerifyIntegrity($organizationId: ID, $since: String) {
    verifyIntegrity(organizationId: $organizationId, since: $since) {
      ok
      checkedEvents
      firstBrokenStream
      firstBrokenRevision
      message
      limit
      matchesFingerprint
      fingerprint {
        headPosition
        eventCount
        checkedAt
        text
      }
    }
  }
`);

export type IntegrityReport = ResultOf<typeof verifyIntegrityQuery>['verifyIntegrity'];

/**
 * What the "as known at two dates" comparison starts from, in one request of two one-event pages:
 * the organisation's first recorded event, and its correction recorded last (newest first, of
 * one type), whatever the length of its history.
 */
export const knownAtStartingPointQuery = graphql(`
  query KnownAtStartingPoint($organizationId: ID!) {
    firstEvent: history(organizationId: $organizationId, first: 1) {
      edges {
        node {
          recordedAt
        }
      }
    }
    lastCorrection: history(
      organizationId: $organizationId
      first: 1
      newestFirst: true
      filter: { types: ["RatingCorrected"] }
    ) {
      edges {
        node {
          recordedAt
          data
        }
      }
    }
  }
`);

/** The corrected assessment's title and period, for the sentence saying why these dates. */
export const correctedAssessmentQuery = graphql(`
  query CorrectedAssessment($assessmentId: ID!) {
    assessment(id: $assessmentId) {
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
