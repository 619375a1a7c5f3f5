// fast-check generators of investments over a generated organisation (a .fixtures.ts file: for tests only, never built).
import fc from 'fast-check';
import type { ScenarioInvestment } from '@app/domain';
import type { ScoringCase } from '../scoring/scoring-arbitraries.fixtures';

export const effectArbitrary = (scoringCase: ScoringCase) => {
  const functionIds = scoringCase.organization.functions.map((business) => business.id);
  const capabilityIds = scoringCase.model.capabilities.map((capability) => capability.id);
  return fc
    .record({
      functionId: fc.constantFrom(...functionIds),
      capabilityId: fc.constantFrom(...capabilityIds),
      spread: fc.tuple(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
      ),
    })
    .map(({ functionId, capabilityId, spread }) => {
      const [low, likely, high] = [...spread].sort((left, right) => left - right) as [number, number, number];
      return { functionId, capabilityId, low, likely, high };
    });
};

export const investmentsArbitrary = (
  scoringCase: ScoringCase,
  maximumInvestments = 4,
): fc.Arbitrary<(ScenarioInvestment & { cost: number })[]> =>
  fc
    .array(
      fc.record({
        status: fc.constantFrom('PLANNED' as const, 'APPROVED' as const, 'DEPLOYED' as const),
        lagMonths: fc.integer({ min: 0, max: 18 }),
        effects: fc.array(effectArbitrary(scoringCase), { minLength: 0, maxLength: 3 }),
        cost: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: maximumInvestments },
    )
    .map((investments) =>
      investments.map((investment, position) => ({ id: `investment-${position}`, ...investment })),
    );
