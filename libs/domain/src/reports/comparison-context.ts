// What a side-by-side comparison needs beside the figures, so that "Seaside 43.3, Interlodge
// 34.1" is not read as more than it is: which figures include an open assessment (provisional, as
// the Overview says), where alignment assumed every pair for want of declared links, and whose
// ratings each organisation's figures come from. The Compare screen and the comparison files say
// these alike.
import type { RatingSource } from '../scoring/scoring-input';

/** A cell as far as its rater groups go: by whom, and how many respondents. */
interface CellOfGroups {
  groups: readonly { source: RatingSource; respondents: number }[];
}

const sourceOrder: readonly RatingSource[] = ['SELF', 'PEER', 'CUSTOMER', 'AUDIT'];
const sourceWords: Record<RatingSource, string> = {
  SELF: 'self',
  PEER: 'peer',
  CUSTOMER: 'customer',
  AUDIT: 'audit',
};

/** "self 33 · peer 12 · customer 20 ratings": the ratings the levels are computed from, by group. */
export function sourceMixText(cells: readonly CellOfGroups[]): string {
  const counts = new Map<RatingSource, number>();
  for (const cell of cells)
    for (const group of cell.groups)
      counts.set(group.source, (counts.get(group.source) ?? 0) + group.respondents);
  const parts = sourceOrder
    .filter((source) => (counts.get(source) ?? 0) > 0)
    .map((source) => `${sourceWords[source]} ${counts.get(source) ?? 0}`);
  if (parts.length === 0) return 'no rating yet';
  const only = parts.length === 1 ? ' only' : '';
  return `${parts.join(' · ')} ratings${only}`;
}

/** How the alignment index found its pairs: declared links, or every pair assumed. */
export function linksText(organization: { interactions: readonly unknown[] } | undefined): string {
  const count = organization?.interactions.length ?? 0;
  if (count === 0) return 'no links declared: every pair assumed';
  return `${count} ${count === 1 ? 'link' : 'links'} declared`;
}
