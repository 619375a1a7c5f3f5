// What makes a board report's number weak, in words: the marks' rules (the heatmap's agreement
// threshold, a single rating), the cycle's response as the campaign counts it, and which
// assessments are the cycle.
import {
  addProgress,
  cycleAssessments,
  responseText,
  restsOnOneRating,
  weaknessNotes,
} from '../../apps/dashboard/src/reports/weak-numbers';

const progress = (
  invited: number,
  started: number,
  finished: number,
  answered: number,
  notSure: number,
  expected: number,
) => ({ invited, started, finished, answered, notSure, expected });

describe('responseText (unit)', () => {
  it('should say the answers and the raters who finished, as the trial expected', () => {
    expect(responseText(progress(10, 9, 8, 163, 0, 187))).toBe(
      '163 of 187 answers (87%) · 8 of 10 raters finished, 1 gave no answer',
    );
  });

  it('should count the questions set aside as "Not sure" apart from the answers', () => {
    expect(responseText(progress(10, 10, 9, 160, 3, 187))).toBe(
      '160 of 187 answers (86%), 3 not sure · 9 of 10 raters finished',
    );
  });

  it('should count in the singular', () => {
    expect(responseText(progress(1, 1, 1, 1, 0, 1))).toBe('1 of 1 answer (100%) · 1 of 1 rater finished');
  });

  it('should say nothing when nobody was invited by link', () => {
    expect(responseText(progress(0, 0, 0, 0, 0, 0))).toBeNull();
  });

  it('should add up the assessments of one cycle', () => {
    expect(addProgress([progress(2, 1, 1, 11, 1, 22), progress(3, 3, 2, 30, 0, 33)])).toEqual(
      progress(5, 4, 3, 41, 1, 55),
    );
  });
});

describe('the weak cells (unit)', () => {
  const cell = (level: number | null, ratingCount: number, agreement: number | null) => ({
    level,
    ratingCount,
    agreement,
  });

  it('should mark a level resting on a single rating, never an unrated cell', () => {
    expect(restsOnOneRating(cell(2, 1, null))).toBe(true);
    expect(restsOnOneRating(cell(2, 2, 1))).toBe(false);
    expect(restsOnOneRating(cell(null, 0, null))).toBe(false);
    expect(restsOnOneRating(undefined)).toBe(false);
  });

  it('should count the cells under each mark with the heatmap’s threshold, and name the functions that disagree', () => {
    const cells = [cell(2.5, 2, 0), cell(3, 2, 0.69), cell(3, 2, 0.7), cell(2, 1, null), cell(null, 0, null)];
    const names: Record<string, string> = { floor: 'Floor service', kitchen: 'Kitchen' };
    expect(
      weaknessNotes(
        cells,
        [
          { functionId: 'floor', agreement: 0 },
          { functionId: 'kitchen', agreement: 0.9957 },
        ],
        (id) => names[id] ?? id,
      ),
    ).toEqual([
      '≠ raters within a group disagree (within-group agreement below 0.7): 2 of 4 cells; over all capabilities, Floor service 0.00. Discuss these before trusting their levels.',
      '¹ single rating: the level rests on one rating alone: 1 of 4 cells.',
    ]);
  });

  it('should say nothing when no cell is weak', () => {
    expect(weaknessNotes([cell(3, 2, 1)], [{ functionId: 'bar', agreement: 1 }], (id) => id)).toEqual([]);
  });
});

describe('cycleAssessments (unit)', () => {
  const at = '2026-11-30T00:00:00.000Z';
  const assessment = (id: string, periodEnd: string, status: string) => ({ id, periodEnd, status });

  it('should take the closed assessments of the cycle’s date, and an open one only with ratings in', () => {
    const assessments = [
      assessment('autumn', '2026-11-30T00:00:00.000Z', 'CLOSED'),
      assessment('autumn-kitchen', '2026-11-30T00:00:00.000Z', 'OPEN'),
      assessment('autumn-empty', '2026-11-30T00:00:00.000Z', 'OPEN'),
      assessment('autumn-withdrawn', '2026-11-30T00:00:00.000Z', 'WITHDRAWN'),
      assessment('summer', '2026-08-31T00:00:00.000Z', 'CLOSED'),
    ];
    const open = [
      { assessmentId: 'autumn-kitchen', periodEnd: at, decidedCells: 3 },
      { assessmentId: 'autumn-empty', periodEnd: at, decidedCells: 0 },
    ];
    expect(cycleAssessments(assessments, at, open).map((each) => each.id)).toEqual([
      'autumn',
      'autumn-kitchen',
    ]);
  });
});
