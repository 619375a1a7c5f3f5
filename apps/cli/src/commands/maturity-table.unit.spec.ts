import type { MaturityView } from '@app/application';
import { formatIndices, formatMaturityView } from './maturity-table';

const cell = (functionId: string, level: number | null): MaturityView['cells'][number] => ({
  functionId,
  capabilityId: 'customer-insight',
  level,
  target: null,
  gap: null,
  perceptionGap: null,
  ratingCount: level === null ? 0 : 1,
  ratings: [],
  agreement: null,
  groups: [],
});

const view = (openAssessments: MaturityView['openAssessments']): MaturityView => ({
  organizationId: 'harbour',
  asOf: null,
  knownAt: null,
  openAssessments,
  cells: [cell('reception', 5), cell('nursing', null)],
  coverage: 0.5,
  customerCentricityIndex: 100,
  alignmentIndex: null,
  targetAttainment: null,
  functionScores: [],
  weakestLinks: [],
});

describe('the CLI maturity table', () => {
  it('should say the view is provisional when an open assessment counts, naming it and the cells it decides', () => {
    const text = formatMaturityView(
      view([
        {
          assessmentId: 'pulse',
          title: '2027 Q3 pulse',
          periodEnd: '2027-09-30T00:00:00.000Z',
          decidedCells: 1,
        },
      ]),
    );
    expect(text).toContain(
      'Provisional: includes 2027 Q3 pulse (period end 2027-09-30), still open, which decides 1 of 2 cells.',
    );
    // After the indices, where the numbers it qualifies are.
    expect(text.indexOf('Provisional')).toBeGreaterThan(text.indexOf('customer-centricity index'));
  });

  it('should print no provisional line when every assessment counted is closed', () => {
    const closed = view([]);
    expect(formatMaturityView(closed)).not.toContain('Provisional');
    expect(formatIndices(closed)).toBe(
      'customer-centricity index 100.00 | alignment index - | target attainment - | coverage 0.50',
    );
  });
});
