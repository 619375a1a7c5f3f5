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
