export interface FrontierEntry<Payload> {
  cost: number;
  objective: number;
  payload: Payload;
}

/**
 * The cost/objective points no other point beats: kept sorted by cost with strictly rising
 * objective, so "is anything no dearer at least as good?" is one binary search.
 */
export class ParetoFrontier<Payload> {
  private readonly entries: FrontierEntry<Payload>[] = [];

  constructor(private readonly tolerance: number) {}

  /** Position of the last entry costing at most `cost`, or -1. */
  private lastAtMost(cost: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.entries[middle]?.cost ?? Infinity) <= cost) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }

  /** True when an entry no dearer has an objective at least as high. */
  dominates(cost: number, objective: number): boolean {
    const entry = this.entries[this.lastAtMost(cost)];
    return entry !== undefined && entry.objective >= objective - this.tolerance;
  }

  /** Adds a point unless dominated, dropping the entries it dominates; `payload` runs only then. */
  offer(cost: number, objective: number, payload: () => Payload): void {
    if (this.dominates(cost, objective)) return;
    let start = this.lastAtMost(cost) + 1;
    // Same cost, lower objective: replaced.
    if (start > 0 && this.entries[start - 1]?.cost === cost) start -= 1;
    let end = start;
    while (
      end < this.entries.length &&
      (this.entries[end]?.objective ?? Infinity) <= objective + this.tolerance
    ) {
      end += 1;
    }
    this.entries.splice(start, end - start, { cost, objective, payload: payload() });
  }

  /** Cheapest first. */
  points(): readonly FrontierEntry<Payload>[] {
    return this.entries;
  }
}
