// Number and date formatting shared by every panel: one place decides how a value reads.

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const moneyFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** "29 Nov 2026": how the product writes a date everywhere. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "29 Nov 2026, 07:11:05 UTC": a moment, in the same words as formatDate. */
export function formatDateTime(moment: string | Date): string {
  return dateTimeFormat.format(typeof moment === 'string' ? new Date(moment) : moment);
}

/** A count with thousands separators: "10,000". */
export function formatCount(count: number): string {
  return moneyFormat.format(count);
}

/** "1 month", "6 months". */
export function formatMonths(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'month' : 'months'}`;
}

/** Levels and indices are shown to one decimal. */
const SHOWN_DECIMALS = 1;

/** An index on its 0-100 scale, or a dash when the api says there is nothing to compute. */
export function formatIndex(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(SHOWN_DECIMALS);
}

export function formatLevel(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(SHOWN_DECIMALS);
}

/** A level or index as the page shows it (2.25 → 2.3), as a number to compute with. */
export function asShown(value: number): number {
  return Number(value.toFixed(SHOWN_DECIMALS));
}

/**
 * `to − from` as the difference of the two values shown, so what a reader adds up on the page
 * adds up: level 2.25 against target 3 reads "2.3 ▼ 0.7 below 3" (not 0.75 rounded to 0.8), and
 * 32.26 → 32.64 reads "+0.3" (not +0.38 rounded to +0.4). Every shown change or gap uses this.
 */
export function shownDifference(from: number, to: number): number {
  // Rounded again: 3 − 2.3 is 0.7000000000000002 in floating point.
  return asShown(asShown(to) - asShown(from));
}

export function formatSigned(value: number, digits = 1): string {
  const text = value.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${text}` : text.replace('-', '−');
}

export function formatMoney(value: number): string {
  return moneyFormat.format(value);
}

/**
 * A share in whole percent. Rounding never carries it onto an end it has not reached: 99.6% of
 * the cells rated reads 99%, not "100%" (all of them), and 0.4% reads 1%, not "0%" (none).
 */
export function formatPercent(fraction: number): string {
  let shown = Math.round(fraction * 100);
  if (shown === 100 && fraction < 1) shown = 99;
  if (shown === 0 && fraction > 0) shown = 1;
  return `${shown}%`;
}

/** `part` of `whole` as a share ("87%"); a dash when the whole is nothing. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '—' : formatPercent(part / whole);
}
