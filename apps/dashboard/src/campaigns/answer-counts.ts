// How the office reads a count of answers: "20 answered, 13 not sure, 0 left". Not sure (the rater
// chose not to answer) is neither an answer nor left to chase; a rater has finished when nothing
// is left. The Raters panel and the close dialog say it the same way.

export interface AnswerCounts {
  answered: number;
  notSure: number;
  expected: number;
}

/** The questions neither answered nor set aside as Not sure. */
export const leftOf = ({ answered, notSure, expected }: AnswerCounts): number =>
  Math.max(expected - answered - notSure, 0);

/** "20 answered, 13 not sure, 0 left" (the not-sure part only when there is one). */
export function answerCounts(counts: AnswerCounts): string {
  const notSure = counts.notSure > 0 ? `, ${counts.notSure} not sure` : '';
  return `${counts.answered} answered${notSure}, ${leftOf(counts)} left`;
}
