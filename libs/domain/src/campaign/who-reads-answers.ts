// Who reads a rater's answers and comments: the minimum group size and the sources it protects
// (the api's rule in libs/application/src/personal-data/individual-answers.ts applies them), and
// the words a rater reads about it on the questionnaire and in the links file of a mail merge.
import type { RatingSource } from '../maturity-model/maturity-model';

/** The fewest respondents of a customer or peer group for its answers to be shown one by one. */
export const MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS = 3;

/** The sources whose respondents the minimum group size protects: people outside the rated function. */
export const SOURCES_SHOWN_FROM_MINIMUM_GROUP: readonly RatingSource[] = ['CUSTOMER', 'PEER'];

const officeSees = (source: RatingSource): string =>
  SOURCES_SHOWN_FROM_MINIMUM_GROUP.includes(source)
    ? `The team running the assessment sees each answer and comment only where at least ${MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS} people of your group (customers, or colleagues from the same function) answered the same question; with fewer it sees only the group’s average and how many answered.`
    : 'The team running the assessment and its auditors see each of your answers with its comment.';

/** What a rater is told about who reads their answers and comments, and in what form. */
export function whoReadsAnswers(source: RatingSource): string[] {
  return [
    'Your answers and comments are recorded under a code, not your name; the team that invited you knows which invitation the code belongs to.',
    officeSees(source),
    'Planners see group averages only, never an answer or a comment.',
    'The organisation’s administrators and auditors can open the full record, answer by answer, to check that nothing was changed.',
  ];
}

/** The same in one paragraph, for the text sent with a link. */
export const whoReadsAnswersText = (source: RatingSource): string => whoReadsAnswers(source).join(' ');
