// "Known at" a date is one instant on every screen, the api's reading of a bare date: the start
// of that day, UTC. The view then holds what had been recorded before the day began, and the
// cli's `replay --known-at 2025-09-18` gives the same figures as the page for 18 Sept 2025. "As
// of" a day (valid time) is its end, so a period ending that day counts.
import { formatDateTime } from './format';

/** The instant "known at" a day (yyyy-mm-dd) means: 00:00:00.000 UTC that day. */
export function knownAtInstant(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/** The instant in words, for the page: "18 Sep 2025, 00:00:00 UTC". */
export function knownAtWords(day: string): string {
  return formatDateTime(knownAtInstant(day));
}

/**
 * The instant "as of" a day (yyyy-mm-dd) means, valid time: the end of that day, UTC, so an
 * assessment period ending that day counts.
 */
export function asOfInstant(day: string): string {
  return `${day}T23:59:59.999Z`;
}

/** A whole day as a date field gives it (yyyy-mm-dd); anything else is still being typed. */
export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}
