// The questionnaire's plain statement of who reads the rater's answers and comments, and in what
// form, for the source the link answers as (the words: libs/domain/src/campaign/who-reads-answers.ts).
import type { RatingSource } from '../api/types';
import { whoReadsAnswers } from '@app/domain/campaign/who-reads-answers';

export function WhoReadsAnswers({ source }: { source: RatingSource }) {
  return (
    <section class="rate-privacy" aria-labelledby="rate-privacy-title" data-testid="rate-privacy">
      <h2 id="rate-privacy-title" class="rate-privacy__title">
        Who reads your answers
      </h2>
      <ul class="rate-privacy__list">
        {whoReadsAnswers(source).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}
