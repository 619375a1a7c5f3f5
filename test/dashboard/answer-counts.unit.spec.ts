import { answerCounts, leftOf } from '../../apps/dashboard/src/campaigns/answer-counts';

describe('answer counts, as the Raters panel and the close dialog say them', () => {
  it('should count Not sure apart from answered and not as left', () => {
    expect(answerCounts({ answered: 20, notSure: 13, expected: 33 })).toBe(
      '20 answered, 13 not sure, 0 left',
    );
    expect(leftOf({ answered: 20, notSure: 13, expected: 33 })).toBe(0);
  });

  it('should leave Not sure out of the words while nobody chose it', () => {
    expect(answerCounts({ answered: 2, notSure: 0, expected: 55 })).toBe('2 answered, 53 left');
  });
});
