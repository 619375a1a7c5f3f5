import { DomainError } from '../shared';
import { ASSESSMENT_ERROR_CODES } from './assessment.errors';
import { firstLineOfRecord, ratingFileLineOf, ratingsFromRecords, type RecordOfFile } from './ratings-file';

const records = (...rows: string[][]): RecordOfFile[] =>
  rows.map((cells, index) => ({ cells, line: index + 1 }));

const refusalOf = (read: () => unknown): DomainError => {
  try {
    read();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('A ratings file', () => {
  it('should read the columns in any order and case, the respondent optional, blank cells as absent', () => {
    const ratings = ratingsFromRecords(
      records(
        ['Level', 'function', 'capability', 'source', 'rater', 'evidence', 'respondent'],
        ['3', 'kitchen', 'self-service', 'peer', 'front-desk', ' Form 7 ', 'chef-anna'],
        ['', '', '', '', '', '', ''],
        ['two', 'kitchen', 'service-recovery', 'self', '', '', ''],
      ),
    );
    expect(ratings).toEqual([
      {
        line: 2,
        rating: {
          functionId: 'kitchen',
          capabilityId: 'self-service',
          level: 3,
          source: 'PEER',
          raterFunctionId: 'front-desk',
          evidence: 'Form 7',
          respondentId: 'chef-anna',
        },
      },
      {
        line: 4,
        rating: {
          functionId: 'kitchen',
          capabilityId: 'service-recovery',
          level: Number.NaN,
          source: 'SELF',
          raterFunctionId: null,
          evidence: null,
          respondentId: null,
        },
      },
    ]);
  });

  it('should refuse a header that misses, repeats or adds a column, on line 1', () => {
    const refusal = refusalOf(() =>
      ratingsFromRecords(records(['function', 'capability', 'level', 'source', 'rater', 'notes', 'rater'])),
    );
    expect(refusal.code).toBe(ASSESSMENT_ERROR_CODES.ratingsFileHeader);
    expect(refusal.field).toBe('file');
    expect(refusal.message).toMatch(/^line 1: .*missing evidence; unknown notes; repeated rater/);
  });

  it('should refuse a file without a rating', () => {
    const refusal = refusalOf(() =>
      ratingsFromRecords(records(['function', 'capability', 'level', 'source', 'rater', 'evidence'])),
    );
    expect(refusal.code).toBe(ASSESSMENT_ERROR_CODES.ratingsFileEmpty);
  });

  it('should say the line and column a refusal of a rating points at', () => {
    const ratings = ratingsFromRecords(
      records(
        ['function', 'capability', 'level', 'source', 'rater', 'evidence'],
        ['kitchen', 'self-service', '3', 'SELF', '', ''],
        ['kitchen', 'self-service', '9', 'SELF', '', ''],
      ),
    );
    expect(ratingFileLineOf('ratings[1].level', ratings)).toBe('line 3, column level');
    expect(ratingFileLineOf('input.ratings[0].raterFunctionId', ratings)).toBe('line 2, column rater');
    expect(ratingFileLineOf('respondentId', ratings, 1)).toBe('line 3, column respondent');
    expect(ratingFileLineOf('ratings[1]', ratings)).toBe('line 3');
    expect(ratingFileLineOf('assessmentId', ratings)).toBeNull();
  });

  it('should find the line a record starts on when a quoted cell spans lines', () => {
    expect(firstLineOfRecord(['kitchen', 'self-service', '3', 'SELF', '', 'first\nsecond\nthird'], 7)).toBe(
      5,
    );
  });
});
