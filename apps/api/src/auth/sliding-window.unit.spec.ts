// The sliding minute behind the rate limits: what it refuses, and that the Retry-After it names is
// true, so a caller who waits exactly that long is let in (and not a moment earlier).
import { SlidingWindowCounter } from './sliding-window';

const START = 1_000_000;

/** A counter that took `count` requests of one key, spread evenly over [from, to). */
function counterWith(limit: number, count: number, from: number, to: number): SlidingWindowCounter {
  const counter = new SlidingWindowCounter(limit);
  for (let index = 0; index < count; index += 1) counter.add('caller', from + ((to - from) * index) / count);
  return counter;
}

/** The first second (after `now`) at which one more request fits, by asking every 100 ms. */
function firstFreeSecond(counter: SlidingWindowCounter, now: number): number {
  for (let at = now; at < now + 180_000; at += 100) {
    if (counter.retryAfterSeconds('caller', at) === null) return (at - now) / 1000;
  }
  throw new Error('never free within three minutes');
}

describe('SlidingWindowCounter', () => {
  it('should let a caller in while under the limit and refuse the one past it', () => {
    const counter = counterWith(40, 39, START, START + 1_000);
    expect(counter.retryAfterSeconds('caller', START + 1_000)).toBeNull();
    counter.add('caller', START + 1_000);
    expect(counter.retryAfterSeconds('caller', START + 1_000)).not.toBeNull();
  });

  it.each([
    ['a burst at the start of the minute, asked at once', 0, 1_000, 1_000],
    ['a burst at the start of the minute, asked 35 s later', 0, 1_000, 35_000],
    ['requests over the whole minute, asked at its end', 0, 59_000, 59_500],
    ['a burst just before the minute rolls over, asked just after', 58_000, 59_900, 60_100],
  ])(
    'should name a Retry-After that is true: %s',
    (_case: string, from: number, to: number, askedAt: number) => {
      const counter = counterWith(40, 40, START + from, START + to);
      const now = START + askedAt;
      const promised = counter.retryAfterSeconds('caller', now);
      expect(promised).not.toBeNull();
      const free = firstFreeSecond(counter, now);
      // Whole seconds, rounded up: never before the caller is let in, and at most a second after.
      expect(promised).toBeGreaterThanOrEqual(free);
      expect(promised).toBeLessThanOrEqual(Math.ceil(free) + 1);
      expect(counter.retryAfterSeconds('caller', now + (promised ?? 0) * 1000)).toBeNull();
    },
  );

  it('should forget a caller idle for two minutes', () => {
    const counter = counterWith(40, 40, START, START + 1_000);
    expect(counter.retryAfterSeconds('caller', START + 121_000)).toBeNull();
  });
});
