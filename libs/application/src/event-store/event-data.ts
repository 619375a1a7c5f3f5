import type { JsonObject } from '@app/event-store';

/** A text field of stored event data; a missing or non-text value means the stream is not what we wrote. */
export function textField(data: JsonObject, key: string): string {
  const value = data[key];
  if (typeof value !== 'string') throw new Error(`event data has no text field "${key}"`);
  return value;
}
