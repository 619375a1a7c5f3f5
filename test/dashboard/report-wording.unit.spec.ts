// The reports' small rules: which two cycles "change since the previous cycle" compares, how an
// open assessment is said, the one-cycle time axis, and how dates, counts and months read.
import { timeRange } from '../../apps/dashboard/src/indices-chart/time-range';
import { cyclesWithRatings, includesOpenRatings } from '@app/domain/scoring/rated-cycles';
import { baselineCycle, cycleRange, indexChangeText } from '../../apps/dashboard/src/reports/cycle-range';
import { openedText, provisionalText } from '../../apps/dashboard/src/reports/provisional-text';
import { formatCount, formatDateTime, formatMonths } from '../../apps/dashboard/src/shared/format';

const cycle = (at: string, provisional = false) => ({ at: `${at}T00:00:00.000Z`, provisional });

describe('cycleRange (unit)', () => {
  const closedThenOpen = [cycle('2026-12-31'), cycle('2027-06-30'), cycle('2027-09-30', true)];

  it('should compare the latest cycle with the one before it', () => {
    expect(cycleRange(closedThenOpen, null)).toEqual({
      from: '2027-06-30T00:00:00.000Z',
      to: '2027-09-30T00:00:00.000Z',
    });
  });

  it('should never take an open cycle as the baseline while a closed one is earlier', () => {
    const twoOpen = [cycle('2026-12-31'), cycle('2027-06-30', true), cycle('2027-09-30', true)];
    expect(cycleRange(twoOpen, null)?.from).toBe('2026-12-31T00:00:00.000Z');
    // None closed: the cycle just before.
    expect(cycleRange([cycle('2027-06-30', true), cycle('2027-09-30', true)], null)?.from).toBe(
      '2027-06-30T00:00:00.000Z',
    );
  });

  it('should compare with the viewed date, and give nothing with one cycle', () => {
    expect(cycleRange(closedThenOpen, '2027-07-15T00:00:00.000Z')).toEqual({
      from: '2026-12-31T00:00:00.000Z',
      to: '2027-07-15T00:00:00.000Z',
    });
    expect(cycleRange([cycle('2026-12-31')], null)).toBeNull();
  });
});

describe('indexChangeText and baselineCycle (unit)', () => {
  it("should say an index's change since the last closed cycle, marked provisional when an open cycle counts", () => {
    expect(indexChangeText(16.2, 14.3, '2027-06-30T00:00:00.000Z', true)).toBe(
      '+1.9 since 30 Jun 2027 (provisional)',
    );
    expect(indexChangeText(80, 85.8, '2027-06-30T00:00:00.000Z', false)).toBe('−5.8 since 30 Jun 2027');
    expect(indexChangeText(50, 50.01, '2027-06-30T00:00:00.000Z', false)).toBe('0.0 since 30 Jun 2027');
  });

  it('should say there is no earlier cycle when either value or the baseline is missing', () => {
    expect(indexChangeText(16.2, null, '2027-06-30T00:00:00.000Z', false)).toBe('no earlier cycle');
    expect(indexChangeText(null, 14.3, '2027-06-30T00:00:00.000Z', false)).toBe('no earlier cycle');
    expect(indexChangeText(16.2, 14.3, null, false)).toBe('no earlier cycle');
  });

  it("should take cycleRange's baseline: the last closed cycle, not an open one", () => {
    const points = [cycle('2026-12-31'), cycle('2027-06-30'), cycle('2027-09-30', true)];
    expect(baselineCycle(points, null)).toBe(points[1]);
    expect(baselineCycle([cycle('2026-12-31')], null)).toBeNull();
  });
});

describe('cyclesWithRatings (unit)', () => {
  const opened = (periodEnd: string, decidedCells: number) => ({
    periodEnd: `${periodEnd}T00:00:00.000Z`,
    decidedCells,
  });
  const points = [cycle('2025-09-30'), cycle('2025-12-31'), cycle('2026-03-31', true)];

  it('should leave out a cycle opened with no rating yet, so the report stays on the last cycle with data', () => {
    const open = [opened('2026-03-31', 0)];
    expect(cyclesWithRatings(points, open)).toEqual(points.slice(0, 2));
    expect(includesOpenRatings(open)).toBe(false);
    // Not "0.0 since 31 Dec 2025": the latest cycle with data is compared with the one before it.
    expect(baselineCycle(cyclesWithRatings(points, open), null)).toBe(points[0]);
  });

  it('should keep an open cycle with a rating in, and a closed cycle on the same date', () => {
    const open = [opened('2026-03-31', 1)];
    expect(cyclesWithRatings(points, open)).toEqual(points);
    expect(includesOpenRatings(open)).toBe(true);
    expect(cyclesWithRatings(points, [opened('2025-12-31', 0)])).toEqual(points);
  });

  it('should keep an earlier open cycle whose cells a later one all re-rated: it had ratings of its own', () => {
    const twoOpen = [cycle('2025-09-30'), cycle('2025-12-31', true), cycle('2026-03-31', true)];
    const open = [opened('2025-12-31', 0), opened('2026-03-31', 4)];
    expect(cyclesWithRatings(twoOpen, open)).toEqual(twoOpen);
  });
});

describe('provisionalText (unit)', () => {
  it('should say a cycle opened with no rating yet as news, not as provisional numbers', () => {
    const empty = {
      assessmentId: 'q1',
      title: '2026 Q1',
      periodEnd: '2026-03-31T00:00:00.000Z',
      decidedCells: 0,
    };
    expect(provisionalText([empty], 55)).toBeNull();
    expect(openedText([empty])).toBe(
      '2026 Q1 (31 Mar 2026) opened, no ratings yet: the numbers are those of the cycles before it.',
    );
    expect(openedText([{ ...empty, decidedCells: 3 }])).toBeNull();
  });

  it('should name the open assessment, its date and the cells it decides', () => {
    const pulse = {
      assessmentId: 'pulse',
      title: '2027 Q3 pulse',
      periodEnd: '2027-09-30T00:00:00.000Z',
      decidedCells: 1,
    };
    expect(provisionalText([pulse], 44)).toBe(
      'Provisional: includes 2027 Q3 pulse (30 Sept 2027), still open, which decides 1 of 44 cells. Open assessments count; these numbers may change until it closes.',
    );
    expect(provisionalText([], 44)).toBeNull();
  });
});

describe('timeRange (unit)', () => {
  const day = 24 * 60 * 60;

  it('should centre a lone cycle with a quarter either side, not run on for years', () => {
    const at = Date.parse('2027-09-30T00:00:00.000Z') / 1000;
    const [min, max] = timeRange(at, at);
    expect((at - min!) / day).toBe(91);
    expect((max! - at) / day).toBe(91);
  });

  it('should pad several cycles by a little of their span', () => {
    const [min, max] = timeRange(0, 100 * day);
    expect(min).toBeCloseTo(-4 * day, 6);
    expect(max).toBeCloseTo(104 * day, 6);
    expect(timeRange(null, null)).toEqual([null, null]);
  });
});

describe('format (unit)', () => {
  it('should write a moment in the product date format, in UTC', () => {
    expect(formatDateTime('2026-11-29T07:11:05.000Z')).toBe('29 Nov 2026, 07:11:05 UTC');
  });

  it('should separate thousands and agree months with their number', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(formatMonths(1)).toBe('1 month');
    expect(formatMonths(6)).toBe('6 months');
  });
});
