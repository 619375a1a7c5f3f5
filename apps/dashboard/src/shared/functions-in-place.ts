// Which functions a part of the page shows. A retired function stays in the organisation (earlier
// views name it), but what acts on the present (targets, links, ratings, invitations) leaves it out,
// and the heatmap follows the maturity view's own list, which applies the retirement dates.

interface MaybeRetired {
  id: string;
  retirement: { effectiveFrom: string } | null;
}

/**
 * The functions not retired: those that can take targets and links. With `asOf` (an assessment's
 * period end), those not retired by then, which its ratings and invitations may still name: a
 * period that ended before a retirement can still be rated late.
 */
export const functionsInPlace = <Item extends MaybeRetired>(
  functions: readonly Item[],
  asOf?: string,
): Item[] =>
  functions.filter(
    (candidate) =>
      candidate.retirement === null ||
      (asOf !== undefined && Date.parse(candidate.retirement.effectiveFrom) > Date.parse(asOf)),
  );

/** The retired functions, earliest retirement first. */
export const retiredFunctions = <Item extends MaybeRetired>(functions: readonly Item[]): Item[] =>
  functions
    .filter((candidate) => candidate.retirement !== null)
    .sort((left, right) =>
      (left.retirement?.effectiveFrom ?? '').localeCompare(right.retirement?.effectiveFrom ?? ''),
    );

/**
 * The heatmap's rows: the functions the maturity view scored (it leaves out those retired as of
 * its date), in the organisation's order; before the view arrives, the functions in place.
 */
export const functionsOfView = <Item extends MaybeRetired>(
  functions: readonly Item[],
  viewFunctionIds: readonly string[] | null | undefined,
): Item[] => {
  if (viewFunctionIds === null || viewFunctionIds === undefined) return functionsInPlace(functions);
  const inView = new Set(viewFunctionIds);
  return functions.filter((candidate) => inView.has(candidate.id));
};
