import { countedAssessments, includedOpenAssessments } from './provisional';

const pulse = { assessmentId: 'pulse', title: '2027 Q3 pulse', periodEnd: '2027-09-30T00:00:00.000Z' };
const spring = { assessmentId: 'spring', title: '2027 Q1', periodEnd: '2027-03-31T00:00:00.000Z' };
const cells = [{ assessmentId: 'pulse' }, { assessmentId: 'baseline' }, { assessmentId: 'baseline' }];

describe(includedOpenAssessments.name, () => {
  it('should count the cells each open assessment decides, by periodEnd', () => {
    expect(includedOpenAssessments([pulse, spring], cells)).toEqual([
      { ...spring, decidedCells: 0 },
      { ...pulse, decidedCells: 1 },
    ]);
  });

  it('should leave out an open assessment ending after asOf', () => {
    expect(includedOpenAssessments([pulse, spring], cells, '2027-06-30T00:00:00.000Z')).toEqual([
      { ...spring, decidedCells: 0 },
    ]);
    expect(includedOpenAssessments([], cells)).toEqual([]);
  });
});

describe(countedAssessments.name, () => {
  const closed = { assessmentId: 'baseline', periodEnd: '2027-06-30T00:00:00.000Z' };
  const open = { assessmentId: 'pulse', periodEnd: pulse.periodEnd };

  it('should count every assessment by default, open ones provisionally', () => {
    expect(countedAssessments([closed, open], [pulse], true)).toEqual([closed, open]);
  });

  it('should leave the open assessments out when asked, keeping the closed ones', () => {
    expect(countedAssessments([closed, open], [pulse], false)).toEqual([closed]);
    expect(countedAssessments([closed], [], false)).toEqual([closed]);
  });
});
