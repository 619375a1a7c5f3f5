// What the tokens screen reads and sends.
import { graphql, type ResultOf } from '../api/graphql';

const apiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    tokenId
    role
    organizationIds
    label
    issuedAt
    revokedAt
    revoked
  }
`);

export const apiTokensQuery = graphql(
  `
    query ApiTokens {
      apiTokens {
        ...ApiTokenFields
      }
    }
  `,
  [apiTokenFields],
);

export type ApiToken = ResultOf<typeof apiTokensQuery>['apiTokens'][number];

export const issueApiTokenMutation = graphql(`
  mutation IssueApiToken($role: Role!, $organizationIds: [ID!]!, $label: String) {
    issueApiToken(role: $role, organizationIds: $organizationIds, label: $label) {
      token
      tokenId
      role
      organizationIds
      label
    }
  }
`);

export const revokeApiTokenMutation = graphql(
  `
    mutation RevokeApiToken($tokenId: ID!) {
      revokeApiToken(tokenId: $tokenId) {
        ...ApiTokenFields
      }
    }
  `,
  [apiTokenFields],
);
