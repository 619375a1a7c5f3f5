// What the audit screen reads: the history page by page, the integrity check, and the maturity
// view as known at a date.
import { operation } from '../api/client';

export interface HistoryEvent {
  position: number;
  stream: string;
  revision: number;
  type: string;
  data: unknown;
  actor: string;
  role: string;
  recordedAt: string;
  hash: string;
  prevHash: string | null;
}

export interface HistoryFilter {
  types: string[] | null;
  stream: string | null;
  actor: string | null;
  recordedFrom: string | null;
  recordedTo: string | null;
}

export interface HistoryPage {
  totalCount: number;
  edges: { cursor: string; node: HistoryEvent }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const historyQuery = operation<
  { history: HistoryPage },
  { organizationId: string; after: string | null; first: number; filter: HistoryFilter }
>(`
  query History($organizationId: ID!, $after: String, $first: Int, $filter: HistoryFilterInput) {
    history(organizationId: $organizationId, after: $after, first: $first, filter: $filter) {
      totalCount
      edges { cursor node { position stream revision type data actor role recordedAt hash prevHash } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export interface IntegrityReport {
  ok: boolean;
  checkedEvents: number;
  firstBrokenStream: string | null;
  firstBrokenRevision: number | null;
  message: string | null;
}

export const verifyIntegrityQuery = operation<
  { verifyIntegrity: IntegrityReport },
  { organizationId: string }
>(`
  query VerifyIntegrity($organizationId: ID) {
    verifyIntegrity(organizationId: $organizationId) {
      ok checkedEvents firstBrokenStream firstBrokenRevision message
    }
  }
`);
