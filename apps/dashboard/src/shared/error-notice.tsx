// Tells the user what went wrong (noticeTitle, in the screen's words) and what to do next
// (errorAdvice), for every kind of api error.
import type { ApiError } from '../api/client';
import { errorAdvice } from './error-advice';
import type { FieldLabels } from './forms/field-message';
import { noticeTitle } from './notice-title';
import { useSecondsLeft } from './use-seconds-left';

interface ErrorNoticeProps {
  error: ApiError;
  /** What was being done, e.g. "Could not load the heatmap". */
  action: string;
  onRetry?: () => void;
  /** The screen's words for the fields the action sends, e.g. `{ reason: 'Reason' }`. */
  labels?: FieldLabels;
}

// The api ends a limit's message with its wait ("…: retry in 41 s"); the advice below counts it
// down, so the title leaves it out rather than show a second, frozen number.
const API_RETRY_TIME = /:\s*retry in \d+ s$/;

export function ErrorNotice({ error, action, onRetry, labels = {} }: ErrorNoticeProps) {
  const secondsLeft = useSecondsLeft(error.retryAfterSeconds);
  const title = noticeTitle(action, error, labels);
  const waiting = secondsLeft !== null && secondsLeft > 0;
  return (
    <div class="notice notice--error" role="alert" data-error={error.code}>
      <p class="notice__title">{secondsLeft === null ? title : title.replace(API_RETRY_TIME, '')}</p>
      {/* Only the advice is live: a screen reader hears the countdown end, not every second of it. */}
      <p
        class="notice__body"
        aria-live={secondsLeft === 0 ? 'polite' : 'off'}
        data-seconds-left={secondsLeft ?? undefined}
      >
        {errorAdvice({ code: error.code, reason: error.reason, retryAfterSeconds: secondsLeft })}
      </p>
      {onRetry && (
        // Retrying before the wait above is over is refused again (and counts against the limit).
        <button type="button" class="button button--small" onClick={onRetry} disabled={waiting}>
          Retry
        </button>
      )}
    </div>
  );
}
