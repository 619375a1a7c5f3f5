// A shown difference is the difference of the shown values: the trial's numbers that did not add
// up ("2.3 ▼ 0.8 below 3", "32.3 → 32.6 ▲ +0.4") now read as a reader checks them, on the heatmap
// and the board report (targetCue), the scenario tables and the cycle-to-cycle changes.
import type { MaturityCell } from '../../apps/dashboard/src/api/types';
import { targetCue } from '../../apps/dashboard/src/heatmap/palette';
import { indexChangeText } from '../../apps/dashboard/src/reports/cycle-range';
import { comparisonRows, type ComparedScenario } from '../../apps/dashboard/src/scenario/scenario-comparison';
import {
  formatIndex,
  formatLevel,
  formatPercent,
  formatShare,
  formatSigned,
  shownDifference,
} from '../../apps/dashboard/src/shared/format';

const cell = (level: number, target: number) => ({ level, target }) as MaturityCell;

describe('shownDifference (unit)', () => {
  it('should subtract the values as shown, not the unrounded ones', () => {
    expect(shownDifference(2.25, 3)).toBe(0.7);
    expect(shownDifference(2.75, 3)).toBe(0.2);
    expect(shownDifference(1.75, 3)).toBe(1.2);
    // The scenario table's "32.3 → 32.6 ▲ +0.4": +0.3 is what 32.6 − 32.3 makes.
    expect(shownDifference(32.26, 32.64)).toBe(0.3);
    expect(shownDifference(64.36, 65.14)).toBe(0.7);
    expect(shownDifference(65.14, 64.36)).toBe(-0.7);
  });

  it('should make every shown start plus the shown change equal the shown end', () => {
    for (const [from, to] of [
      [32.26, 32.64],
      [90.94, 91.26],
      [64.36, 65.14],
      [64.36, 66.14],
      [32.26, 34.63],
      [64.36, 67.54],
    ] as const)
      expect((Number(formatIndex(from)) + Number(formatSigned(shownDifference(from, to)))).toFixed(1)).toBe(
        formatIndex(to),
      );
  });
});

describe('targetCue on the heatmap and the board report (unit)', () => {
  it('should give the gap from the level as shown: 2.25 reads "2.3 ▼ 0.7 below 3"', () => {
    expect([formatLevel(2.25), targetCue(cell(2.25, 3))]).toEqual([
      '2.3',
      { glyph: '▼', text: '0.7 below 3' },
    ]);
    expect([formatLevel(2.75), targetCue(cell(2.75, 3)).text]).toEqual(['2.8', '0.2 below 3']);
    expect([formatLevel(1.75), targetCue(cell(1.75, 3)).text]).toEqual(['1.8', '1.2 below 3']);
  });

  it('should say "just below" when the level shown already reads as the target', () => {
    expect([formatLevel(2.96), targetCue(cell(2.96, 3))]).toEqual([
      '3.0',
      { glyph: '▼', text: 'just below 3' },
    ]);
    expect(targetCue(cell(3, 3))).toEqual({ glyph: '✓', text: 'target 3' });
  });
});

describe('scenario and cycle changes (unit)', () => {
  it('should show the saved scenarios’ change at the horizon as the difference of the shown indices', () => {
    const compared: ComparedScenario = {
      id: 'best-for-20k',
      name: 'Best for 20k',
      investmentNames: ['Bar menu refresh'],
      cost: 15_000,
      horizonMonths: 12,
      budget: null,
      alpha: null,
      outcome: {
        result: {
          baseline: { customerCentricityIndex: 32.26, alignmentIndex: 90.94, targetAttainment: 64.36 },
          projected: { customerCentricityIndex: 32.64, alignmentIndex: 91.26, targetAttainment: 65.14 },
          trajectory: [],
          cells: [],
          weakestLinks: [],
          warnings: [],
          distribution: null,
        },
      },
    };
    const cci = comparisonRows([compared]).find((row) => row.key === 'cci');
    expect(cci?.cells).toEqual(['32.6 (+0.3)']);
  });

  it('should give the change since the previous cycle from the shown ends, as the Overview’s cards and the board report say it', () => {
    expect(indexChangeText(34.63, 32.26, '2026-06-30T00:00:00.000Z', false)).toBe('+2.3 since 30 Jun 2026');
  });
});

describe('formatPercent (unit)', () => {
  it('should never read 100% short of all, nor 0% above none', () => {
    expect(formatPercent(0.996)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.004)).toBe('1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.872)).toBe('87%');
    expect(formatShare(186, 187)).toBe('99%');
    expect(formatShare(0, 0)).toBe('—');
  });
});
