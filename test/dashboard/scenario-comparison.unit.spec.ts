// Saved scenarios side by side: one cell per scenario in every row, the optimiser's budget and
// weight said where it chose, the p10–p90 band, and a scenario that cannot be simulated now says
// why once instead of showing numbers.
import type { SimulationResult } from '../../apps/dashboard/src/api/types';
import {
  comparisonRows,
  horizonNote,
  type ComparedScenario,
} from '../../apps/dashboard/src/scenario/scenario-comparison';

const result = (cci: number, ai: number, warnings: string[] = []): SimulationResult => ({
  baseline: { customerCentricityIndex: 30, alignmentIndex: 80, targetAttainment: 50 },
  projected: { customerCentricityIndex: cci, alignmentIndex: ai, targetAttainment: 55 },
  trajectory: [],
  cells: [],
  weakestLinks: [],
  warnings: warnings.map((message) => ({
    code: 'MATURITY_UP_ALIGNMENT_DOWN',
    message,
    from: null,
    to: null,
  })),
  distribution: {
    trials: 1000,
    probabilityAlignmentDrops: 0.1,
    customerCentricityIndex: { p10: cci - 1, p50: cci, p90: cci + 1 },
    alignmentIndex: { p10: ai - 2, p50: ai, p90: ai + 2 },
  },
});

const scenario = (overrides: Partial<ComparedScenario>): ComparedScenario => ({
  id: 'a',
  name: 'A',
  investmentNames: ['Joint huddles', 'Ward training'],
  cost: 85_000,
  horizonMonths: 12,
  budget: null,
  alpha: null,
  outcome: { result: result(34, 82) },
  ...overrides,
});

describe('comparisonRows (unit)', () => {
  const rows = comparisonRows([
    scenario({}),
    scenario({
      name: 'B',
      investmentNames: ['Kiosk'],
      cost: 25_000,
      budget: 50_000,
      alpha: 0.7,
      outcome: { result: result(32.5, 78, ['Maturity rises while alignment falls']) },
    }),
    scenario({ name: 'C', outcome: { error: 'Cannot be simulated now: investment "kiosk" is CANCELLED' } }),
  ]);
  const row = (key: string) => rows.find((candidate) => candidate.key === key)?.cells;

  it('should give every row one cell per scenario, in their order', () => {
    for (const each of rows) expect(each.cells).toHaveLength(3);
    expect(row('investments')).toEqual([
      'Joint huddles; Ward training',
      'Kiosk',
      'Joint huddles; Ward training',
    ]);
    expect(row('cost')).toEqual(['85,000', '25,000', '85,000']);
  });

  it('should say who chose each, with the optimiser’s budget and weight', () => {
    expect(row('origin')).toEqual([
      'the planner',
      'the optimiser within 50,000, 70 % maturity · 30 % alignment',
      'the planner',
    ]);
  });

  it('should write several warnings one after another as sentences, not joined by ".;"', () => {
    const [row] = comparisonRows([
      scenario({
        outcome: {
          result: result(34, 82, [
            'Maturity rises while alignment falls between Floor service and Kitchen.',
            'Kitchen falls behind its target',
          ]),
        },
      }),
    ]).filter((candidate) => candidate.key === 'warnings');
    expect(row?.cells).toEqual([
      'Maturity rises while alignment falls between Floor service and Kitchen. Kitchen falls behind its target.',
    ]);
  });

  it('should show the indices at the horizon with their change and their p10–p90, and the warnings', () => {
    expect(row('cci')?.slice(0, 2)).toEqual(['34.0 (+4.0)', '32.5 (+2.5)']);
    expect(row('alignment')?.slice(0, 2)).toEqual(['82.0 (+2.0)', '78.0 (−2.0)']);
    expect(row('cci-band')?.slice(0, 2)).toEqual(['33.0 – 35.0', '31.5 – 33.5']);
    expect(row('alignment-band')?.slice(0, 2)).toEqual(['80.0 – 84.0', '76.0 – 80.0']);
    expect(row('warnings')?.slice(0, 2)).toEqual(['none', 'Maturity rises while alignment falls']);
  });

  it('should say once why a scenario cannot be simulated now, and leave its other figures empty', () => {
    expect(row('cci')?.[2]).toBe('Cannot be simulated now: investment "kiosk" is CANCELLED');
    expect(
      [row('cci-band'), row('alignment'), row('alignment-band'), row('warnings')].map((cells) => cells?.[2]),
    ).toEqual(['—', '—', '—', '—']);
  });
});

describe('horizonNote (unit)', () => {
  it('should say when saved scenarios look ahead over different horizons, naming them', () => {
    expect(horizonNote([scenario({ horizonMonths: 24 }), scenario({ horizonMonths: 12 })])).toBe(
      'Different horizons (12 and 24 months): each column’s CCI and alignment are at its own horizon, so a longer one has had more time to take effect. Save them with the same horizon to compare like for like.',
    );
    expect(
      horizonNote([
        scenario({ horizonMonths: 12 }),
        scenario({ horizonMonths: 36 }),
        scenario({ horizonMonths: 24 }),
      ]),
    ).toMatch(/^Different horizons \(12, 24 and 36 months\)/);
  });

  it('should say nothing when the horizons agree', () => {
    expect(horizonNote([scenario({ horizonMonths: 12 }), scenario({ horizonMonths: 12 })])).toBeNull();
  });
});
