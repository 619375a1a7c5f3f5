// fast-check generators shared by the property tests (a .fixtures.ts file: for tests only, never built).
import fc from 'fast-check';
import type { CellLevel, ScoringModel, ScoringOrganization } from '@app/domain';

export interface ScoringCase {
  model: ScoringModel;
  organization: ScoringOrganization;
  cells: CellLevel[];
}

export interface ScoringCaseOptions {
  maximumFunctions?: number;
  maximumCapabilities?: number;
  /** Probability-free switch: every cell rated. */
  everyCellRated?: boolean;
}

export const levelArbitrary = (levelCount: number): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 1, max: levelCount }), fc.double({ min: 1, max: levelCount, noNaN: true }));

export const scoringCaseArbitrary = (options: ScoringCaseOptions = {}): fc.Arbitrary<ScoringCase> =>
  fc
    .record({
      levelCount: fc.constantFrom(4, 5, 7),
      capabilityWeights: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), {
        minLength: 1,
        maxLength: options.maximumCapabilities ?? 4,
      }),
      customerFacing: fc.array(fc.boolean(), { minLength: 1, maxLength: options.maximumFunctions ?? 5 }),
      declareInteractions: fc.boolean(),
    })
    .chain(({ levelCount, capabilityWeights, customerFacing, declareInteractions }) => {
      const functionIds = customerFacing.map((_, position) => `function-${position}`);
      const capabilityIds = capabilityWeights.map((_, position) => `capability-${position}`);
      const pairs = functionIds.flatMap((from, position) =>
        functionIds.slice(position + 1).map((to) => ({ from, to })),
      );
      const cells = functionIds.flatMap((functionId) =>
        capabilityIds.map((capabilityId) => ({ functionId, capabilityId })),
      );
      return fc.record({
        model: fc.constant<ScoringModel>({
          levelCount,
          capabilities: capabilityIds.map((id, position) => ({
            id,
            weight: capabilityWeights[position] ?? 1,
          })),
        }),
        organization: fc.record({
          functions: fc.constant(
            functionIds.map((id, position) => ({ id, customerFacing: customerFacing[position] ?? false })),
          ),
          interactions: declareInteractions
            ? fc
                .subarray(pairs)
                .chain((chosen) =>
                  fc.tuple(
                    ...chosen.map((pair) =>
                      fc.double({ min: 0.1, max: 5, noNaN: true }).map((weight) => ({ ...pair, weight })),
                    ),
                  ),
                )
            : fc.constant([]),
          targets: fc
            .tuple(
              ...capabilityIds.map((capabilityId) =>
                fc.option(
                  fc
                    .integer({ min: 1, max: levelCount })
                    .map((level) => ({ capabilityId, functionId: null, level })),
                ),
              ),
              ...cells.map((cell) =>
                fc.option(
                  fc.integer({ min: 1, max: levelCount }).map((level) => ({ ...cell, level })),
                  { freq: 4 },
                ),
              ),
            )
            .map((targets) => targets.flatMap((target) => (target === null ? [] : [target]))),
        }),
        cells: fc
          .tuple(
            ...cells.map((cell) =>
              options.everyCellRated === true
                ? levelArbitrary(levelCount).map((level) => ({ ...cell, level }))
                : fc.option(
                    levelArbitrary(levelCount).map((level) => ({ ...cell, level })),
                    { freq: 4 },
                  ),
            ),
          )
          .map((rated) => rated.flatMap((cell) => (cell === null ? [] : [cell]))),
      });
    });
