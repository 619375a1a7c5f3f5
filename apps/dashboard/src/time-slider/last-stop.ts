import type { MaturityPoint } from '../api/types';

/**
 * The last stop's name: "Now", unless a cycle ends later than today (a period end ahead), where a
 * range from that date to "Now" would run backwards: then "Latest", everything recorded.
 */
export function lastStopLabel(points: readonly MaturityPoint[], today: Date = new Date()): string {
  const last = points.at(-1);
  return last !== undefined && Date.parse(last.at) > today.getTime() ? 'Latest' : 'Now';
}
