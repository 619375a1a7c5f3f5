import {
  conflict,
  type Decider,
  invalidInput,
  notFound,
  optionalText,
  requireOneOf,
  requireSlug,
  TEXT_FIELDS,
} from '../shared';
import type { ApiTokenCommand, ApiTokenContext, IssueApiToken } from './api-token.commands';
import { API_TOKEN_ERROR_CODES } from './api-token.errors';
import { API_TOKEN_ROLES, type ApiTokenEvent } from './api-token.events';
import { evolveApiToken, initialApiTokenState, type ApiTokenState } from './api-token.state';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function decideApiToken(
  command: ApiTokenCommand,
  state: ApiTokenState,
  context: ApiTokenContext,
): ApiTokenEvent[] {
  if (command.type === 'IssueApiToken') return issue(command, state, context);
  if (state.status === 'NONE') {
    throw notFound('tokenId', 'tokenId: no such API token has been issued', API_TOKEN_ERROR_CODES.notFound);
  }
  // Revoking twice is a no-op: the caller's intent already holds.
  if (state.status === 'REVOKED') return [];
  return [
    { type: 'ApiTokenRevoked', data: { tokenId: state.tokenId, revokedAt: context.now.toISOString() } },
  ];
}

function issue({ data }: IssueApiToken, state: ApiTokenState, context: ApiTokenContext): ApiTokenEvent[] {
  const tokenId = requireSlug('tokenId', data.tokenId);
  if (state.status !== 'NONE') {
    throw conflict(
      `tokenId: API token "${tokenId}" is already issued`,
      API_TOKEN_ERROR_CODES.alreadyIssued,
      'tokenId',
    );
  }
  const role = requireOneOf('role', data.role, API_TOKEN_ROLES);
  if (!Array.isArray(data.organizationIds)) {
    throw invalidInput(
      'organizationIds',
      'organizationIds must be a list of organisation ids',
      API_TOKEN_ERROR_CODES.noOrganizations,
    );
  }
  const organizationIds = [
    ...new Set(data.organizationIds.map((id, index) => requireSlug(`organizationIds[${index}]`, id))),
  ];
  // ADMIN reaches every organisation, so a list would only mislead a reader of the event.
  if (role === 'ADMIN' && organizationIds.length > 0) {
    throw invalidInput(
      'organizationIds',
      'organizationIds must be empty for an ADMIN token, which reaches every organisation',
      API_TOKEN_ERROR_CODES.noOrganizations,
    );
  }
  if (role !== 'ADMIN' && organizationIds.length === 0) {
    throw invalidInput(
      'organizationIds',
      `organizationIds must name at least one organisation for a ${role} token`,
      API_TOKEN_ERROR_CODES.noOrganizations,
    );
  }
  if (typeof data.secretHash !== 'string' || !SHA256_HEX.test(data.secretHash)) {
    throw invalidInput(
      'secretHash',
      'secretHash must be a SHA-256 hex digest',
      API_TOKEN_ERROR_CODES.malformedSecretHash,
    );
  }
  return [
    {
      type: 'ApiTokenIssued',
      data: {
        tokenId,
        role,
        organizationIds,
        label: optionalText('label', data.label, TEXT_FIELDS.name),
        secretHash: data.secretHash,
        issuedAt: context.now.toISOString(),
      },
    },
  ];
}

export const apiTokenDecider: Decider<ApiTokenCommand, ApiTokenEvent, ApiTokenState, ApiTokenContext> = {
  initialState: initialApiTokenState,
  decide: decideApiToken,
  evolve: evolveApiToken,
};
