// The auditors' download: an organisation's events exactly as recorded, one row each, oldest first.
import type { RecordedEvent } from '@app/event-store';
import type { ReportTable } from './report-table';

export function historyTable(events: readonly RecordedEvent[]): ReportTable<RecordedEvent> {
  return {
    title: 'History',
    columns: [
      { header: 'position', kind: 'integer', value: (event) => event.position },
      { header: 'recorded at', kind: 'text', value: (event) => event.metadata.recordedAt },
      { header: 'stream', kind: 'text', value: (event) => event.stream },
      { header: 'revision', kind: 'integer', value: (event) => event.revision },
      { header: 'type', kind: 'text', value: (event) => event.type },
      { header: 'actor', kind: 'text', value: (event) => event.metadata.actor },
      { header: 'role', kind: 'text', value: (event) => event.metadata.role },
      { header: 'command id', kind: 'text', value: (event) => event.metadata.commandId },
      { header: 'correlation id', kind: 'text', value: (event) => event.metadata.correlationId },
      { header: 'causation id', kind: 'text', value: (event) => event.metadata.causationId },
      { header: 'schema version', kind: 'integer', value: (event) => event.metadata.schemaVersion },
      { header: 'hash', kind: 'text', value: (event) => event.hash },
      { header: 'previous hash', kind: 'text', value: (event) => event.metadata.prevHash },
      { header: 'data', kind: 'text', value: (event) => JSON.stringify(event.data) },
    ],
    rows: events,
  };
}
