// Importing recorded events as they are (cli import, restore): ids, revisions, metadata (with
// recordedAt) and hashes are kept, so the imported store verifies exactly as its source did. An
// optional capability of the embedded adapters, kept outside the EventStore port on purpose: the
// port's append always stamps new metadata, which is right for every writer but an importer.
import { isEventId } from './append-rules';
import { canonicalJson } from './canonical-json';
import { ImportRefusedError } from './errors';
import type { EventStore, RecordedEvent } from './event-store.port';
import { verifyStreamChain } from './hash-chain';
import type { StoredEventRow } from './stored-event';

export interface ImportRecordedOptions {
  /** Refuse unless the store holds no event yet; checked inside the write transaction. */
  requireEmptyStore?: boolean;
}

export interface ImportRecordedResult {
  imported: number;
  /** Global position of the last imported event (positions are assigned in the given order). */
  position: number;
}

export interface RecordedEventImporter {
  /**
   * Writes the events, in the given (global) order, after the store's current head. Each stream's
   * chain must continue the stored one: revisions consecutive, prevHash linked, every hash
   * recomputing. All or nothing: a refused batch writes nothing (ImportRefusedError).
   */
  importRecorded(
    events: readonly RecordedEvent[],
    options?: ImportRecordedOptions,
  ): Promise<ImportRecordedResult>;
}

export function canImportRecorded(store: EventStore): store is EventStore & RecordedEventImporter {
  return typeof (store as Partial<RecordedEventImporter>).importRecorded === 'function';
}

/** The last stored event of a stream, where an imported chain must continue from. */
export interface StreamTip {
  revision: number;
  hash: string;
}

/** A recorded event as a store row, before its position: canonical texts, the hash as given (and verified). */
export type RecordedImportRow = Omit<StoredEventRow, 'position'>;

/**
 * Verifies the batch (ids, chains continuing each stream's tip) and returns the rows to insert in
 * order. Uses the same chain verification as the integrity check, so what imports also verifies.
 */
export function prepareRecordedImport(
  events: readonly RecordedEvent[],
  tipOf: (stream: string) => StreamTip | undefined,
): RecordedImportRow[] {
  const seen = new Set<string>();
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    // Typed as a string, but read from a file: checked as what it really is.
    const id: unknown = event.id;
    if (!isEventId(id))
      throw new ImportRefusedError(`Import: event id ${String(id)} is not a UUID; nothing was written.`);
    // Ids are unique per stream (the same id in two streams is two events).
    const key = `${event.stream}\u0000${event.id}`;
    if (seen.has(key))
      throw new ImportRefusedError(
        `Import: event id ${event.id} appears twice in stream ${event.stream}; nothing was written.`,
      );
    seen.add(key);
    const streamEvents = byStream.get(event.stream);
    if (streamEvents === undefined) byStream.set(event.stream, [event]);
    else streamEvents.push(event);
  }
  for (const [stream, streamEvents] of byStream) {
    const tip = tipOf(stream);
    const verification = verifyStreamChain(streamEvents, {
      startRevision: tip === undefined ? 0 : tip.revision + 1,
      previousHash: tip?.hash ?? null,
    });
    if (!verification.valid)
      throw new ImportRefusedError(`Import refused, nothing was written: ${verification.message}`);
  }
  return events.map((event) => {
    // The stored metadata is exactly what the hash covers (the hash itself lives in its own column).
    const metadata: Record<string, unknown> = { ...event.metadata };
    delete metadata.hash;
    return {
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      data: canonicalJson(event.data),
      metadata: canonicalJson(metadata),
      hash: event.hash,
    };
  });
}

export function storeNotEmpty(head: number): ImportRefusedError {
  return new ImportRefusedError(
    `Import refused: the store is not empty (it holds events up to position ${head}); nothing was written. Import into a fresh data directory.`,
  );
}
