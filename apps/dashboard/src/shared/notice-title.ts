// What a notice says went wrong: the action, then the api's message in the screen's words. A
// message that begins with the api's field path (`reason`, `effects[0].low`) is said the way a
// form's field error is, by the same rule (fieldMessage), so a button's refusal reads like a form's.
import type { ApiError } from '../api/client';
import { fieldMessage, type FieldLabels } from './forms/field-message';

export function noticeTitle(action: string, error: ApiError, labels: FieldLabels = {}): string {
  return `${action}: ${fieldMessage(error, labels)}`;
}
