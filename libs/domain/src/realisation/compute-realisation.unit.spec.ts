import { addCalendarMonths, computeRealisation } from '@app/domain';
import type { AssessmentRatings, RealisationInput, RealisationInvestment } from '@app/domain';
import { thrownBy } from '../scoring/thrown-by.fixtures';

const rating = (functionId: string, level: number, source: 'SELF' | 'CUSTOMER' = 'SELF') => ({
  functionId,
  capabilityId: 'insight',
  level,
  source,
  raterFunctionId: null,
});
const assessment = (
  assessmentId: string,
  periodEnd: string,
  sequence: number,
  ratings: AssessmentRatings['ratings'],
) => ({
  assessmentId,
  periodEnd,
  sequence,
  ratings,
});

// Before deployment (m0): sales/insight 2, support/insight 3; sales/recovery never rated.
const january = assessment('january', '2024-01-31T00:00:00Z', 1, [rating('sales', 2), rating('support', 3)]);
// After deployment but before deployedAt + lag: does not make the investment due.
const april = assessment('april', '2024-04-30T00:00:00Z', 2, [rating('sales', 4)]);
// After the lag: sales/insight (3 * 1 + 4 * 2) / 3 = 11/3; support/insight not re-rated, stays 3.
const june = assessment('june', '2024-06-30T00:00:00Z', 3, [
  rating('sales', 3),
  rating('sales', 4, 'CUSTOMER'),
]);

const investment: RealisationInvestment = {
  id: 'crm',
  status: 'DEPLOYED',
  deployedAt: '2024-02-15T00:00:00Z',
  lagMonths: 3,
  effects: [
    { functionId: 'sales', capabilityId: 'insight', likely: 2 },
    { functionId: 'support', capabilityId: 'insight', likely: 3 },
    { functionId: 'sales', capabilityId: 'recovery', likely: 1 },
  ],
};
const input: RealisationInput = {
  model: {
    levelCount: 5,
    capabilities: [
      { id: 'insight', weight: 1 },
      { id: 'recovery', weight: 1 },
    ],
  },
  organization: {
    functions: [
      { id: 'sales', customerFacing: true },
      { id: 'support', customerFacing: true },
    ],
    interactions: [],
    targets: [],
  },
  investment,
  assessments: [june, january, april],
};

