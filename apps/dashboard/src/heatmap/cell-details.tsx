// The tooltip of a cell in the current view: level against target, the perception gap, the raters'
// agreement, and the ratings by rater group (source and rater) with their respondents and evidence,
// or, where the api withholds a group's individual answers from this reader, its figures and why.
import type { BusinessFunction, Rating, RaterGroup, RatingSource, WithheldRatings } from '../api/types';
import { ErasedText } from '../shared/erased-text';
import { withheldText } from '../shared/who-reads-answers';
import { formatDate, formatLevel, formatSigned } from '../shared/format';
import { DISAGREEMENT_GLYPH, describeCellAgreement, disagrees, formatAgreement } from './agreement';
import type { CellContext } from './heatmap';
import type { CellRatings } from './cell-ratings';

const sourceNames: Record<RatingSource, string> = {
  SELF: 'Self',
  PEER: 'Peer',
  CUSTOMER: 'Customer',
  AUDIT: 'Audit',
};

const sourceOrder: RatingSource[] = ['SELF', 'PEER', 'CUSTOMER', 'AUDIT'];

interface CellDetailsProps {
  context: CellContext;
  ratings: CellRatings | undefined;
  functionsById: ReadonlyMap<string, BusinessFunction>;
  /** The view replays what was known at a past date; the ratings listed are today's record. */
  knownAtPast: boolean;
}

