import { unusualPeriodEnd } from '../../apps/dashboard/src/assessments/period-end';

describe(unusualPeriodEnd.name, () => {
  const today = new Date('2026-11-29T07:00:00.000Z');

  it('should take the dates of a usual cycle, up to 10 years back and 2 years ahead', () => {
    for (const periodEnd of ['2026-12-31', '2016-11-29', '2028-11-29', '2025-03-31'])
      expect({ periodEnd, unusual: unusualPeriodEnd(periodEnd, today) }).toEqual({
        periodEnd,
        unusual: null,
      });
  });

  it('should flag a period end more than 10 years back or more than 2 years ahead', () => {
    expect(unusualPeriodEnd('1900-01-01', today)).toBe('past');
    expect(unusualPeriodEnd('2016-11-28', today)).toBe('past');
    expect(unusualPeriodEnd('2028-11-30', today)).toBe('future');
    expect(unusualPeriodEnd('2206-03-31', today)).toBe('future');
  });
});
