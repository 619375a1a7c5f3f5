// Respondents in rater groups, scored by hand on a 5-point scale (null variance 2).
import fc from 'fast-check';
import { computeMaturity, effectiveCells } from '@app/domain';
import type {
  AssessmentRating,
  AssessmentRatings,
  RatingSource,
  ScoringModel,
  ScoringOrganization,
} from '@app/domain';

const model: ScoringModel = {
  levelCount: 5,
  capabilities: [
    { id: 'insight', weight: 1 },
    { id: 'cooperation', weight: 1 },
    { id: 'recovery', weight: 1 },
  ],
};
const organization: ScoringOrganization = {
  functions: [
    { id: 'front-desk', customerFacing: true },
    { id: 'housekeeping', customerFacing: false },
  ],
  interactions: [],
  targets: [],
};

const rating = (
  capabilityId: string,
  source: RatingSource,
  level: number,
  respondentId: string | null,
  raterFunctionId: string | null = null,
): AssessmentRating => ({
  functionId: 'housekeeping',
  capabilityId,
  level,
  source,
  raterFunctionId,
  respondentId,
});
const assessmentOf = (ratings: AssessmentRating[]): AssessmentRatings => ({
  assessmentId: 'q1',
  periodEnd: '2024-03-31T00:00:00.000Z',
  sequence: 1,
  ratings,
});

