import { percentilesOf, quantileOfSorted, sampleTriangular } from '@app/domain';

describe('percentilesOf (Hyndman-Fan type 7)', () => {
  it('should interpolate between closest ranks', () => {
    // n = 10: rank (n - 1) p. p10: 0.9 -> 1 + 0.9 * (2 - 1) = 1.9; p50: 4.5 -> 5.5; p90: 8.1 -> 9.1
    expect(percentilesOf(Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]))).toEqual({
      p10: expect.closeTo(1.9, 12),
      p50: 5.5,
      p90: expect.closeTo(9.1, 12),
    });
  });

  it('should return the one value of a single trial', () => {
    expect(percentilesOf(Float64Array.from([42]))).toEqual({ p10: 42, p50: 42, p90: 42 });
    expect(quantileOfSorted(Float64Array.from([1, 3]), 0.5)).toBe(2);
  });
});

describe('sampleTriangular', () => {
  it('should invert the triangular CDF', () => {
    // triangular(0, 1, 2): F(x) = x^2 / 2 below the mode, so u = 0.5 -> 1 and u = 0.125 -> 0.5
    expect(sampleTriangular(0, 1, 2, 0)).toBe(0);
    expect(sampleTriangular(0, 1, 2, 0.5)).toBe(1);
    expect(sampleTriangular(0, 1, 2, 0.125)).toBe(0.5);
    // Above the mode: x = 2 - sqrt((1 - u) * 2 * 1); u = 0.875 -> 1.5
    expect(sampleTriangular(0, 1, 2, 0.875)).toBe(1.5);
  });

  it('should give no spread when low = likely = high', () => {
    expect(sampleTriangular(2, 2, 2, 0)).toBe(2);
    expect(sampleTriangular(2, 2, 2, 0.999)).toBe(2);
  });

  it('should honour a mode at either end', () => {
    // triangular(1, 1, 3): x = 3 - sqrt((1 - u) * 2 * 2); u = 0 -> 1, u = 0.75 -> 2
    expect(sampleTriangular(1, 1, 3, 0)).toBe(1);
    expect(sampleTriangular(1, 1, 3, 0.75)).toBe(2);
    expect(sampleTriangular(-1, 0, 0, 0.25)).toBe(-0.5);
  });
});
