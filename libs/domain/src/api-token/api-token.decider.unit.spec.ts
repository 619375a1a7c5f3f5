import { deciderSpecification } from '../shared/testing/decider-specification';
import { VALIDATION_ERROR_CODES } from '../shared';
import type { IssueApiToken } from './api-token.commands';
import { apiTokenDecider } from './api-token.decider';
import { API_TOKEN_ERROR_CODES } from './api-token.errors';
import type { ApiTokenIssued } from './api-token.events';

const now = new Date('2024-05-01T08:00:00.000Z');
const spec = deciderSpecification(apiTokenDecider, { now });
const secretHash = 'a'.repeat(64);

const issue = (overrides: Partial<IssueApiToken['data']> = {}): IssueApiToken => ({
  type: 'IssueApiToken',
  data: {
    tokenId: 'tok-1',
    role: 'ASSESSOR',
    organizationIds: ['hotel', 'hotel'],
    label: 'Front office',
    secretHash,
    ...overrides,
  },
});

const issued: ApiTokenIssued = {
  type: 'ApiTokenIssued',
  data: {
    tokenId: 'tok-1',
    role: 'ASSESSOR',
    organizationIds: ['hotel'],
    label: 'Front office',
    secretHash,
    issuedAt: now.toISOString(),
  },
};

describe('apiTokenDecider', () => {
  it('should issue a token with its organisations once each and only the secret hash', () => {
    spec.given([]).when(issue()).then([issued]);
  });

  it('should issue an ADMIN token without organisations', () => {
    spec
      .given([])
      .when(issue({ role: 'ADMIN', organizationIds: [], label: null }))
      .then([
        { type: 'ApiTokenIssued', data: { ...issued.data, role: 'ADMIN', organizationIds: [], label: null } },
      ]);
  });

  it('should refuse a scoped role without organisations', () => {
    spec
      .given([])
      .when(issue({ organizationIds: [] }))
      .thenThrows('invalid_input', API_TOKEN_ERROR_CODES.noOrganizations, 'organizationIds');
  });

  it('should refuse an ADMIN token limited to organisations, since ADMIN reaches all', () => {
    spec
      .given([])
      .when(issue({ role: 'ADMIN' }))
      .thenThrows('invalid_input', API_TOKEN_ERROR_CODES.noOrganizations, 'organizationIds');
  });

  it('should refuse an unknown role and a malformed organisation id naming the field', () => {
    spec
      .given([])
      .when(issue({ role: 'ROOT' }))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.notAllowed, 'role');
    spec
      .given([])
      .when(issue({ organizationIds: ['hotel', 'Not A Slug'] }))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.notASlug, 'organizationIds[1]');
  });

  it('should refuse something that is not a SHA-256 digest as the secret hash', () => {
    spec
      .given([])
      .when(issue({ secretHash: 'plain-secret' }))
      .thenThrows('invalid_input', API_TOKEN_ERROR_CODES.malformedSecretHash, 'secretHash');
  });

  it('should refuse issuing the same token id twice', () => {
    spec.given([issued]).when(issue()).thenThrows('conflict', API_TOKEN_ERROR_CODES.alreadyIssued, 'tokenId');
  });

  it('should revoke an issued token, and revoking again changes nothing', () => {
    const revoked = {
      type: 'ApiTokenRevoked' as const,
      data: { tokenId: 'tok-1', revokedAt: now.toISOString() },
    };
    spec.given([issued]).when({ type: 'RevokeApiToken' }).then([revoked]);
    spec.given([issued, revoked]).when({ type: 'RevokeApiToken' }).then([]);
  });

  it('should refuse revoking a token never issued', () => {
    spec
      .given([])
      .when({ type: 'RevokeApiToken' })
      .thenThrows('not_found', API_TOKEN_ERROR_CODES.notFound, 'tokenId');
  });
});
