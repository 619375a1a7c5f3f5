// What the dashboard's user is told to do about an api error: one sentence per error code, made
// finer by the api's reason (which limit was reached) and its retryAfterSeconds (when to retry).
// The dashboard's user runs or administers the product, so no answer from the api sends them to
// check that it runs; the rater's page says it otherwise (rate/rater-wording.ts).
import type { ApiError, ApiErrorCode } from '../api/client';

type Advised = Pick<ApiError, 'code' | 'reason' | 'retryAfterSeconds'>;

/** "in 41 s", "in about 2 minutes", "now" once the wait is over, or "in a moment" when the api did not say. */
export function retryIn(seconds: number | null): string {
  if (seconds === null) return 'in a moment';
  if (seconds <= 0) return 'now';
  if (seconds < 90) return `in ${Math.max(1, Math.ceil(seconds))} s`;
  return `in about ${Math.round(seconds / 60)} minutes`;
}

const advice: Record<ApiErrorCode, (error: Advised) => string> = {
  UNAUTHENTICATED: () => 'Sign in again with a valid token.',
  FORBIDDEN: () =>
    'Your token does not give access to this. Ask an admin for a token scoped to this organisation.',
  NOT_FOUND: () => 'It may have been removed or never loaded. Pick another organisation or reload.',
  BAD_USER_INPUT: () => 'Correct the value named above and try again.',
  CONFLICT: ({ reason }) =>
    reason === 'PERSONAL_DATA.RESPONDENT_FORGOTTEN'
      ? 'A forgotten person is never recorded again: take them out, or leave their respondent empty so they get a new id.'
      : 'It clashes with what is already recorded (or someone changed it at the same time). Reload and check.',
  SERVICE_UNAVAILABLE: ({ reason, retryAfterSeconds }) => {
    if (reason === 'LIMIT.HEAVY_WORK_QUEUE')
      return `The server is busy with other people’s optimisations and simulations; nothing is wrong with your data. Retry ${retryIn(retryAfterSeconds)}.`;
    if (reason?.startsWith('LIMIT.'))
      return `The server is at its limit for now; nothing is wrong with your data. Retry ${retryIn(retryAfterSeconds)}.`;
    return `The store cannot be used right now. Retry ${retryIn(retryAfterSeconds)}.`;
  },
  TOO_MANY_REQUESTS: ({ reason, retryAfterSeconds }) => {
    if (reason === 'LIMIT.HEAVY_WORK_PER_TOKEN')
      return 'Your token’s earlier optimisation or simulation is still running: retry once it has finished.';
    if (reason === 'LIMIT.FAILED_AUTHENTICATIONS')
      return `Too many sign-ins with a wrong or missing token came from your network (not necessarily from you), so the api refuses every token from it for now. Retry ${retryIn(retryAfterSeconds)}.`;
    return `Too many requests with this token. Retry ${retryIn(retryAfterSeconds)}.`;
  },
  NETWORK: () => 'Check that the api is running (npm start), then retry.',
  SERVER: () => 'Retry; if it keeps failing, the api’s log says why.',
};

export function errorAdvice(error: Advised): string {
  return advice[error.code](error);
}
