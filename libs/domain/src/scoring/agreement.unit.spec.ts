// Worked examples on a 5-point scale (null variance (25 - 1) / 12 = 2); each matches R's
// multilevel::rwg and multilevel::rwg.j with ranvar = 2.
import fc from 'fast-check';
import {
  sampleVariance,
  uniformNullVariance,
  withinGroupAgreement,
  withinGroupAgreementOverItems,
} from './agreement';

const FIVE_LEVELS = 5;

describe('rater agreement', () => {
  describe(withinGroupAgreement.name, () => {
    it.each([
      // mean 4.4, s2 = (3 x 0.16 + 2 x 0.36) / 4 = 0.3, r_wg = 1 - 0.3 / 2
      [[4, 4, 5, 4, 5], 0.85],
      // mean 3, s2 = 16 / 4 = 4 > 2: no agreement at all
      [[1, 5, 1, 5, 3], 0],
      [[3, 3, 3, 3], 1],
      // s2 = 1, r_wg = 1 - 1/2
      [[2, 3, 4], 0.5],
    ])('should give r_wg of %j as %d', (levels, expected) => {
      expect(withinGroupAgreement(levels, FIVE_LEVELS)).toBeCloseTo(expected, 12);
    });

    it('should give null for a single respondent, or none', () => {
      expect(withinGroupAgreement([4], FIVE_LEVELS)).toBeNull();
      expect(withinGroupAgreement([], FIVE_LEVELS)).toBeNull();
    });

    it('should take the null variance of the scale: (L^2 - 1) / 12', () => {
      expect(uniformNullVariance(5)).toBe(2);
      expect(uniformNullVariance(7)).toBe(4);
      // On 7 levels the same spread agrees more: s2 = 1, r_wg = 1 - 1/4.
      expect(withinGroupAgreement([2, 3, 4], 7)).toBeCloseTo(0.75, 12);
    });

    const levelCount = fc.constantFrom(4, 5, 7);
    const levelsOn = (count: number) =>
      fc.array(fc.integer({ min: 1, max: count }), { minLength: 2, maxLength: 12 });

    it('should lie in [0, 1]', () => {
      fc.assert(
        fc.property(
          levelCount.chain((count) => fc.tuple(fc.constant(count), levelsOn(count))),
          ([count, levels]) => {
            const agreement = withinGroupAgreement(levels, count) ?? NaN;
            expect(agreement).toBeGreaterThanOrEqual(0);
            expect(agreement).toBeLessThanOrEqual(1);
          },
        ),
      );
    });

    it('should be 1 when every respondent gives the same level', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 20 }), (level, respondents) => {
          expect(withinGroupAgreement(Array<number>(respondents).fill(level), FIVE_LEVELS)).toBe(1);
        }),
      );
    });

    it('should be 0 once the variance reaches the null variance', () => {
      fc.assert(
        fc.property(levelsOn(FIVE_LEVELS), (levels) => {
          const variance = sampleVariance(levels) ?? NaN;
          fc.pre(variance >= uniformNullVariance(FIVE_LEVELS));
          expect(withinGroupAgreement(levels, FIVE_LEVELS)).toBe(0);
        }),
      );
    });

    it('should not depend on the order of the respondents', () => {
      fc.assert(
        fc.property(
          levelsOn(FIVE_LEVELS).chain((levels) =>
            fc.tuple(fc.constant(levels), fc.shuffledSubarray(levels, { minLength: levels.length })),
          ),
          ([levels, shuffled]) => {
            expect(withinGroupAgreement(shuffled, FIVE_LEVELS)).toBeCloseTo(
              withinGroupAgreement(levels, FIVE_LEVELS) ?? NaN,
              12,
            );
          },
        ),
      );
    });
  });

  describe(withinGroupAgreementOverItems.name, () => {
    it('should give r_wg(J) = 0.9193548 for three capabilities rated by four respondents', () => {
      // Respondents' levels per capability: (4,4,3), (4,5,4), (5,5,4), (3,4,4).
      const respondents = [
        [4, 4, 3],
        [4, 5, 4],
        [5, 5, 4],
        [3, 4, 4],
      ];
      const variances = [0, 1, 2].map(
        (capability) => sampleVariance(respondents.map((levels) => levels[capability] ?? NaN)) ?? NaN,
      );
      // s2 = 2/3, 1/3, 1/4; S = 5/12; S / 2 = 5/24; r_wg(J) = 3 (19/24) / (3 (19/24) + 5/24) = 57/62
      [2 / 3, 1 / 3, 0.25].forEach((expected, capability) => {
        expect(variances[capability]).toBeCloseTo(expected, 12);
      });
      expect(withinGroupAgreementOverItems(variances, FIVE_LEVELS)).toBeCloseTo(0.9193548, 7);
      expect(withinGroupAgreementOverItems(variances, FIVE_LEVELS)).toBeCloseTo(57 / 62, 12);
    });

    it('should equal r_wg for one item, and be 1 with no variance at all', () => {
      expect(withinGroupAgreementOverItems([0.3], FIVE_LEVELS)).toBeCloseTo(
        // J = 1: (1 - x) / ((1 - x) + x) = 1 - x
        withinGroupAgreement([4, 4, 5, 4, 5], FIVE_LEVELS) ?? NaN,
        12,
      );
      expect(withinGroupAgreementOverItems([0, 0, 0], FIVE_LEVELS)).toBe(1);
    });

    it('should be 0 when the mean variance reaches the null variance, and null with no items', () => {
      expect(withinGroupAgreementOverItems([2, 2], FIVE_LEVELS)).toBe(0);
      expect(withinGroupAgreementOverItems([4, 0.5], FIVE_LEVELS)).toBe(0);
      expect(withinGroupAgreementOverItems([], FIVE_LEVELS)).toBeNull();
    });

    it('should lie in [0, 1] and not depend on the order of the items', () => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 1, maxLength: 11 }),
          (variances) => {
            const agreement = withinGroupAgreementOverItems(variances, FIVE_LEVELS) ?? NaN;
            expect(agreement).toBeGreaterThanOrEqual(0);
            expect(agreement).toBeLessThanOrEqual(1);
            expect(withinGroupAgreementOverItems([...variances].reverse(), FIVE_LEVELS)).toBeCloseTo(
              agreement,
              12,
            );
          },
        ),
      );
    });
  });
});
