// Which fields of which events may name a person, and whose data key seals them
// (docs/reference/personal-data.md). The one list: sealing at append, opening on read and
// forgetting all follow it.
import type { DataKeyRequest } from '@app/key-store';
import type { JsonObject } from '@app/event-store';

export interface PersonalField {
  /** The field of the event data that holds the text. */
  field: string;
  /** The flag set on read when the text was erased, e.g. evidenceErased. */
  erasedFlag: string;
}

/** Personal fields by event type. */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly PersonalField[]>> = {
  RatingRecorded: [{ field: 'evidence', erasedFlag: 'evidenceErased' }],
  // An invitation's label is the office's note about the person ("night shift lead").
  RaterInvited: [{ field: 'label', erasedFlag: 'labelErased' }],
};

/** A respondent's data key id: every text the respondent gave is sealed with it. */
export function respondentKeyId(organizationId: string, respondentId: string): string {
  return `${organizationId}/respondent/${respondentId}`;
}

/**
 * The data key that seals an event's personal text: the respondent's when the event names one,
 * else the rater group's (source and rating function), which speaks as one.
 */
export function dataKeyOf(data: JsonObject): DataKeyRequest {
  const organizationId = stringField(data, 'organizationId');
  const respondentId = data.respondentId;
  if (typeof respondentId === 'string' && respondentId.length > 0)
    return { keyId: respondentKeyId(organizationId, respondentId), organizationId };
  const source = stringField(data, 'source');
  const raterFunctionId = typeof data.raterFunctionId === 'string' ? data.raterFunctionId : '';
  return { keyId: `${organizationId}/rater-group/${source}/${raterFunctionId}`, organizationId };
}

function stringField(data: JsonObject, key: string): string {
  const value = data[key];
  if (typeof value !== 'string') throw new Error(`personal text needs the event's "${key}"`);
  return value;
}
