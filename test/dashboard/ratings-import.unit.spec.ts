// Importing a ratings file on the page: the preview's counts and the problems said by line and column.
import type { RatingOfFile } from '@app/domain/assessment/ratings-file';
import {
  chunksOf,
  lineProblemOf,
  previewOf,
  unsendableProblemsOf,
} from '../../apps/dashboard/src/assessments/ratings-import';

const rated = (
  line: number,
  functionId: string,
  capabilityId: string,
  level = 3,
  source = 'SELF',
): RatingOfFile => ({
  line,
  rating: { functionId, capabilityId, level, source: source as RatingOfFile['rating']['source'] },
});

describe('Importing a ratings file on the page (unit)', () => {
  it('should count the ratings, the distinct cells and each function’s capabilities', () => {
    const ratings = [
      rated(2, 'kitchen', 'self-service'),
      rated(3, 'kitchen', 'self-service', 4, 'PEER'),
      rated(4, 'kitchen', 'service-recovery'),
      rated(5, 'front-desk', 'self-service'),
    ];
    expect(previewOf(ratings, new Map([['kitchen', 'Kitchen']]))).toEqual({
      ratings: 4,
      cells: 3,
      byFunction: [
        { functionId: 'kitchen', name: 'Kitchen', capabilities: 2, ratings: 3 },
        { functionId: 'front-desk', name: 'front-desk', capabilities: 1, ratings: 1 },
      ],
    });
  });

  it('should name the lines GraphQL could not carry: a level not a whole number, an unknown source', () => {
    expect(
      unsendableProblemsOf([
        rated(2, 'kitchen', 'self-service'),
        rated(3, 'kitchen', 'self-service', Number.NaN),
        rated(7, 'kitchen', 'self-service', 2, 'BOSS'),
      ]),
    ).toEqual([
      { index: 1, where: 'line 3, column level', message: 'level must be a whole number' },
      {
        index: 2,
        where: 'line 7, column source',
        message: 'source must be one of SELF, PEER, CUSTOMER, AUDIT (got "BOSS")',
      },
    ]);
  });

  it("should say the api's refusal of a rating as its file line and column", () => {
    const ratings = [rated(2, 'kitchen', 'self-service'), rated(5, 'spa', 'self-service')];
    expect(lineProblemOf(ratings, 1, 'functionId', 'functionId: no function "spa"')).toEqual({
      where: 'line 5, column function',
      message: 'functionId: no function "spa"',
    });
    expect(lineProblemOf(ratings, 0, null, 'refused').where).toBe('line 2');
  });

  it('should split a large file into chunks to check, in order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