describe('rater groups', () => {
  // Housekeeping's cooperation: five of its own staff (4,4,5,4,5), three front-desk shift leads
  // (2,3,4), and one customer panel speaking as one (2).
  const cooperation = [
    ...[4, 4, 5, 4, 5].map((level, index) => rating('cooperation', 'SELF', level, `room-attendant-${index}`)),
    ...[2, 3, 4].map((level, index) =>
      rating('cooperation', 'PEER', level, `shift-lead-${index}`, 'front-desk'),
    ),
    rating('cooperation', 'CUSTOMER', 2, null),
  ];
  const [cell] = effectiveCells(model, organization, [assessmentOf(cooperation)]);

  it('should take the weighted mean of the group levels, each the plain mean of its respondents', () => {
    // SELF 4.4 (weight 1), PEER from the customer-facing front desk 3 (weight 2), CUSTOMER 2 (weight 2):
    // m = (4.4 + 2 x 3 + 2 x 2) / 5 = 2.88
    expect(cell?.level).toBeCloseTo(2.88, 12);
    expect(
      cell?.groups.map(({ source, raterFunctionId, respondents, level }) => [
        source,
        raterFunctionId,
        respondents,
        level,
      ]),
    ).toEqual([
      ['SELF', null, 5, expect.closeTo(4.4, 12)],
      ['PEER', 'front-desk', 3, 3],
      ['CUSTOMER', null, 1, 2],
    ]);
  });

  it('should take the perception gap over groups: SELF 4.4 against the mean of 3 and 2', () => {
    expect(cell?.perceptionGap).toBeCloseTo(1.9, 12);
  });

  it("should give each group's r_wg, and the cell the smallest", () => {
    expect(cell?.groups.map((group) => group.agreement)).toEqual([expect.closeTo(0.85, 12), 0.5, null]);
    expect(cell?.agreement).toBe(0.5);
  });

  it("should share a group's weight among its respondents' ratings, and count every rating", () => {
    expect(cell?.ratingCount).toBe(9);
    const weights = new Map(
      cell?.ratings.map((contributing) => [contributing.respondentId, contributing.weight]),
    );
    expect(weights.get('room-attendant-0')).toBeCloseTo(0.2, 12);
    expect(weights.get('shift-lead-0')).toBeCloseTo(2 / 3, 12);
    expect(weights.get(null)).toBe(2);
  });

  it('should give a function the smallest r_wg(J) of its groups over its capabilities', () => {
    // Four housekeeping respondents rate three capabilities: (4,4,3), (4,5,4), (5,5,4), (3,4,4),
    // r_wg(J) = 57/62. Two front-desk leads rate insight only, 1 and 5: r_wg(J) over one item = 0.
    const respondents = [
      [4, 4, 3],
      [4, 5, 4],
      [5, 5, 4],
      [3, 4, 4],
    ];
    const selfRatings = respondents.flatMap((levels, respondent) =>
      ['insight', 'cooperation', 'recovery'].map((capabilityId, position) =>
        rating(capabilityId, 'SELF', levels[position] ?? NaN, `attendant-${respondent}`),
      ),
    );
    const scoresOf = (ratings: AssessmentRating[]) =>
      computeMaturity(model, organization, effectiveCells(model, organization, [assessmentOf(ratings)]));
    const agreementOf = (ratings: AssessmentRating[]) =>
      scoresOf(ratings).functionScores.find((score) => score.functionId === 'housekeeping')?.agreement;

    expect(agreementOf(selfRatings)).toBeCloseTo(57 / 62, 12);
    expect(
      agreementOf([
        ...selfRatings,
        rating('insight', 'PEER', 1, 'lead-a', 'front-desk'),
        rating('insight', 'PEER', 5, 'lead-b', 'front-desk'),
      ]),
    ).toBe(0);
    expect(
      scoresOf(selfRatings).functionScores.find((score) => score.functionId === 'front-desk')?.agreement,
    ).toBeNull();
  });

  // Ratings without respondents: one rating per (cell, source, rater), as before respondents existed.
  const sources: RatingSource[] = ['SELF', 'PEER', 'CUSTOMER', 'AUDIT'];
  const plainRatings = fc
    .uniqueArray(
      fc.record({
        capabilityId: fc.constantFrom('insight', 'cooperation', 'recovery'),
        source: fc.constantFrom(...sources),
        level: fc.integer({ min: 1, max: 5 }),
      }),
      { selector: ({ capabilityId, source }) => `${capabilityId}/${source}`, minLength: 1, maxLength: 12 },
    )
    .map((drawn) =>
      drawn.map(({ capabilityId, source, level }) =>
        rating(capabilityId, source, level, null, source === 'PEER' ? 'front-desk' : null),
      ),
    );

  it('should, without respondents, score every cell as the plain weighted mean of its ratings (as before)', () => {
    fc.assert(
      fc.property(plainRatings, (ratings) => {
        for (const scored of effectiveCells(model, organization, [assessmentOf(ratings)])) {
          const own = ratings.filter((candidate) => candidate.capabilityId === scored.capabilityId);
          const weightOf = (source: RatingSource) => (source === 'SELF' ? 1 : 2);
          const weighted = own.reduce(
            (sum, candidate) => sum + weightOf(candidate.source) * candidate.level,
            0,
          );
          const weights = own.reduce((sum, candidate) => sum + weightOf(candidate.source), 0);
          const mean = (levels: number[]) => levels.reduce((sum, level) => sum + level, 0) / levels.length;
          const self = own
            .filter((candidate) => candidate.source === 'SELF')
            .map((candidate) => candidate.level);
          const others = own
            .filter((candidate) => candidate.source !== 'SELF')
            .map((candidate) => candidate.level);
          // Bit for bit: the same sums in the same order as before respondents.
          expect(scored.level).toBe(weighted / weights);
          expect(scored.perceptionGap).toBe(
            self.length > 0 && others.length > 0 ? mean(self) - mean(others) : null,
          );
          expect(scored.ratingCount).toBe(own.length);
          expect(scored.agreement).toBeNull();
          expect(scored.groups.every((group) => group.respondents === 1 && group.agreement === null)).toBe(
            true,
          );
        }
      }),
    );
  });

  it('should change no level when a group speaks through several respondents who all agree', () => {
    fc.assert(
      fc.property(plainRatings, fc.integer({ min: 2, max: 6 }), (ratings, respondents) => {
        const asOne = effectiveCells(model, organization, [assessmentOf(ratings)]);
        const asMany = effectiveCells(model, organization, [
          assessmentOf(
            ratings.flatMap((single) =>
              Array.from({ length: respondents }, (_, index) => ({
                ...single,
                respondentId: `person-${index}`,
              })),
            ),
          ),
        ]);
        asOne.forEach((single, position) => {
          expect(asMany[position]?.level).toBeCloseTo(single.level, 12);
          if (single.perceptionGap === null) expect(asMany[position]?.perceptionGap).toBeNull();
          else expect(asMany[position]?.perceptionGap).toBeCloseTo(single.perceptionGap, 12);
        });
        expect(asMany.every((scored) => scored.agreement === 1)).toBe(true);
      }),
    );
  });
});
