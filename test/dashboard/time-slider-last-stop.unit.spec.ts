// The slider runs from the first cycle's period end to its last stop; that stop must not read as
// earlier than a cycle that ends after today.
import { lastStopLabel } from '../../apps/dashboard/src/time-slider/last-stop';

const point = (at: string) => ({ at }) as Parameters<typeof lastStopLabel>[0][number];
const today = new Date('2026-11-29T15:00:00Z');

describe('lastStopLabel', () => {
  it('should call the last stop "Now" when every cycle ended by today', () => {
    expect(lastStopLabel([point('2026-06-30T00:00:00.000Z'), point('2026-09-30T00:00:00.000Z')], today)).toBe(
      'Now',
    );
    expect(lastStopLabel([], today)).toBe('Now');
  });

  it('should call it "Latest" when a cycle ends after today, so the range does not run backwards', () => {
    expect(lastStopLabel([point('2026-09-30T00:00:00.000Z'), point('2026-11-30T00:00:00.000Z')], today)).toBe(
      'Latest',
    );
  });
});
