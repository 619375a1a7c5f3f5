// A period end far from today is most likely a slip (1900 for 2026): the form asks about it.

/** A period end more than this many years before today is unusual enough to ask about. */
export const YEARS_BACK_BEFORE_ASKING = 10;
/** A period end more than this many years after today is unusual enough to ask about. */
export const YEARS_AHEAD_BEFORE_ASKING = 2;

/** Whether a period end lies unusually far in the past or the future of `today`, or null. */
export function unusualPeriodEnd(periodEnd: string, today: Date): 'past' | 'future' | null {
  const time = Date.parse(periodEnd);
  const yearsFrom = (years: number) =>
    Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate());
  if (time < yearsFrom(-YEARS_BACK_BEFORE_ASKING)) return 'past';
  if (time > yearsFrom(YEARS_AHEAD_BEFORE_ASKING)) return 'future';
  return null;
}
