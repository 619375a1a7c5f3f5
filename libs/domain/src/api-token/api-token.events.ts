import type { DomainEvent } from '../shared';

export const API_TOKEN_ROLES = ['ADMIN', 'ASSESSOR', 'PLANNER', 'AUDITOR'] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

export type ApiTokenIssuedData = {
  tokenId: string;
  role: ApiTokenRole;
  /** The organisations the token reaches; empty for ADMIN, which reaches all. */
  organizationIds: string[];
  label: string | null;
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  secretHash: string;
  /** ISO-8601, from the command context. */
  issuedAt: string;
};

export type ApiTokenRevokedData = {
  tokenId: string;
  /** ISO-8601, from the command context. */
  revokedAt: string;
};

export type ApiTokenIssued = DomainEvent<'ApiTokenIssued', ApiTokenIssuedData>;
export type ApiTokenRevoked = DomainEvent<'ApiTokenRevoked', ApiTokenRevokedData>;

export type ApiTokenEvent = ApiTokenIssued | ApiTokenRevoked;
export type ApiTokenEventType = ApiTokenEvent['type'];

export const API_TOKEN_EVENT_SCHEMA_VERSIONS: Record<ApiTokenEventType, number> = {
  ApiTokenIssued: 1,
  ApiTokenRevoked: 1,
};
