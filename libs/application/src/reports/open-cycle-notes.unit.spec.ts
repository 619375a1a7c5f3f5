// How the files and the command line say what open assessments do to the numbers: provisional
// when one has ratings in, "opened, no ratings yet" when one has none.
import { openedNote, provisionalLine, provisionalNote } from './maturity-report';

const open = (title: string, periodEnd: string, decidedCells: number) => ({
  assessmentId: title,
  title,
  periodEnd: `${periodEnd}T00:00:00.000Z`,
  decidedCells,
});
const cells = new Array(4).fill(null);

describe('the open-assessment notes of the files (unit)', () => {
  it('should say an open cycle with no rating yet as opened, not as provisional', () => {
    const view = { openAssessments: [open('2026 Q1', '2026-03-31', 0)], cells };
    expect(provisionalNote(view)).toBeNull();
    expect(openedNote(view)).toBe(
      '2026 Q1 (period end 2026-03-31) opened, no ratings yet: the numbers are those of the cycles before it.',
    );
    expect(provisionalLine(view)).toBe(`no: ${openedNote(view)}`);
  });

  it('should name only the open cycles with ratings as provisional, and the empty ones as opened', () => {
    const view = {
      openAssessments: [open('2025 Q4', '2025-12-31', 3), open('2026 Q1', '2026-03-31', 0)],
      cells,
    };
    expect(provisionalLine(view)).toBe(
      'Provisional: includes 2025 Q4 (period end 2025-12-31), still open, which decides 3 of 4 cells. ' +
        '2026 Q1 (period end 2026-03-31) opened, no ratings yet: the numbers are those of the cycles before it.',
    );
  });

  it('should say no when every assessment included is closed', () => {
    expect(provisionalLine({ openAssessments: [], cells })).toBe('no: every assessment included is closed');
  });
});
