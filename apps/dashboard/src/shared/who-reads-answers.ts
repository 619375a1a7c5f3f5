// Who reads a rater's answers, in the dashboard's words where the api withholds a group's
// individual answers (the rule: libs/application/src/personal-data/individual-answers.ts; the
// minimum and the rater's words: libs/domain/src/campaign/who-reads-answers.ts).
import { MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS } from '@app/domain/campaign/who-reads-answers';

export { MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS };

/** Why a group's individual answers are not listed to this reader. */
export function withheldText(reason: 'ROLE' | 'SMALL_GROUP', respondents: number): string {
  if (reason === 'ROLE') return 'Planners see group figures only: no individual answers or comments.';
  return `Answers not shown one by one: ${respondents === 1 ? 'one respondent' : `${respondents} respondents`}, fewer than ${MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS}, so each answer would tell who gave it.`;
}
