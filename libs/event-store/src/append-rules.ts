// The append rules every adapter shares: input validation, expectations, idempotent repeats, and
// turning new events into stored rows (completed metadata, canonical texts, hash chain).
import { canonicalJson } from './canonical-json';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from './errors';
import type { AppendResult, EventMetadata, ExpectedRevision, NewEvent } from './event-store.port';
import { hashCanonicalParts } from './hash-chain';
import type { StoredEventRow } from './stored-event';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revision used for "the stream does not exist", as EventStoreDB reports it. */
export const NO_STREAM_REVISION = -1;

/** An event ready to be stored in its stream: `data` and `metadata` are canonical JSON texts. */
export type PreparedEvent = Omit<StoredEventRow, 'stream' | 'position'>;

/** Where an already stored event with one of the batch's ids lives. */
export interface StoredEventLocation {
  id: string;
  stream: string;
  revision: number;
  position: number;
}

/** Event ids are UUIDs; checked at run time, since appends and imports come from outside. */
export function isEventId(id: unknown): id is string {
  return typeof id === 'string' && UUID_PATTERN.test(id);
}

/**
 * Validates the request and returns the expectation normalized (-1 is accepted for 'no_stream',
 * since that is what `nextExpectedRevision` of an empty append on a missing stream says).
 */
export function validateAppend(
  stream: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): ExpectedRevision {
  if (typeof stream !== 'string' || stream.length === 0)
    throw new InvalidAppendError('The stream name must be a non-empty string.');
  const expected = expectedRevision === NO_STREAM_REVISION ? 'no_stream' : expectedRevision;
  if (
    expected !== 'any' &&
    expected !== 'no_stream' &&
    expected !== 'stream_exists' &&
    !(typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0)
  ) {
    throw new InvalidAppendError(
      `Append to "${stream}": expectedRevision must be 'any', 'no_stream', 'stream_exists' or a revision >= 0, got ${String(expectedRevision)}.`,
    );
  }
  const seen = new Set<string>();
  for (const event of events) {
    const id = event.id as unknown;
    if (!isEventId(id)) {
      throw new InvalidAppendError(`Append to "${stream}": event id ${String(id)} is not a UUID.`);
    }
    if (seen.has(event.id))
      throw new InvalidAppendError(`Append to "${stream}": event id ${event.id} appears twice in the batch.`);
    seen.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidAppendError(`Append to "${stream}": event ${event.id} has no type.`);
    }
    const data = event.data as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new InvalidAppendError(
        `Append to "${stream}": the data of event ${event.id} must be a JSON object.`,
      );
    }
    const metadata = event.metadata as Partial<NewEvent['metadata']> | undefined;
    if (metadata === undefined || typeof metadata.actor !== 'string' || typeof metadata.role !== 'string') {
      throw new InvalidAppendError(
        `Append to "${stream}": event ${event.id} needs metadata.actor and metadata.role.`,
      );
    }
    const schemaVersion = metadata.schemaVersion;
    if (schemaVersion !== undefined && !(Number.isSafeInteger(schemaVersion) && schemaVersion >= 1)) {
      throw new InvalidAppendError(
        `Append to "${stream}": event ${event.id} has schemaVersion ${String(schemaVersion)}; it must be an integer >= 1.`,
      );
    }
  }
  return expected;
}

/** Does the stream, at `currentRevision` (-1 when missing), satisfy the expectation? */
export function expectationHolds(expected: ExpectedRevision, currentRevision: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return currentRevision === NO_STREAM_REVISION;
    case 'stream_exists':
      return currentRevision !== NO_STREAM_REVISION;
    default:
      return currentRevision === expected;
  }
}

export function wrongExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  currentRevision: number,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(
    stream,
    expected,
    currentRevision === NO_STREAM_REVISION ? 'no_stream' : currentRevision,
  );
}

/**
 * Decides what a batch whose ids (some or all) are already stored means. A repeat is idempotent
 * when every id is stored, in this stream, consecutively in batch order, and the expectation held
 * when the original append happened; it then returns the original append's result. A repeat under
 * another expectation is a wrong expected revision; a partial overlap is a duplicate id error.
 */
