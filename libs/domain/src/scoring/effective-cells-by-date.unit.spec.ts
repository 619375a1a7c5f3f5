import fc from 'fast-check';
import {
  type AssessmentRatings,
  effectiveCells,
  effectiveCellsByDate,
  RATING_SOURCES,
  type ScoringOrganization,
} from '@app/domain';
import { scoringCaseArbitrary } from './scoring-arbitraries.fixtures';
import { thrownBy } from './thrown-by.fixtures';

/** Quarter ends, some shared by two assessments (ties are broken by sequence). */
const QUARTER_ENDS = [
  '2024-03-31T00:00:00.000Z',
  '2024-06-30T00:00:00.000Z',
  '2024-09-30T00:00:00.000Z',
  '2024-12-31T00:00:00.000Z',
];

const historyArbitrary = fc
  .tuple(
    scoringCaseArbitrary({ maximumFunctions: 4, maximumCapabilities: 3 }),
    fc.integer({ min: 0, max: 6 }),
  )
  .chain(([scoringCase, count]) => {
    const functionIds = scoringCase.organization.functions.map((business) => business.id);
    const capabilityIds = scoringCase.model.capabilities.map((capability) => capability.id);
    const rating = fc.record({
      functionId: fc.constantFrom(...functionIds),
      capabilityId: fc.constantFrom(...capabilityIds),
      level: fc.integer({ min: 1, max: scoringCase.model.levelCount }),
      source: fc.constantFrom(...RATING_SOURCES),
      raterFunctionId: fc.option(fc.constantFrom(...functionIds), { nil: null }),
      respondentId: fc.option(fc.constantFrom('ann', 'bob'), { nil: null }),
    });
    const assessment = (sequence: number): fc.Arbitrary<AssessmentRatings> =>
      fc.record({
        assessmentId: fc.constant(`assessment-${sequence}`),
        periodEnd: fc.constantFrom(...QUARTER_ENDS),
        sequence: fc.constant(sequence),
        ratings: fc.array(rating, { maxLength: 8 }),
      });
    // One function may be retired from a quarter end: it leaves the views from that date on.
    const retired = fc.option(fc.tuple(fc.constantFrom(...functionIds), fc.constantFrom(...QUARTER_ENDS)), {
      nil: null,
    });
    return fc.record({
      model: fc.constant(scoringCase.model),
      organization: retired.map((retirement): ScoringOrganization => ({
        ...scoringCase.organization,
        functions: scoringCase.organization.functions.map((business) =>
          retirement !== null && business.id === retirement[0]
            ? { ...business, retiredFrom: retirement[1] }
            : business,
        ),
      })),
      assessments: fc.tuple(...Array.from({ length: count }, (_, sequence) => assessment(sequence))),
      dates: fc.subarray(['2023-12-31T00:00:00.000Z', ...QUARTER_ENDS, '2025-06-30T00:00:00.000Z']),
    });
  });

describe('effectiveCellsByDate', () => {
  it('should give, date after date, exactly the cells effectiveCells gives as of each date', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ model, organization, assessments, dates }) => {
        const byDate = [...effectiveCellsByDate(model, organization, assessments, dates)];
        expect(byDate).toEqual(
          dates.map((at) => ({ at, cells: effectiveCells(model, organization, assessments, { asOf: at }) })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('should refuse dates out of ascending order, naming asOf', () => {
    const [later, earlier] = ['2024-06-30T00:00:00.000Z', '2024-03-31T00:00:00.000Z'];
    const walk = effectiveCellsByDate(
      { levelCount: 5, capabilities: [] },
      { functions: [], interactions: [], targets: [] },
      [],
      [later, earlier],
    );
    expect(walk.next().value).toEqual({ at: later, cells: [] });
    const refusal = thrownBy(() => walk.next());
    expect(refusal).toMatchObject({ field: 'asOf' });
  });
});
