import { compileScoreGrid } from '../scoring/score-grid';
import { fromTo, maturityUpAlignmentDown } from './simulation-warnings';

const grid = compileScoreGrid(
  { levelCount: 5, capabilities: [{ id: 'insight', weight: 1, name: 'Customer insight' }] },
  {
    functions: [
      { id: 'sales', customerFacing: true, name: 'Sales' },
      { id: 'support', customerFacing: true, name: 'Support' },
    ],
    interactions: [{ from: 'sales', to: 'support', weight: 1 }],
    targets: [],
  },
  [],
);

describe('the figures a warning names', () => {
  it('should keep the usual decimals when they already differ', () => {
    expect(fromTo({ baseline: 100, projected: 62.5 }, 1)).toBe('from 100.0 to 62.5');
    expect(fromTo({ baseline: 0, projected: 1.5 }, 2)).toBe('from 0.00 to 1.50');
  });

  it('should add decimals until a fall below the rounding reads as a fall', () => {
    expect(fromTo({ baseline: 83.6241, projected: 83.5812 }, 1)).toBe('from 83.62 to 83.58');
    expect(fromTo({ baseline: 83.60004, projected: 83.60001 }, 1)).toBe('from 83.60004 to 83.60001');
  });

  it('should never say alignment falls from 83.6 to 83.6', () => {
    const warning = maturityUpAlignmentDown(
      { baseline: 34.1, projected: 35.8 },
      { baseline: 83.6241, projected: 83.5812 },
      { from: 'sales', to: 'support' },
      grid,
    );
    expect(warning.message).toBe(
      'Customer-centricity rises from 34.1 to 35.8, but alignment falls from 83.62 to 83.58: functions that ' +
        'serve customers together are moving apart. The link that drifts most is Sales and Support.',
    );
  });
});
