// Rater agreement on the page: when the raters of a cell or a function disagree, and how a value
// reads. The threshold is the domain's, so the page and the api's descriptions never drift apart.
import { AGREEMENT_THRESHOLD } from '@app/domain/scoring/agreement';

export { AGREEMENT_THRESHOLD };

/** The second cue beside the colour: a cell or function row whose raters disagree. */
export const DISAGREEMENT_GLYPH = '≠';

/** What the mark means, in every legend that shows it (the heatmap's and the board report's). */
export const DISAGREEMENT_MEANING = `raters within a group disagree (within-group agreement below ${AGREEMENT_THRESHOLD})`;

/** True when the agreement is known and below the threshold. */
export function disagrees(agreement: number | null | undefined): agreement is number {
  return agreement != null && agreement < AGREEMENT_THRESHOLD;
}

/**
 * r_wg and r_wg(J) read to two decimals, as the api's reference does; a dash when unknown. Rounding
 * never carries a value across what the reader checks it against: 0.9957 reads 0.99, not "1.00"
 * (perfect agreement), and 0.698 reads 0.69, not the threshold "0.70" its ≠ mark contradicts.
 */
export function formatAgreement(agreement: number | null | undefined): string {
  if (agreement == null) return '—';
  let shown = Math.round(agreement * 100) / 100;
  for (const boundary of [AGREEMENT_THRESHOLD, 1])
    if (agreement < boundary && shown >= boundary) shown = boundary - 0.01;
  return shown.toFixed(2);
}

/**
 * Rater groups whose mean levels lie this many levels apart (or more) see the cell differently,
 * however closely the people within each group agree: a whole level on the scale.
 */
export const GROUPS_DIFFER_AT = 1;

export interface CellAgreementWording {
  /** The sentence under the perception gap in a cell's details. */
  text: string;
  /** `disagree` within a group, `groups-differ` between groups, `agree` when neither. */
  verdict: 'agree' | 'disagree' | 'groups-differ';
}

/**
 * What a cell's agreement says, in words that name its scope. r_wg is measured within each rater
 * group: high values say nothing of whether the groups agree with each other, so when their means
 * (or the perception gap) lie a level or more apart the wording says the groups differ instead of
 * "the raters agree". Null when the cell has no agreement (no group of two or more respondents).
 */
export function describeCellAgreement(cell: {
  agreement: number | null | undefined;
  perceptionGap: number | null | undefined;
  /** The mean level of each rater group of the cell. */
  groupLevels: readonly number[];
}): CellAgreementWording | null {
  if (cell.agreement == null) return null;
  const value = formatAgreement(cell.agreement);
  const spread = Math.max(
    cell.groupLevels.length > 1 ? Math.max(...cell.groupLevels) - Math.min(...cell.groupLevels) : 0,
    Math.abs(cell.perceptionGap ?? 0),
  );
  const groupsDiffer = spread >= GROUPS_DIFFER_AT;
  const between = `the groups’ levels lie ${spread.toFixed(1)} levels apart, so the groups see this cell differently`;
  if (disagrees(cell.agreement)) {
    return {
      verdict: 'disagree',
      text: `${DISAGREEMENT_GLYPH} Within-group agreement ${value}: the raters of a group disagree (below ${AGREEMENT_THRESHOLD})${
        groupsDiffer ? `, and ${between}` : ''
      }; discuss before trusting the level.`,
    };
  }
  if (groupsDiffer) {
    return {
      verdict: 'groups-differ',
      text: `${DISAGREEMENT_GLYPH} Within each rater group: ${value}, they broadly agree; but ${between}.`,
    };
  }
  return { verdict: 'agree', text: `Within each rater group: ${value}, they broadly agree.` };
}
