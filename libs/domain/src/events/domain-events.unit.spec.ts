import type { JsonObject } from '@app/event-store';
import { parseStreamName } from '../shared';
import {
  DOMAIN_EVENT_TYPES,
  EVENT_SCHEMA_VERSIONS,
  EVENT_STREAM_CATEGORIES,
  isDomainEventType,
} from './domain-events';
import type { DomainEventUnion } from './domain-events';

// Compile-time: every event's data is plain JSON as the store takes it (no Date, no undefined).
const asStoredData = (event: DomainEventUnion): JsonObject => event.data;

describe('domain events', () => {
  it('should version every event type at schema 1', () => {
    expect(DOMAIN_EVENT_TYPES).toHaveLength(20);
    expect(new Set(Object.values(EVENT_SCHEMA_VERSIONS))).toEqual(new Set([1]));
  });

  it('should place every event type in a stream category that parses back', () => {
    for (const type of DOMAIN_EVENT_TYPES) {
      expect(parseStreamName(`${EVENT_STREAM_CATEGORIES[type]}-some-id`)?.category).toBe(
        EVENT_STREAM_CATEGORIES[type],
      );
    }
  });

  it('should recognise its own event types only', () => {
    expect(isDomainEventType('RatingRecorded')).toBe(true);
    expect(isDomainEventType('toString')).toBe(false);
    expect(isDomainEventType('ShoppingCartOpened')).toBe(false);
  });

  it('should take event data as the store stores it', () => {
    expect(
      asStoredData({
        type: 'AssessmentClosed',
        data: { assessmentId: 'q1', organizationId: 'hotel', closedAt: '2024-04-01T00:00:00.000Z' },
      }),
    ).toEqual({ assessmentId: 'q1', organizationId: 'hotel', closedAt: '2024-04-01T00:00:00.000Z' });
  });
});
