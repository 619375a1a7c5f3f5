// "Known at" a date is one instant on every screen: the api's reading of a bare date.
import { knownAtInstant, knownAtWords } from '../../apps/dashboard/src/shared/known-at';

describe('known at a date', () => {
  it('should be the start of that day, UTC, as the api and the cli read a bare date', () => {
    expect(knownAtInstant('2025-09-18')).toBe('2025-09-18T00:00:00.000Z');
    expect(Date.parse(knownAtInstant('2025-09-18'))).toBe(Date.parse('2025-09-18'));
  });

  it('should be said on the page as that exact instant', () => {
    expect(knownAtWords('2025-09-18')).toMatch(/^18 Sept? 2025, 00:00:00 UTC$/);
  });
});
