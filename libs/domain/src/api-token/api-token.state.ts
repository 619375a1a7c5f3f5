import type { ApiTokenEvent, ApiTokenRole } from './api-token.events';

export type IssuedApiToken = {
  tokenId: string;
  role: ApiTokenRole;
  organizationIds: string[];
  label: string | null;
  secretHash: string;
  issuedAt: string;
  revokedAt: string | null;
};

export type ApiTokenState = { status: 'NONE' } | ({ status: 'ISSUED' | 'REVOKED' } & IssuedApiToken);

export const initialApiTokenState = (): ApiTokenState => ({ status: 'NONE' });

export function evolveApiToken(state: ApiTokenState, event: ApiTokenEvent): ApiTokenState {
  switch (event.type) {
    case 'ApiTokenIssued':
      return { status: 'ISSUED', ...event.data, revokedAt: null };
    case 'ApiTokenRevoked':
      return state.status === 'NONE'
        ? state
        : { ...state, status: 'REVOKED', revokedAt: event.data.revokedAt };
  }
}
