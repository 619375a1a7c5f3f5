// Seals personal text at append and opens it on read (docs/reference/personal-data.md). The events
// store the sealed value, so their hashes cover the ciphertext; the keys live in the key store,
// and destroying one erases the text while every event and hash stays as it was.
import { Inject, Injectable } from '@nestjs/common';
import type { JsonObject, JsonValue, NewEvent } from '@app/event-store';
import {
  DataKeyDestroyedError,
  isSealedValue,
  KEY_STORE,
  type KeyStore,
  openText,
  type SealedValue,
  sealText,
  type ValueReference,
} from '@app/key-store';
import { conflict, PERSONAL_DATA_ERROR_CODES } from '@app/domain';
import { dataKeyOf, PERSONAL_FIELDS } from './personal-fields';

/** Events as they are appended, with the ids of the value secrets issued for them. */
export interface SealedEvents {
  events: NewEvent[];
  valueIds: string[];
}

/** Anything that carries event data: recorded events, indexed events. */
export interface WithEventData {
  type: string;
  data: JsonObject;
}

@Injectable()
export class PersonalData {
  constructor(@Inject(KEY_STORE) private readonly keys: KeyStore) {}

  /** Replaces every personal text of the events with its sealed value; the keys are durable first. */
  async seal(events: readonly NewEvent[]): Promise<SealedEvents> {
    const places = personalTextsOf(events);
    if (places.length === 0) return { events: [...events], valueIds: [] };
    let issued;
    try {
      issued = await this.keys.issue(places.map(({ event }) => dataKeyOf(event.data)));
    } catch (error) {
      if (error instanceof DataKeyDestroyedError)
        throw conflict(
          `The respondent of this rating was forgotten (${error.keyId}); nothing can be recorded for them again. Record it without the respondent or under a new one.`,
          PERSONAL_DATA_ERROR_CODES.respondentForgotten,
          'respondentId',
        );
      throw error;
    }
    const sealedData = new Map<NewEvent, JsonObject>();
    places.forEach(({ event, field, text }, index) => {
      const data = sealedData.get(event) ?? { ...event.data };
      data[field] = sealText(text, issued[index] as (typeof issued)[number]) as unknown as JsonValue;
      sealedData.set(event, data);
    });
    return {
      events: events.map((event) => {
        const data = sealedData.get(event);
        return data === undefined ? event : { ...event, data };
      }),
      valueIds: issued.map((key) => key.valueId),
    };
  }

  /** Forgets the secrets of values that were never stored (the append failed or was a repeat). */
  async discard(valueIds: readonly string[]): Promise<void> {
    if (valueIds.length > 0) await this.keys.discard(valueIds);
  }

  /**
   * The events with every sealed text opened: the plain text, or null with the erased flag set
   * (`evidenceErased: true`) when its key was destroyed. Text recorded before sealing reads as
   * it was. Events without sealed text are returned as they are.
   */
  async open<Event extends WithEventData>(events: readonly Event[]): Promise<Event[]> {
    const places: { event: Event; field: PersonalField; sealed: SealedValue }[] = [];
    for (const event of events)
      for (const field of PERSONAL_FIELDS[event.type] ?? []) {
        const value = event.data[field.field];
        if (isSealedValue(value)) places.push({ event, field, sealed: value });
      }
    if (places.length === 0) return [...events];
    const found = await this.keys.find(places.map(({ sealed }): ValueReference => referenceOf(sealed)));
    const openedData = new Map<Event, JsonObject>();
    places.forEach(({ event, field, sealed }, index) => {
      const data = openedData.get(event) ?? { ...event.data };
      const lookup = found[index];
      if (lookup?.state === 'available')
        data[field.field] = openText(sealed, lookup.dataKey, lookup.valueSecret);
      else if (lookup?.state === 'destroyed') {
        data[field.field] = null;
        data[field.erasedFlag] = true;
      } else throw missingKey(sealed);
      openedData.set(event, data);
    });
    return events.map((event) => {
      const data = openedData.get(event);
      return data === undefined ? event : { ...event, data };
    });
  }
}

type PersonalField = (typeof PERSONAL_FIELDS)[string][number];

function personalTextsOf(events: readonly NewEvent[]): { event: NewEvent; field: string; text: string }[] {
  const places: { event: NewEvent; field: string; text: string }[] = [];
  for (const event of events)
    for (const { field } of PERSONAL_FIELDS[event.type] ?? []) {
      const text = event.data[field];
      // Null or absent: nothing to seal. Already sealed: an import of recorded events.
      if (typeof text === 'string') places.push({ event, field, text });
    }
  return places;
}

export function referenceOf(sealed: SealedValue): ValueReference {
  return { keyId: sealed.key, valueId: sealed.value };
}

function missingKey(sealed: SealedValue): Error {
  return new Error(
    `The key store holds no key for the sealed value ${sealed.value} (data key ${sealed.key}): it does not belong with these events. Restore the key store (keys.db, or the key_store_ tables) from the same backup as the events.`,
  );
}
