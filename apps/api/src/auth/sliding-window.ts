const WINDOW_MS = 60_000;
/** Callers kept in memory before the idle ones are forgotten (many addresses must not grow it without end). */
const SWEEP_ABOVE = 10_000;

interface Window {
  startedAt: number;
  previousCount: number;
  count: number;
}

/**
 * Counts per key (a caller, a client address) in a sliding minute, estimated from the current
 * and the previous minute, so a burst at a minute's edge cannot double the rate. In memory.
 */
export class SlidingWindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limitPerMinute: number) {}

  /** Null when one more fits under the limit; otherwise the seconds until it will. */
  retryAfterSeconds(key: string, now = Date.now()): number | null {
    const window = this.windows.get(key);
    if (window === undefined) return null;
    this.roll(window, now);
    const elapsed = (now - window.startedAt) / WINDOW_MS;
    const estimated = window.previousCount * (1 - elapsed) + window.count;
    if (estimated + 1 <= this.limitPerMinute) return null;
    return Math.max(1, Math.ceil((this.freeAt(window) - now) / 1000));
  }

  /**
   * When one more request fits again, if no other is counted meanwhile (refused ones are not): the
   * previous minute's share of the estimate shrinks as the window slides, so solve
   * previous * (1 - elapsed) + current + 1 <= limit for elapsed, in this minute or the next.
   */
  private freeAt({ startedAt, previousCount, count }: Window): number {
    const room = this.limitPerMinute - 1;
    if (count <= room) {
      const elapsed = previousCount === 0 ? 0 : 1 - (room - count) / previousCount;
      return startedAt + Math.max(0, elapsed) * WINDOW_MS;
    }
    // This minute's own count is over: in the next one it becomes the previous one's.
    return startedAt + WINDOW_MS + (1 - room / count) * WINDOW_MS;
  }

  /** Counts one more for the key. */
  add(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (window !== undefined) {
      this.roll(window, now);
      window.count += 1;
      return;
    }
    if (this.windows.size >= SWEEP_ABOVE) this.forgetIdle(now);
    this.windows.set(key, { startedAt: now, previousCount: 0, count: 1 });
  }

  private roll(window: Window, now: number): void {
    const windowsPassed = Math.floor((now - window.startedAt) / WINDOW_MS);
    if (windowsPassed < 1) return;
    window.previousCount = windowsPassed === 1 ? window.count : 0;
    window.count = 0;
    window.startedAt += windowsPassed * WINDOW_MS;
  }

  /** Keys with nothing counted in the last two minutes weigh nothing any more. */
  private forgetIdle(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= 2 * WINDOW_MS) this.windows.delete(key);
    }
  }
}