export function resolveRepeat(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  stored: readonly (StoredEventLocation | undefined)[],
  currentRevision: number,
): AppendResult {
  const first = stored[0];
  for (let index = 0; index < events.length; index += 1) {
    const location = stored[index];
    const event = events[index] as NewEvent;
    if (location === undefined) {
      const existing = stored.find((candidate) => candidate !== undefined);
      const existingId = existing?.id ?? event.id;
      throw new DuplicateEventIdError(
        stream,
        existingId,
        'is already stored, but the rest of the batch is not (a different batch reused an id)',
      );
    }
    if (location.stream !== stream) {
      throw new DuplicateEventIdError(
        stream,
        location.id,
        `is already stored in stream "${location.stream}" at revision ${location.revision}`,
      );
    }
    if (first === undefined || location.revision !== first.revision + index) {
      throw new DuplicateEventIdError(
        stream,
        location.id,
        `is already stored at revision ${location.revision}, not as part of this same batch`,
      );
    }
  }
  const last = stored[stored.length - 1];
  if (first === undefined || last === undefined)
    throw new Error('resolveRepeat needs at least one stored event');
  if (!repeatMatchesExpectation(expected, first.revision))
    throw wrongExpectedRevision(stream, expected, currentRevision);
  return { nextExpectedRevision: last.revision, position: last.position, written: false };
}

/** Whether the original append, whose first event got `firstRevision`, met this expectation. */
function repeatMatchesExpectation(expected: ExpectedRevision, firstRevision: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return firstRevision === 0;
    case 'stream_exists':
      return firstRevision > 0;
    default:
      return firstRevision === expected + 1;
  }
}

/**
 * Completes metadata and chains hashes. The correlation id defaults to the command id, else the
 * batch's first event id, so one batch is one correlation; all events of a batch share recordedAt.
 */
export function prepareEvents(
  stream: string,
  events: readonly NewEvent[],
  firstRevision: number,
  previousHash: string | null,
  recordedAt: string,
): PreparedEvent[] {
  const prepared: PreparedEvent[] = new Array<PreparedEvent>(events.length);
  const batchCorrelation = events[0]?.id ?? null;
  const serializer = new MetadataSerializer();
  let prevHash = previousHash;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index] as NewEvent;
    const given = event.metadata;
    const commandId = given.commandId ?? null;
    const metadata: EventMetadata = {
      actor: given.actor,
      role: given.role,
      commandId,
      correlationId: given.correlationId ?? commandId ?? batchCorrelation ?? event.id,
      causationId: given.causationId ?? null,
      recordedAt,
      schemaVersion: given.schemaVersion ?? 1,
      prevHash,
    };
    const revision = firstRevision + index;
    const data = canonicalJson(event.data);
    const metadataText = serializer.serialize(metadata);
    const hash = hashCanonicalParts(stream, revision, event.type, data, metadataText);
    prepared[index] = { id: event.id, type: event.type, revision, data, metadata: metadataText, hash };
    prevHash = hash;
  }
  return prepared;
}

/**
 * canonicalJson(metadata), written out in sorted key order. The events of a batch usually share
 * everything but prevHash, so the text before and after it is reused while it stays the same.
 */
class MetadataSerializer {
  private previous: EventMetadata | null = null;
  private head = '';
  private tail = '';

  serialize(metadata: EventMetadata): string {
    const previous = this.previous;
    if (
      previous === null ||
      previous.actor !== metadata.actor ||
      previous.causationId !== metadata.causationId ||
      previous.commandId !== metadata.commandId ||
      previous.correlationId !== metadata.correlationId
    ) {
      this.head =
        `{"actor":${JSON.stringify(metadata.actor)},"causationId":${JSON.stringify(metadata.causationId)},` +
        `"commandId":${JSON.stringify(metadata.commandId)},"correlationId":${JSON.stringify(metadata.correlationId)},"prevHash":`;
    }
    if (
      previous === null ||
      previous.recordedAt !== metadata.recordedAt ||
      previous.role !== metadata.role ||
      previous.schemaVersion !== metadata.schemaVersion
    ) {
      this.tail =
        `,"recordedAt":${JSON.stringify(metadata.recordedAt)},"role":${JSON.stringify(metadata.role)},` +
        `"schemaVersion":${JSON.stringify(metadata.schemaVersion)}}`;
    }
    this.previous = metadata;
    return this.head + JSON.stringify(metadata.prevHash) + this.tail;
  }
}

/** canonicalJson(metadata), by the fast path appends use. */
export function canonicalMetadataJson(metadata: EventMetadata): string {
  return new MetadataSerializer().serialize(metadata);
}

/** The (clock) time of an append as ISO-8601. */
export function transactionTime(clock: () => Date): string {
  return clock().toISOString();
}

/** Runs synchronous store work and reports its outcome as a promise (errors reject, never throw). */
export function settle<Result>(work: () => Result): Promise<Result> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
