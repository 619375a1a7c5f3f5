// Rater agreement on the page: when the raters of a cell or a function disagree, and how a value
// reads. The threshold is the domain's, so the page and the api's descriptions never drift apart.
import { AGREEMENT_THRESHOLD } from '@app/domain/scoring/agreement';

export { AGREEMENT_THRESHOLD };

/** The second cue beside the colour: a cell or function row whose raters disagree. */
export const DISAGREEMENT_GLYPH = '≠';

/** True when the agreement is known and below the threshold. */
export function disagrees(agreement: number | null | undefined): agreement is number {
  return agreement != null && agreement < AGREEMENT_THRESHOLD;
}

/** r_wg and r_wg(J) read to two decimals, as the api's reference does; a dash when unknown. */
export function formatAgreement(agreement: number | null | undefined): string {
  return agreement == null ? '—' : agreement.toFixed(2);
}
