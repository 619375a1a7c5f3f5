// What the ratings table leaves out for this reader, and why: the api withholds a planner's view
// of every individual answer, and everyone's view of a customer or peer group under the minimum
// size in a cell (docs/reference/personal-data.md, "Who reads a rater's answers").
import type { WithheldRatings } from '../api/types';
import { MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS } from '../shared/who-reads-answers';

export function WithheldRatingsNote({ withheld }: { withheld: readonly WithheldRatings[] }) {
  if (withheld.length === 0) return null;
  const answers = withheld.reduce((sum, group) => sum + group.respondents, 0);
  const answersText = `${answers} ${answers === 1 ? 'answer' : 'answers'}`;
  const byRole = withheld.some((group) => group.reason === 'ROLE');
  return (
    <p class="muted" data-testid="withheld-ratings-note">
      {byRole
        ? `Not listed: ${answersText}. Planners see group figures only (the heatmap’s cells and their rater groups), never an individual answer or comment.`
        : `Not listed: ${answersText} of ${withheld.length} customer or peer ${withheld.length === 1 ? 'group' : 'groups'} with fewer than ${MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS} respondents in a cell, so that no one can tell who said what. Each group’s average and count are in the heatmap cell’s details.`}
    </p>
  );
}
