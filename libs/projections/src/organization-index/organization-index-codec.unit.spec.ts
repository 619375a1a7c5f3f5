import { RATING_EVENT_FIELDS } from '@app/domain';
import type { JsonObject, RecordedEvent } from '@app/event-store';
import { decodeIndexedEvent, encodeIndexedEvent } from './organization-index-codec';

const row = { stream: 'assessment-q1', organizationId: 'grand-hotel', recordedAt: 1_700_000_000_000 };
const recordedEvent = (type: string, data: JsonObject): RecordedEvent =>
  ({ position: 7, revision: 3, type, data }) as unknown as RecordedEvent;

describe('organisation index codec', () => {
  const ratingData: Record<keyof typeof RATING_EVENT_FIELDS, JsonObject> = {
    RatingRecorded: {
      assessmentId: 'q1',
      organizationId: 'grand-hotel',
      functionId: 'housekeeping',
      capabilityId: 'service-recovery',
      level: 3,
      source: 'PEER',
      raterFunctionId: 'front-desk',
      evidence: 'Rooms late',
      respondentId: 'night-lead',
    },
    RatingCorrected: {
      assessmentId: 'q1',
      organizationId: 'grand-hotel',
      functionId: 'housekeeping',
      capabilityId: 'service-recovery',
      level: 4,
      source: 'SELF',
      raterFunctionId: null,
      reason: 'Typo',
      previousLevel: 3,
      correctedAt: '2024-04-02T09:30:00.000Z',
      respondentId: null,
    },
  };

  it.each(Object.keys(ratingData) as (keyof typeof ratingData)[])(
    'should store a %s as a tuple of its fields and read every field back',
    (type) => {
      const encoded = encodeIndexedEvent(recordedEvent(type, ratingData[type]));
      expect(Array.isArray(encoded[3])).toBe(true);
      const stored = JSON.parse(JSON.stringify(encoded)) as typeof encoded;
      expect(decodeIndexedEvent(stored, row).data).toEqual(ratingData[type]);
    },
  );

  it('should read a tuple stored before a field was added with that field null', () => {
    const decoded = decodeIndexedEvent(
      [7, 3, 'RatingRecorded', ['housekeeping', 'service-recovery', 2]],
      row,
    );
    expect(decoded.data).toMatchObject({
      functionId: 'housekeeping',
      level: 2,
      source: null,
      evidence: null,
    });
  });

  it('should keep any other event as its data object', () => {
    const data = { organizationId: 'grand-hotel', functionId: 'spa', name: 'Spa' };
    const encoded = encodeIndexedEvent(recordedEvent('FunctionAdded', data));
    expect(encoded[3]).toEqual(data);
    expect(decodeIndexedEvent(encoded, row)).toMatchObject({
      position: 7,
      revision: 3,
      type: 'FunctionAdded',
      data,
    });
  });
});