describe('computeRealisation', () => {
  // predicted = (clamp(2 + 2) - 2) + (clamp(3 + 3, 1, 5) - 3) = 2 + 2 = 4; sales/recovery has no m0.
  it('should compare predicted with actual once an assessment after the lag rates an effect cell', () => {
    // actual = (11/3 - 2) + (3 - 3) = 5/3; ratio = (5/3) / 4 = 5/12
    const realisation = computeRealisation(input);
    expect(realisation).toMatchObject({
      investmentId: 'crm',
      predicted: 4,
      actual: expect.closeTo(5 / 3, 12),
      ratio: expect.closeTo(5 / 12, 12),
      due: true,
      dueFrom: '2024-05-15T00:00:00.000Z',
      assessmentId: 'june',
    });
    expect(realisation.cells).toEqual([
      {
        functionId: 'sales',
        capabilityId: 'insight',
        baselineLevel: 2,
        predictedLevel: 4,
        actualLevel: expect.closeTo(11 / 3, 12),
      },
      { functionId: 'support', capabilityId: 'insight', baselineLevel: 3, predictedLevel: 5, actualLevel: 3 },
    ]);
  });

  it('should exclude an effect cell unrated at deployment, and say so', () => {
    expect(computeRealisation(input).excludedCells).toEqual([
      { functionId: 'sales', capabilityId: 'recovery' },
    ]);
  });

  it('should not be due while only assessments before deployedAt + lag rate its cells', () => {
    expect(computeRealisation({ ...input, assessments: [january, april] })).toMatchObject({
      predicted: 4,
      actual: null,
      ratio: null,
      due: false,
      assessmentId: null,
    });
  });

  it('should become due on an assessment whose periodEnd equals deployedAt + lag', () => {
    const onTheDay = assessment('on-the-day', '2024-05-15T00:00:00Z', 4, [rating('support', 5)]);
    // actual = (4 - 2) [april, as of May 15] + (5 - 3) = 4; ratio 1
    expect(computeRealisation({ ...input, assessments: [january, april, onTheDay] })).toMatchObject({
      actual: 4,
      ratio: 1,
      due: true,
      assessmentId: 'on-the-day',
    });
  });

  it('should leave the ratio null when nothing was predicted', () => {
    const flat = { ...investment, effects: [{ functionId: 'sales', capabilityId: 'insight', likely: 0 }] };
    expect(computeRealisation({ ...input, investment: flat })).toMatchObject({
      predicted: 0,
      actual: expect.closeTo(5 / 3, 12),
      ratio: null,
      due: true,
    });
  });

  it('should add several effects on one cell before clamping', () => {
    // sales/insight: 2 + (2 + 2) = 6 -> 5: predicted 3
    const twice = {
      ...investment,
      effects: [investment.effects[0], investment.effects[0]],
    } as RealisationInvestment;
    expect(computeRealisation({ ...input, investment: twice }).predicted).toBe(3);
  });

  it('should read actual from the latest assessment after the lag, and list what each one showed', () => {
    // September re-rates support/insight to 4: actual = (11/3 - 2) + (4 - 3) = 8/3 as of September.
    const september = assessment('september', '2024-09-30T00:00:00Z', 4, [rating('support', 4)]);
    const realisation = computeRealisation({ ...input, assessments: [september, june, january, april] });
    expect(realisation).toMatchObject({
      actual: expect.closeTo(8 / 3, 12),
      ratio: expect.closeTo(8 / 12, 12),
      assessmentId: 'september',
    });
    expect(realisation.measurements).toEqual([
      {
        assessmentId: 'june',
        periodEnd: '2024-06-30T00:00:00.000Z',
        actual: expect.closeTo(5 / 3, 12),
        ratio: expect.closeTo(5 / 12, 12),
      },
      {
        assessmentId: 'september',
        periodEnd: '2024-09-30T00:00:00.000Z',
        actual: expect.closeTo(8 / 3, 12),
        ratio: expect.closeTo(8 / 12, 12),
      },
    ]);
  });

  it('should list no measurement before one is due', () => {
    expect(computeRealisation({ ...input, assessments: [january, april] }).measurements).toEqual([]);
  });

  it('should say it can never be measured when no effect cell had a rating on the deployment date', () => {
    const beforeAnyRating = { ...investment, deployedAt: '2001-01-01T00:00:00Z' };
    const realisation = computeRealisation({ ...input, investment: beforeAnyRating });
    expect(realisation).toMatchObject({ measurable: false, predicted: 0, due: false, cells: [] });
    expect(realisation.excludedCells).toHaveLength(3);
    expect(computeRealisation(input).measurable).toBe(true);
  });

  it('should refuse an investment that is not deployed', () => {
    expect(
      thrownBy(() =>
        computeRealisation({ ...input, investment: { ...investment, status: 'APPROVED', deployedAt: null } }),
      ),
    ).toMatchObject({ kind: 'conflict', code: 'INVESTMENT.NOT_DEPLOYED' });
  });
});

describe('addCalendarMonths', () => {
  it('should keep the day of the month, or the last day when the month is shorter', () => {
    expect(new Date(addCalendarMonths(Date.parse('2024-02-15T10:00:00Z'), 3)).toISOString()).toBe(
      '2024-05-15T10:00:00.000Z',
    );
    expect(new Date(addCalendarMonths(Date.parse('2024-01-31T00:00:00Z'), 1)).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(new Date(addCalendarMonths(Date.parse('2024-11-30T00:00:00Z'), 3)).toISOString()).toBe(
      '2025-02-28T00:00:00.000Z',
    );
  });
});
