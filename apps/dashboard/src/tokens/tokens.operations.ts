// What the tokens screen reads and sends.
import { operation } from '../api/client';
import type { Role } from '../api/types';

export interface ApiToken {
  tokenId: string;
  role: Role;
  organizationIds: string[];
  label: string | null;
  issuedAt: string;
  revokedAt: string | null;
  revoked: boolean;
}

export const apiTokensQuery = operation<{ apiTokens: ApiToken[] }>(`
  query ApiTokens {
    apiTokens { tokenId role organizationIds label issuedAt revokedAt revoked }
  }
`);

export const issueApiTokenMutation = operation<
  {
    issueApiToken: {
      token: string;
      tokenId: string;
      role: Role;
      organizationIds: string[];
      label: string | null;
    };
  },
  { role: Role; organizationIds: string[]; label: string | null }
>(`
  mutation IssueApiToken($role: Role!, $organizationIds: [ID!]!, $label: String) {
    issueApiToken(role: $role, organizationIds: $organizationIds, label: $label) {
      token tokenId role organizationIds label
    }
  }
`);

export const revokeApiTokenMutation = operation<{ revokeApiToken: ApiToken }, { tokenId: string }>(`
  mutation RevokeApiToken($tokenId: ID!) {
    revokeApiToken(tokenId: $tokenId) { tokenId role organizationIds label issuedAt revokedAt revoked }
  }
`);
