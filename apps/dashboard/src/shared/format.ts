// Number and date formatting shared by every panel: one place decides how a value reads.

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const moneyFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** An index on its 0-100 scale, or a dash when the api says there is nothing to compute. */
export function formatIndex(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(1);
}

export function formatLevel(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(1);
}

export function formatSigned(value: number, digits = 1): string {
  const text = value.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${text}` : text.replace('-', '−');
}

export function formatMoney(value: number): string {
  return moneyFormat.format(value);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
