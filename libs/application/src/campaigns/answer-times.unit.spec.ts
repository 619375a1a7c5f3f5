import { InMemoryEventStore } from '@app/event-store';
import { newEvent } from '@app/event-store/testing';
import { AnswerTimes } from './answer-times';

const RATER = { source: 'SELF', raterFunctionId: null, respondentId: 'respondent-1' } as const;
const rating = { functionId: 'bar', capabilityId: 'service-recovery', level: 3, ...RATER };

describe("a respondent's last answer time", () => {
  it("should be the rater's own latest answer, not an admin's later correction of it", async () => {
    let now = new Date('2026-11-29T15:09:00.000Z');
    const store = new InMemoryEventStore({ clock: () => now });
    await store.append('assessment-q4', [newEvent('RatingRecorded', { ...rating })], {
      expectedRevision: 'no_stream',
    });
    now = new Date('2026-11-29T15:20:22.000Z');
    await store.append(
      'assessment-q4',
      [newEvent('RatingCorrected', { ...rating, level: 4, reason: 'typo' })],
      {
        expectedRevision: 0,
      },
    );
    const times = await new AnswerTimes(store).of('q4');
    expect(times.lastAnsweredAt(RATER)).toBe('2026-11-29T15:09:00.000Z');
  });
});