export function CellDetails({ context, ratings, functionsById, knownAtPast }: CellDetailsProps) {
  const { businessFunction, capability, cell } = context;
  const level = cell?.level ?? null;
  const groups = groupRatings(ratings?.ratings ?? [], ratings?.withheld ?? [], cell?.groups ?? []);
  const agreement = describeCellAgreement({
    agreement: cell?.agreement,
    perceptionGap: cell?.perceptionGap,
    groupLevels: (cell?.groups ?? []).map((group) => group.level),
  });

  return (
    <div class="cell-details">
      <p class="cell-details__title">
        <strong>{businessFunction.name}</strong> · {capability.name}
      </p>
      {level == null ? (
        <p class="cell-details__summary">Unrated: no assessment up to this date rates this cell.</p>
      ) : (
        <>
          <p class="cell-details__summary">
            Level <strong>{formatLevel(level)}</strong>
            {cell?.target != null ? (
              <>
                {' '}
                against target <strong>{cell.target}</strong>
                {(cell.gap ?? 0) > 0 ? ` — ${formatLevel(cell.gap)} below` : ' — target met'}
              </>
            ) : (
              ' (no target set)'
            )}
          </p>
          <p class="cell-details__perception">{describePerceptionGap(cell?.perceptionGap ?? null)}</p>
          {agreement && (
            <p
              class={`cell-details__agreement${agreement.verdict === 'agree' ? '' : ' cell-details__agreement--disagree'}`}
              data-verdict={agreement.verdict}
            >
              {agreement.text}
            </p>
          )}
        </>
      )}
      {groups.length > 0 && ratings && (
        <>
          <table class="cell-details__ratings">
            <caption class="visually-hidden">Ratings by rater group</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Level</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            {groups.map(({ source, raterFunctionId, statistics, ratings: groupRatings, withheld }) => {
              const rater =
                raterFunctionId === null
                  ? null
                  : (functionsById.get(raterFunctionId)?.name ?? raterFunctionId);
              const asOne =
                withheld === null && groupRatings.length === 1 && groupRatings[0]?.respondentId == null;
              return (
                <tbody
                  key={`${source}:${raterFunctionId ?? ''}`}
                  data-group={`${source}:${raterFunctionId ?? ''}`}
                >
                  {!asOne && (
                    <tr class="cell-details__group">
                      <th scope="rowgroup" colSpan={3}>
                        {sourceNames[source]}
                        {rater && ` · ${rater}`}
                        {statistics ? (
                          <GroupStatistics group={statistics} />
                        ) : (
                          withheld && <GroupStatistics group={{ ...withheld, agreement: null }} />
                        )}
                      </th>
                    </tr>
                  )}
                  {withheld && (
                    <tr class="cell-details__withheld" data-testid="withheld-answers">
                      <td colSpan={3}>{withheldText(withheld.reason, withheld.respondents)}</td>
                    </tr>
                  )}
                  {groupRatings.map((rating, index) => (
                    <tr key={rating.respondentId ?? index}>
                      <td class="cell-details__source">
                        {asOne ? (
                          <>
                            {sourceNames[source]}
                            {rater && <span class="cell-details__rater">{rater}</span>}
                          </>
                        ) : (
                          <span class="cell-details__respondent">
                            {rating.respondentId ?? 'the group as one'}
                          </span>
                        )}
                      </td>
                      <td class="cell-details__level">{rating.level}</td>
                      <td class="cell-details__evidence">
                        {rating.evidenceErased ? (
                          <ErasedText what="evidence" />
                        ) : (
                          (rating.evidence ?? <span class="muted">no evidence given</span>)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
          <p class="cell-details__footnote">
            From “{ratings.assessment.title}”, period ending {formatDate(ratings.assessment.periodEnd)}
            {knownAtPast && '; ratings as recorded today'}.
          </p>
        </>
      )}
    </div>
  );
}

function GroupStatistics({ group }: { group: RaterGroup }) {
  return (
    <span class="cell-details__group-statistics">
      {' '}
      · {group.respondents} {group.respondents === 1 ? 'respondent' : 'respondents'} · mean{' '}
      {formatLevel(group.level)}
      {group.agreement != null && (
        <>
          {' '}
          · r<sub>wg</sub> {formatAgreement(group.agreement)}
          {disagrees(group.agreement) && ` ${DISAGREEMENT_GLYPH} disagree`}
        </>
      )}
    </span>
  );
}

interface RatingGroup {
  source: RatingSource;
  raterFunctionId: string | null;
  /** The api's figures for this group; null when the view does not list it (ratings as recorded today). */
  statistics: RaterGroup | null;
  ratings: Rating[];
  /** The api withholds this group's individual answers from the reader: its figures and why. */
  withheld: WithheldRatings | null;
}

/**
 * The ratings in rater groups (source, rater), with the groups withheld from this reader, by source
 * then rater, as the view orders its groups.
 */
function groupRatings(
  ratings: readonly Rating[],
  withheld: readonly WithheldRatings[],
  groups: readonly RaterGroup[],
): RatingGroup[] {
  const byKey = new Map<string, RatingGroup>();
  const groupOf = (source: RatingSource, raterFunctionId: string | null): RatingGroup => {
    const key = `${source}:${raterFunctionId ?? ''}`;
    const group = byKey.get(key) ?? {
      source,
      raterFunctionId,
      statistics:
        groups.find(
          (candidate) =>
            candidate.source === source && (candidate.raterFunctionId ?? null) === raterFunctionId,
        ) ?? null,
      ratings: [],
      withheld: null,
    };
    byKey.set(key, group);
    return group;
  };
  for (const rating of ratings) groupOf(rating.source, rating.raterFunctionId ?? null).ratings.push(rating);
  for (const group of withheld) groupOf(group.source, group.raterFunctionId ?? null).withheld = group;
  return [...byKey.values()].sort(
    (a, b) =>
      sourceOrder.indexOf(a.source) - sourceOrder.indexOf(b.source) ||
      (a.raterFunctionId ?? '').localeCompare(b.raterFunctionId ?? ''),
  );
}

function describePerceptionGap(gap: number | null): string {
  if (gap == null) return 'Perception gap: needs both a self-rating and another source.';
  if (Math.abs(gap) < 0.05) return 'Perception gap 0.0: the function sees itself as others do.';
  return gap > 0
    ? `Perception gap ${formatSigned(gap)}: rates itself higher than others see it.`
    : `Perception gap ${formatSigned(gap)}: rates itself lower than others see it.`;
}
