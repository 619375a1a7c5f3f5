import type { RatingSource } from '@app/domain';
import { ratingsForCaller, type GroupedRating } from './individual-answers';

const rating = (
  source: RatingSource,
  respondentId: string | null,
  level: number,
  raterFunctionId: string | null = null,
): GroupedRating => ({
  functionId: 'floor',
  capabilityId: 'customer-insight',
  source,
  raterFunctionId,
  respondentId,
  level,
});

describe('who reads individual answers', () => {
  const twoCustomers = [rating('CUSTOMER', 'guest-a', 4), rating('CUSTOMER', 'guest-b', 1)];
  const threePeers = [
    rating('PEER', 'chef-a', 2, 'kitchen'),
    rating('PEER', 'chef-b', 3, 'kitchen'),
    rating('PEER', 'chef-c', 4, 'kitchen'),
  ];
  const twoSelf = [rating('SELF', 'waiter-a', 4), rating('SELF', 'waiter-b', 1)];

  it('should give a planner no rating, every group as its figures', () => {
    const { shown, withheld } = ratingsForCaller(['PLANNER'], [...twoSelf, ...threePeers]);
    expect(shown).toEqual([]);
    expect(
      withheld.map(({ source, respondents, level, reason }) => [source, respondents, level, reason]),
    ).toEqual([
      ['SELF', 2, 2.5, 'ROLE'],
      ['PEER', 3, 3, 'ROLE'],
    ]);
  });

  it('should show a customer or peer group one by one only from 3 respondents', () => {
    const { shown, withheld } = ratingsForCaller(['ADMIN'], [...twoCustomers, ...threePeers, ...twoSelf]);
    expect(shown).toEqual([...threePeers, ...twoSelf]);
    expect(withheld).toEqual([
      {
        functionId: 'floor',
        capabilityId: 'customer-insight',
        source: 'CUSTOMER',
        raterFunctionId: null,
        respondents: 2,
        level: 2.5,
        reason: 'SMALL_GROUP',
      },
    ]);
  });

  it('should count peer groups per rater function', () => {
    const mixed = [rating('PEER', 'chef-a', 2, 'kitchen'), rating('PEER', 'barman-a', 3, 'bar')];
    expect(ratingsForCaller(['AUDITOR'], mixed).withheld.map((group) => group.raterFunctionId)).toEqual([
      'kitchen',
      'bar',
    ]);
  });

  it('should show a rating the office recorded for a whole group (no respondent) to the office', () => {
    const consensus = [rating('CUSTOMER', null, 3)];
    expect(ratingsForCaller(['ASSESSOR'], consensus).shown).toEqual(consensus);
    expect(ratingsForCaller(['PLANNER'], consensus).shown).toEqual([]);
  });

  it('should let a caller with several roles read what any of them reads', () => {
    expect(ratingsForCaller(['PLANNER', 'AUDITOR'], threePeers).shown).toEqual(threePeers);
  });
});
