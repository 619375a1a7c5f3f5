import type { HistoryPage } from '@app/application';
import type { HistoryConnection } from './history.model';

export function toHistoryConnection(page: HistoryPage): HistoryConnection {
  return {
    totalCount: page.totalCount,
    edges: page.edges.map(({ cursor, event }) => ({
      cursor,
      node: {
        position: event.position,
        stream: event.stream,
        revision: event.revision,
        type: event.type,
        data: event.data,
        actor: event.metadata.actor,
        role: event.metadata.role,
        commandId: event.metadata.commandId,
        schemaVersion: event.metadata.schemaVersion,
        recordedAt: event.metadata.recordedAt,
        hash: event.hash,
        prevHash: event.metadata.prevHash,
      },
    })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
