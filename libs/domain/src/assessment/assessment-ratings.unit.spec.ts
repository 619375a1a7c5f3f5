import fc from 'fast-check';
import { RATING_SOURCES } from '../maturity-model';
import {
  foldAssessmentRatings,
  noRatings,
  ratingKey,
  type RatingEvent,
  type RatingsInForce,
} from './assessment-ratings';
import type { RatingCorrectedData, RatingRecordedData } from './assessment.events';

const ids = { assessmentId: 'q1', organizationId: 'grand-hotel' };
const cell = { functionId: 'housekeeping', capabilityId: 'cross-functional-cooperation' };
type Overrides = Partial<RatingRecordedData & RatingCorrectedData>;
const recorded = (level: number, extra: Overrides = {}): RatingEvent => ({
  type: 'RatingRecorded',
  data: {
    ...ids,
    ...cell,
    level,
    source: 'SELF',
    raterFunctionId: null,
    evidence: null,
    respondentId: null,
    ...extra,
  },
});
const corrected = (level: number, reason: string, extra: Overrides = {}): RatingEvent => ({
  type: 'RatingCorrected',
  data: {
    ...ids,
    ...cell,
    level,
    source: 'SELF',
    raterFunctionId: null,
    reason,
    previousLevel: null,
    correctedAt: '2024-04-02T09:30:00.000Z',
    respondentId: null,
    ...extra,
  },
});

describe(foldAssessmentRatings.name, () => {
  it('should let a later rating of the same cell, source and rater supersede the earlier one', () => {
    const ratings = foldAssessmentRatings(noRatings(), [
      recorded(2, { evidence: 'Workshop one' }),
      recorded(4, { source: 'PEER', raterFunctionId: 'front-desk' }),
      recorded(3, { evidence: 'Workshop two' }),
    ]);
    expect(ratings.eventCount).toBe(3);
    expect([...ratings.byKey.values()]).toEqual([
      {
        ...cell,
        level: 3,
        source: 'SELF',
        raterFunctionId: null,
        respondentId: null,
        evidence: 'Workshop two',
        evidenceErased: false,
        correction: null,
        sequence: 2,
      },
      {
        ...cell,
        level: 4,
        source: 'PEER',
        raterFunctionId: 'front-desk',
        respondentId: null,
        evidence: null,
        evidenceErased: false,
        correction: null,
        sequence: 1,
      },
    ]);
  });

  it('should keep one rating per respondent of a rater group, each superseded by its own later one', () => {
    const ratings = foldAssessmentRatings(noRatings(), [
      recorded(4, { respondentId: 'night-lead' }),
      recorded(2, { respondentId: 'day-lead' }),
      recorded(3),
      recorded(5, { respondentId: 'night-lead' }),
      corrected(1, 'Misread the scale', { respondentId: 'day-lead' }),
    ]);
    expect([...ratings.byKey.values()].map(({ respondentId, level }) => [respondentId, level])).toEqual([
      ['night-lead', 5],
      ['day-lead', 1],
      [null, 3],
    ]);
  });

  it('should keep the evidence of the rating a correction supersedes, with the reason', () => {
    const ratings = foldAssessmentRatings(noRatings(), [
      recorded(2, { evidence: 'Rooms late three days a week' }),
      corrected(3, 'Transcription error', { previousLevel: 2 }),
    ]);
    expect(ratings.byKey.get(ratingKey({ ...cell, source: 'SELF', raterFunctionId: null }))).toMatchObject({
      level: 3,
      evidence: 'Rooms late three days a week',
      correction: {
        previousLevel: 2,
        reason: 'Transcription error',
        correctedAt: '2024-04-02T09:30:00.000Z',
      },
      sequence: 1,
    });
  });

  it('should forget the correction once a later recording supersedes it', () => {
    const ratings = foldAssessmentRatings(noRatings(), [
      recorded(2),
      corrected(3, 'Transcription error', { previousLevel: 2 }),
      recorded(4, { evidence: 'Re-rated in the second workshop' }),
    ]);
    expect(ratings.byKey.get(ratingKey({ ...cell, source: 'SELF', raterFunctionId: null }))).toMatchObject({
      level: 4,
      correction: null,
    });
  });

  it("should fold one more answer without copying the assessment's ratings in force", () => {
    let ratings = noRatings();
    for (let respondent = 0; respondent < 5_000; respondent += 1)
      ratings = foldAssessmentRatings(ratings, [recorded(3, { respondentId: `respondent-${respondent}` })]);
    const set = jest.spyOn(Map.prototype, 'set');
    const answered = foldAssessmentRatings(ratings, [recorded(4, { respondentId: 'respondent-5000' })]);
    const entriesSet = set.mock.calls.length;
    set.mockRestore();

    // A copy of the map would set its 5,000 entries again.
    expect(entriesSet).toBeLessThan(5);
    expect(answered.byKey.size).toBe(5_001);
    expect(ratings.byKey.size).toBe(5_000);
  });

  it('should leave the ratings it folds onto as they were', () => {
    const before = foldAssessmentRatings(noRatings(), [recorded(2)]);
    const after = foldAssessmentRatings(before, [recorded(5)]);
    expect([...before.byKey.values()].map((rating) => rating.level)).toEqual([2]);
    expect(before.eventCount).toBe(1);
    expect([...after.byKey.values()].map((rating) => rating.level)).toEqual([5]);
  });

  it('should give the same ratings folded one event at a time (the aggregate) or all at once (the read path)', () => {
    const ratingEvent: fc.Arbitrary<RatingEvent> = fc
      .record({
        functionId: fc.constantFrom('front-desk', 'housekeeping'),
        capabilityId: fc.constantFrom('customer-insight', 'service-recovery'),
        level: fc.integer({ min: 1, max: 5 }),
        source: fc.constantFrom(...RATING_SOURCES),
        correction: fc.boolean(),
        evidence: fc.option(fc.constantFrom('notes', 'survey')),
      })
      .map(({ functionId, capabilityId, level, source, correction, evidence }) => {
        const fields = { functionId, capabilityId, raterFunctionId: source === 'PEER' ? 'sales' : null };
        return correction
          ? corrected(level, 'Re-rated', { ...fields, source })
          : recorded(level, { ...fields, source, evidence });
      });
    fc.assert(
      fc.property(fc.array(ratingEvent, { maxLength: 40 }), (events) => {
        const oneByOne = events.reduce<RatingsInForce>(
          (ratings, event) => foldAssessmentRatings(ratings, [event]),
          noRatings(),
        );
        const allAtOnce = foldAssessmentRatings(noRatings(), events);
        expect([...allAtOnce.byKey.entries()]).toEqual([...oneByOne.byKey.entries()]);
        expect(allAtOnce.eventCount).toBe(events.length);
      }),
    );
  });
});
