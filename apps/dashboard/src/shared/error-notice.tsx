// Tells the user what went wrong (noticeTitle, in the screen's words) and what to do next
// (errorAdvice), for every kind of api error.
import type { ApiError } from '../api/client';
import { errorAdvice } from './error-advice';
import type { FieldLabels } from './forms/field-message';
import { noticeTitle } from './notice-title';

interface ErrorNoticeProps {
  error: ApiError;
  /** What was being done, e.g. "Could not load the heatmap". */
  action: string;
  onRetry?: () => void;
  /** The screen's words for the fields the action sends, e.g. `{ reason: 'Reason' }`. */
  labels?: FieldLabels;
}

export function ErrorNotice({ error, action, onRetry, labels = {} }: ErrorNoticeProps) {
  return (
    <div class="notice notice--error" role="alert" data-error={error.code}>
      <p class="notice__title">{noticeTitle(action, error, labels)}</p>
      <p class="notice__body">{errorAdvice(error)}</p>
      {onRetry && (
        <button type="button" class="button button--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
