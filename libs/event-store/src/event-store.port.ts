// The event store port. Semantics mirror EventStoreDB (docs/reference/event-store.md): streams with
// revisions from 0, a global position over all events, optimistic concurrency on append.
// Adapters: SQLite (embedded default), EventStoreDB/KurrentDB, in-memory (tests).

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export interface JsonObject {
  [key: string]: JsonValue;
}

/** What the writer expects of the stream before its append. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Metadata written with every event. `recordedAt` and `prevHash` are set by the store at append. */
export interface EventMetadata {
  actor: string;
  role: string;
  commandId: string | null;
  correlationId: string;
  causationId: string | null;
  /** Transaction time (ISO-8601), set by the store side. */
  recordedAt: string;
  schemaVersion: number;
  /** Hash of the previous event of the same stream, or null for revision 0. */
  prevHash: string | null;
}

/** The metadata a writer supplies; the store completes it. */
export interface NewEventMetadata {
  actor: string;
  role: string;
  commandId?: string | null;
  correlationId?: string;
  causationId?: string | null;
  /** Defaults to 1. */
  schemaVersion?: number;
}

export interface NewEvent {
  /** A UUID. Re-appending the same ids with the same expectation is idempotent. */
  id: string;
  type: string;
  data: JsonObject;
  metadata: NewEventMetadata;
}

export interface RecordedEvent {
  id: string;
  stream: string;
  /** Revision within the stream, from 0. */
  revision: number;
  /** Global position, from 1, strictly increasing (gap-free on the embedded adapters). */
  position: number;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  /** SHA-256 (hex) over canonical JSON of {stream, revision, type, data, metadata}. */
  hash: string;
  /**
   * Schema version of `data` as returned: higher than `metadata.schemaVersion` (which stays as
   * recorded, it is hashed) when upcasters ran; equal on raw reads. Set by every adapter.
   */
  dataSchemaVersion?: number;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  /** Global position of the last event of the batch. */
  position: number;
  /** False when every event of the batch had already been appended (an idempotent repeat). */
  written: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
  /** Return the data as stored, without upcasting (for integrity checks). */
  raw?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events with position > after. Defaults to 0 (from the start). */
  after?: number;
  maxCount?: number;
  /** Only events of these types. */
  eventTypes?: readonly string[];
  raw?: boolean;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: delivery starts at the first event after it. Defaults to 0. */
  after?: number;
  eventTypes?: readonly string[];
}

/** Called for each event in global order; the next event waits until the returned promise settles. */
export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface EventSubscription {
  /** Stops delivery; resolves once no handler call is in flight. */
  close(): Promise<void>;
  /** Settles when the subscription stops: resolves on close, rejects when the handler throws. */
  readonly done: Promise<void>;
}

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** The stream's events; [] when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events in global order, one page (callers page with `after` and `maxCount`). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription over all events: history from the checkpoint, then live events. */
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): EventSubscription;
  /** Position of the last event in the store, 0 when empty. */
  headPosition(): Promise<number>;
  /** Finishes in-flight appends, then releases the store. */
  close(): Promise<void>;
}

/** Injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
