// What a comparison's column rests on, in words: whose ratings its levels come from, and whether
// its alignment paired every two functions for want of declared links.
import type { RatingSource } from '../scoring/scoring-input';
import { linksText, sourceMixText } from './comparison-context';

interface Group {
  source: RatingSource;
  respondents: number;
}

const group = (source: RatingSource, respondents: number): Group => ({ source, respondents });
const cell = (groups: Group[]) => ({ groups });

describe('sourceMixText (unit)', () => {
  it('should count the ratings by group, self first, across cells', () => {
    expect(
      sourceMixText([
        cell([group('CUSTOMER', 4), group('SELF', 1)]),
        cell([group('SELF', 2), group('PEER', 3)]),
      ]),
    ).toBe('self 3 · peer 3 · customer 4 ratings');
  });

  it('should say when one group alone rated', () => {
    expect(sourceMixText([cell([group('SELF', 1)]), cell([group('SELF', 1)])])).toBe('self 2 ratings only');
  });

  it('should say when nothing is rated yet', () => {
    expect(sourceMixText([cell([])])).toBe('no rating yet');
  });
});

describe('linksText (unit)', () => {
  it('should say every pair is assumed when no link is declared', () => {
    expect(linksText({ interactions: [] })).toBe('no links declared: every pair assumed');
  });

  it('should count the declared links', () => {
    expect(linksText({ interactions: [{ from: 'a', to: 'b', weight: 1 }] })).toBe('1 link declared');
  });
});
