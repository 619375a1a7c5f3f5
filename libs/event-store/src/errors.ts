// Event store errors. Each has a stable `code` that the api maps once to a transport error.
import type { ExpectedRevision } from './event-store.port';

export type EventStoreErrorCode =
  | 'EVENT_STORE.WRONG_EXPECTED_REVISION'
  | 'EVENT_STORE.DUPLICATE_EVENT_ID'
  | 'EVENT_STORE.INVALID_APPEND'
  | 'EVENT_STORE.CLOSED'
  | 'EVENT_STORE.UNAVAILABLE'
  | 'EVENT_STORE.DATA_DIRECTORY_NOT_WRITABLE'
  | 'EVENT_STORE.CORRUPT'
  | 'EVENT_STORE.DAMAGED'
  | 'EVENT_STORE.LOCKED'
  | 'EVENT_STORE.UNSUPPORTED_VERSION'
  | 'EVENT_STORE.IMPORT_REFUSED'
  | 'EVENT_STORE.INVALID_CONFIGURATION';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stream was not where the writer expected it; nothing was written. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(
      `Append to stream "${stream}" expected ${describeExpectation(expected)} but the stream ${describeActual(actual)}; nothing was written.`,
    );
  }
}

/** Some event ids of the batch already exist, but not as exactly this batch; nothing was written. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';

  constructor(
    readonly stream: string,
    readonly eventId: string,
    detail: string,
  ) {
    super(`Append to stream "${stream}": event id ${eventId} ${detail}; nothing was written.`);
  }
}

/** The append request itself is malformed (bad id, empty type, non-object data, bad revision). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_APPEND';
}

export class EventStoreClosedError extends EventStoreError {
  readonly code = 'EVENT_STORE.CLOSED';

  constructor() {
    super('The event store is closed.');
  }
}

/** The store cannot be reached (EventStoreDB down, network). */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
}

/** Startup: DATA_DIR cannot be created or written. */
export class DataDirectoryNotWritableError extends EventStoreError {
  readonly code = 'EVENT_STORE.DATA_DIRECTORY_NOT_WRITABLE';

  constructor(
    readonly dataDir: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The data directory ${dataDir} cannot be used: ${reason}. Set DATA_DIR to a directory this process can create and write, or fix its permissions.`,
      options,
    );
  }
}

/** Startup: the store file is not a valid event store database. It was left untouched. */
export class EventStoreCorruptError extends EventStoreError {
  readonly code = 'EVENT_STORE.CORRUPT';

  constructor(
    readonly file: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The event store file ${file} is corrupt or not an event store (${reason}). It was left untouched: restore it from a backup, or move it aside to start with an empty store.`,
      options,
    );
  }
}

/**
 * While in use: the store file was replaced, truncated or overwritten, or SQLite found it corrupt.
 * From then on the store refuses every operation, so no write is acknowledged into a file that
 * is not the one it opened. Recovery is an operator's: restore from a backup, then restart.
 */
export class EventStoreDamagedError extends EventStoreError {
  readonly code = 'EVENT_STORE.DAMAGED';

  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The event store file was ${reason} while in use; nothing more is read or written. If a backup was restored into it on purpose, restart the api to serve it; otherwise an operator must restore it from a backup and restart the api.`,
      options,
    );
  }
}

/** Startup: another process holds a lock on the store file. Nothing was changed. */
export class EventStoreLockedError extends EventStoreError {
  readonly code = 'EVENT_STORE.LOCKED';

  constructor(
    readonly file: string,
    waitedMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      `The event store file ${file} is locked by another process (no write lock within ${waitedMs} ms). Stop the process holding it (a stuck cli, backup or sqlite3 shell) or wait for it to finish, then start again.`,
      options,
    );
  }
}

/** An import of recorded events was refused (broken chain, duplicate id, store not empty); nothing was written. */
export class ImportRefusedError extends EventStoreError {
  readonly code = 'EVENT_STORE.IMPORT_REFUSED';
}

/** Startup: the configuration names no usable store, or more than one. */
export class InvalidStoreConfigurationError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_CONFIGURATION';
}

/** Startup: the file was written by a newer version of this software. */
export class UnsupportedStoreVersionError extends EventStoreError {
  readonly code = 'EVENT_STORE.UNSUPPORTED_VERSION';
}

function describeExpectation(expected: ExpectedRevision): string {
  switch (expected) {
    case 'any':
      return 'any revision';
    case 'no_stream':
      return 'no stream';
    case 'stream_exists':
      return 'an existing stream';
    default:
      return `revision ${expected}`;
  }
}

function describeActual(actual: number | 'no_stream'): string {
  return actual === 'no_stream' ? 'does not exist' : `is at revision ${actual}`;
}
