// How a cell's rater agreement reads: r_wg is measured within each rater group, so the words name
// that scope, and say the groups differ when their levels lie a level or more apart.
import { describeCellAgreement, formatAgreement } from '../../apps/dashboard/src/heatmap/agreement';

describe('Cell agreement wording (unit)', () => {
  it('should name the scope when every group agrees and the groups lie close together', () => {
    expect(describeCellAgreement({ agreement: 0.75, perceptionGap: 0.3, groupLevels: [3, 2.7] })).toEqual({
      verdict: 'agree',
      text: 'Within each rater group: 0.75, they broadly agree.',
    });
  });

  it('should say the groups differ, not that the raters agree, when self and others lie 1.5 levels apart', () => {
    // The trial's Reception · Customer insight: Self 3 and 2, Peer 1, Customer 1.
    const wording = describeCellAgreement({ agreement: 0.75, perceptionGap: 1.5, groupLevels: [2.5, 1, 1] });
    expect(wording).toEqual({
      verdict: 'groups-differ',
      text: '≠ Within each rater group: 0.75, they broadly agree; but the groups’ levels lie 1.5 levels apart, so the groups see this cell differently.',
    });
    expect(wording?.text).not.toMatch(/the raters broadly agree/);
  });

  it('should read the spread between groups without a self-rating (no perception gap)', () => {
    expect(
      describeCellAgreement({ agreement: 1, perceptionGap: null, groupLevels: [4, 2.5, 3] })?.verdict,
    ).toBe('groups-differ');
    // Just under a level apart is close enough.
    expect(describeCellAgreement({ agreement: 1, perceptionGap: 0.9, groupLevels: [3.9, 3] })?.verdict).toBe(
      'agree',
    );
  });

  it('should say the raters of a group disagree below 0.7, and add that the groups differ when they do', () => {
    expect(describeCellAgreement({ agreement: 0.5, perceptionGap: 0.2, groupLevels: [3, 2.8] })).toEqual({
      verdict: 'disagree',
      text: '≠ Within-group agreement 0.50: the raters of a group disagree (below 0.7); discuss before trusting the level.',
    });
    expect(describeCellAgreement({ agreement: 0.5, perceptionGap: 2, groupLevels: [3, 1] })?.text).toBe(
      '≠ Within-group agreement 0.50: the raters of a group disagree (below 0.7), and the groups’ levels lie 2.0 levels apart, so the groups see this cell differently; discuss before trusting the level.',
    );
  });

  it('should say nothing when no group has two respondents', () => {
    expect(describeCellAgreement({ agreement: null, perceptionGap: 2, groupLevels: [3, 1] })).toBeNull();
  });

  it('should read agreement to two decimals without rounding across perfect agreement or the threshold', () => {
    expect(formatAgreement(0.7512)).toBe('0.75');
    expect(formatAgreement(1)).toBe('1.00');
    // Two chefs who differ on 2 of 11 capabilities do not agree perfectly.
    expect(formatAgreement(0.9957)).toBe('0.99');
    // Marked ≠ (below 0.7): it must not read as 0.70.
    expect(formatAgreement(0.698)).toBe('0.69');
    expect(formatAgreement(0.7)).toBe('0.70');
    expect(formatAgreement(0)).toBe('0.00');
    expect(formatAgreement(null)).toBe('—');
  });
});
