import fc from 'fast-check';
import { computeMaturity } from '@app/domain';
import type { MaturityScores } from '@app/domain';
import { scoringCaseArbitrary } from './scoring-arbitraries.fixtures';

const withinPercentRange = (value: number | null): boolean => value === null || (value >= 0 && value <= 100);

// Reordering functions reorders sums, so numbers agree to round-off, not bit for bit.
const expectSameScores = (actual: MaturityScores, expected: MaturityScores): void => {
  const closeOrNull = (value: number | null): unknown => (value === null ? null : expect.closeTo(value, 9));
  const byCell = (scores: MaturityScores) =>
    [...scores.cells].sort((left, right) =>
      `${left.functionId}/${left.capabilityId}`.localeCompare(`${right.functionId}/${right.capabilityId}`),
    );
  const links = (scores: MaturityScores) =>
    scores.weakestLinks
      .map((link) => ({ pair: [link.from, link.to].sort().join('~'), misalignment: link.misalignment }))
      .sort((left, right) => left.pair.localeCompare(right.pair));
  const functionScores = (scores: MaturityScores) =>
    [...scores.functionScores].sort((left, right) => left.functionId.localeCompare(right.functionId));
  expect(actual).toMatchObject({
    customerCentricityIndex: closeOrNull(expected.customerCentricityIndex),
    alignmentIndex: closeOrNull(expected.alignmentIndex),
    targetAttainment: closeOrNull(expected.targetAttainment),
    coverage: expected.coverage,
  });
  expect(byCell(actual)).toEqual(byCell(expected));
  expect(functionScores(actual)).toEqual(
    functionScores(expected).map((score) => ({
      ...score,
      customerCentricityIndex: closeOrNull(score.customerCentricityIndex),
    })),
  );
  expect(links(actual)).toEqual(
    links(expected).map((link) => ({ ...link, misalignment: expect.closeTo(link.misalignment, 9) })),
  );
};

describe('computeMaturity properties (models of 4, 5 and 7 levels)', () => {
  it('should keep every index within 0..100 and coverage within 0..1', () => {
    fc.assert(
      fc.property(scoringCaseArbitrary(), ({ model, organization, cells }) => {
        const scores = computeMaturity(model, organization, cells);
        expect(withinPercentRange(scores.customerCentricityIndex)).toBe(true);
        expect(withinPercentRange(scores.alignmentIndex)).toBe(true);
        expect(withinPercentRange(scores.targetAttainment)).toBe(true);
        expect(
          scores.functionScores.every((score) => withinPercentRange(score.customerCentricityIndex)),
        ).toBe(true);
        expect(scores.coverage).toBeGreaterThanOrEqual(0);
        expect(scores.coverage).toBeLessThanOrEqual(1);
        expect(
          scores.weakestLinks.every(
            (link) => link.misalignment >= 0 && link.misalignment <= model.levelCount - 1,
          ),
        ).toBe(true);
      }),
    );
  });

  it('should give an alignment index of 100 when linked functions stand at the same levels', () => {
    fc.assert(
      fc.property(scoringCaseArbitrary({ everyCellRated: true }), ({ model, organization, cells }) => {
        // Every function takes the first function's level on each capability.
        const levelOf = new Map(
          cells
            .filter((cell) => cell.functionId === 'function-0')
            .map((cell) => [cell.capabilityId, cell.level]),
        );
        const equal = cells.map((cell) => ({ ...cell, level: levelOf.get(cell.capabilityId) ?? 1 }));
        const alignment = computeMaturity(model, organization, equal).alignmentIndex;
        if (alignment !== null) expect(alignment).toBeCloseTo(100, 9);
      }),
    );
  });

  it('should never lower the customer-centricity index when one level rises', () => {
    fc.assert(
      fc.property(
        scoringCaseArbitrary().filter((generated) => generated.cells.length > 0),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ model, organization, cells }, pick, share) => {
          const position = pick % cells.length;
          const raised = cells.map((cell, index) =>
            index === position
              ? { ...cell, level: cell.level + share * (model.levelCount - cell.level) }
              : cell,
          );
          const before = computeMaturity(model, organization, cells).customerCentricityIndex ?? 0;
          const after = computeMaturity(model, organization, raised).customerCentricityIndex ?? 0;
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
    );
  });

  it('should not depend on the order of functions', () => {
    fc.assert(
      fc.property(
        scoringCaseArbitrary().chain((generated) =>
          fc.tuple(
            fc.constant(generated),
            fc.shuffledSubarray([...generated.organization.functions], {
              minLength: generated.organization.functions.length,
            }),
          ),
        ),
        ([{ model, organization, cells }, shuffled]) => {
          const original = computeMaturity(model, organization, cells);
          const reordered = computeMaturity(model, { ...organization, functions: shuffled }, cells);
          expectSameScores(reordered, original);
        },
      ),
    );
  });
});
