// The optimiser's weight in the planner's words: the shares always add up to 100 and the
// sentence under the answer names the weight that was used, not a fixed half and half.
import {
  describeWeight,
  objectiveSentence,
  weightShares,
} from '../../apps/dashboard/src/scenario/objective-weight';

describe('objective weight wording (unit)', () => {
  it('should split alpha into whole shares of maturity and alignment that add up to 100', () => {
    expect(weightShares(0.7)).toEqual({ maturity: 70, alignment: 30 });
    expect(weightShares(0.333)).toEqual({ maturity: 33, alignment: 67 });
    expect(weightShares(1.4)).toEqual({ maturity: 100, alignment: 0 });
    expect(weightShares(-1)).toEqual({ maturity: 0, alignment: 100 });
  });

  it('should label the control with both shares', () => {
    expect(describeWeight(0.25)).toBe('25 % maturity · 75 % alignment');
  });

  it('should say the objective with the weight used, and what an extreme leaves out', () => {
    expect(objectiveSentence(0.5)).toBe(
      'Objective: half the change in CCI plus half the change in alignment at the horizon.',
    );
    expect(objectiveSentence(0.8)).toBe(
      'Objective: 80 % of the change in CCI plus 20 % of the change in alignment at the horizon.',
    );
    expect(objectiveSentence(1)).toMatch(/CCI at the horizon only; alignment is not weighed/);
    expect(objectiveSentence(0)).toMatch(/alignment at the horizon only; CCI is not weighed/);
  });
});
