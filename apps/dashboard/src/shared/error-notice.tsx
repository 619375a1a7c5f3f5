// Tells the user what went wrong and what to do next, for every kind of api error, in the
// screen's words (noticeTitle).
import type { ApiError, ApiErrorCode } from '../api/client';
import type { FieldLabels } from './forms/field-message';
import { noticeTitle } from './notice-title';

const advice: Record<ApiErrorCode, string> = {
  UNAUTHENTICATED: 'Sign in again with a valid token.',
  FORBIDDEN: 'Your token does not give access to this. Ask an admin for a token scoped to this organisation.',
  NOT_FOUND: 'It may have been removed or never loaded. Pick another organisation or reload.',
  BAD_USER_INPUT: 'Correct the value named above and try again.',
  CONFLICT:
    'It clashes with what is already recorded (or someone changed it at the same time). Reload and check.',
  SERVICE_UNAVAILABLE: 'The store cannot be used right now. Retry in a moment.',
  TOO_MANY_REQUESTS: 'Too many requests with this token. Wait a minute, then retry.',
  NETWORK: 'Check that the api is running (npm start), then retry.',
  SERVER: 'Retry; if it keeps failing, the api’s log says why.',
};

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
      <p class="notice__body">{advice[error.code]}</p>
      {onRetry && (
        <button type="button" class="button button--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
