import type { RecordedEvent } from '@app/event-store';
import { EVENT_STREAM_CATEGORIES, type DomainEventType } from '@app/domain';

/** Events of organisation, assessment and investment streams: each carries `organizationId`. */
export const ORGANIZATION_SCOPED_EVENT_TYPES: readonly string[] = (
  Object.keys(EVENT_STREAM_CATEGORIES) as DomainEventType[]
).filter((type) => EVENT_STREAM_CATEGORIES[type] !== 'maturity-model');

export function organizationIdOf(event: RecordedEvent): string | null {
  const organizationId = event.data.organizationId;
  return typeof organizationId === 'string' ? organizationId : null;
}
