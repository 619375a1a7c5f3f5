// "Known at" a date is one instant on every screen: the api's reading of a bare date.
import { asOfInstant, isDay, knownAtInstant, knownAtWords } from '../../apps/dashboard/src/shared/known-at';

describe('known at a date', () => {
  it('should be the start of that day, UTC, as the api and the cli read a bare date', () => {
    expect(knownAtInstant('2025-09-18')).toBe('2025-09-18T00:00:00.000Z');
    expect(Date.parse(knownAtInstant('2025-09-18'))).toBe(Date.parse('2025-09-18'));
  });

  it('should be said on the page as that exact instant', () => {
    expect(knownAtWords('2025-09-18')).toMatch(/^18 Sept? 2025, 00:00:00 UTC$/);
  });

  it('should read "as of" a day as its end, so an assessment period ending that day counts', () => {
    expect(asOfInstant('2025-12-31')).toBe('2025-12-31T23:59:59.999Z');
    expect(Date.parse(asOfInstant('2025-12-31'))).toBeGreaterThanOrEqual(Date.parse('2025-12-31'));
    expect(Date.parse(asOfInstant('2025-12-31'))).toBeLessThan(Date.parse('2026-01-01'));
  });

  it('should take a whole day only, not one still being typed', () => {
    expect(isDay('2025-12-31')).toBe(true);
    expect(isDay('2025-12-3')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});
