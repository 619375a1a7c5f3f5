// What a comparison's column rests on, in words: whose ratings its levels come from, and whether
// its alignment paired every two functions for want of declared links.
import type { MaturityView } from '../../apps/dashboard/src/api/types';
import { linksText, sourceMixText } from '../../apps/dashboard/src/reports/comparison-context';

type Cell = MaturityView['cells'][number];
type Group = Cell['groups'][number];

const group = (source: Group['source'], respondents: number): Group => ({
  source,
  raterFunctionId: null,
  respondents,
  level: 3,
  agreement: null,
});
const cell = (groups: Group[]): Cell => ({
  functionId: 'front-desk',
  capabilityId: 'service-recovery',
  level: 3,
  target: null,
  gap: null,
  perceptionGap: null,
  ratingCount: groups.reduce((sum, each) => sum + each.respondents, 0),
  agreement: null,
  groups,
});

describe('sourceMixText', () => {
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

describe('linksText', () => {
  it('should say every pair is assumed when no link is declared', () => {
    expect(linksText({ interactions: [] })).toBe('no links declared: every pair assumed');
  });

  it('should count the declared links', () => {
    expect(linksText({ interactions: [{ from: 'a', to: 'b', weight: 1 }] })).toBe('1 link declared');
  });
});
