// How the optimiser weighs maturity (CCI) against alignment, in the planner's words. The api's
// alpha is the weight of the change in CCI; alignment's change weighs 1 - alpha.

/** The api's default weight: maturity and alignment count alike. */
export const DEFAULT_ALPHA = 0.5;

/** Whole percentages that add up to 100: alpha as maturity's share, the rest alignment's. */
export function weightShares(alpha: number): { maturity: number; alignment: number } {
  const maturity = Math.round(Math.min(1, Math.max(0, alpha)) * 100);
  return { maturity, alignment: 100 - maturity };
}

/** A short label for the control, e.g. "70 % maturity · 30 % alignment". */
export function describeWeight(alpha: number): string {
  const { maturity, alignment } = weightShares(alpha);
  return `${maturity} % maturity · ${alignment} % alignment`;
}

/** The objective the optimiser maximised, as a sentence. */
export function objectiveSentence(alpha: number): string {
  const { maturity, alignment } = weightShares(alpha);
  if (maturity === 100) return 'Objective: the change in CCI at the horizon only; alignment is not weighed.';
  if (alignment === 100) return 'Objective: the change in alignment at the horizon only; CCI is not weighed.';
  if (maturity === 50)
    return 'Objective: half the change in CCI plus half the change in alignment at the horizon.';
  return `Objective: ${maturity} % of the change in CCI plus ${alignment} % of the change in alignment at the horizon.`;
}
