import type { JsonObject } from '@app/event-store';
import { parseStreamName } from '../shared';
import {
  DOMAIN_EVENT_TYPES,
  EVENT_SCHEMA_VERSIONS,
  EVENT_STREAM_CATEGORIES,
  EVENT_UPCASTS,
  isDomainEventType,
} from './domain-events';
import type { DomainEventUnion } from './domain-events';

// Compile-time: every event's data is plain JSON as the store takes it (no Date, no undefined).
const asStoredData = (event: DomainEventUnion): JsonObject => event.data;

describe('domain events', () => {
  it('should version every event type, the rating events at schema 2 (respondents)', () => {
    expect(DOMAIN_EVENT_TYPES).toHaveLength(29);
    const versions = Object.entries(EVENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1);
    expect(Object.fromEntries(versions)).toEqual({ RatingRecorded: 2, RatingCorrected: 2 });
  });

  it('should upcast every older schema version of every event type, one step at a time', () => {
    for (const type of DOMAIN_EVENT_TYPES) {
      const steps = EVENT_UPCASTS.filter((upcast) => upcast.eventType === type).map(
        (upcast) => upcast.fromSchemaVersion,
      );
      expect(steps.sort()).toEqual(
        Array.from({ length: EVENT_SCHEMA_VERSIONS[type] - 1 }, (_, index) => index + 1),
      );
    }
  });

  it('should read a rating recorded before respondents as one without a respondent', () => {
    const [step] = EVENT_UPCASTS.filter((upcast) => upcast.eventType === 'RatingRecorded');
    const version1 = { functionId: 'housekeeping', level: 3, source: 'SELF', raterFunctionId: null };
    expect(step?.upcast(version1)).toEqual({ ...version1, respondentId: null });
    expect(version1).not.toHaveProperty('respondentId');
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
