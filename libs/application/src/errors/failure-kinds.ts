// What went wrong, as one of a few kinds, whatever layer raised it: the domain's refusals, the
// event store's typed errors (each adapter translates its own driver's failures into them), the
// read models and the capacity limits. The api turns a kind into `extensions.code` and an HTTP
// status, the cli into an exit code: both read the one table below.
import { DomainError, type DomainErrorKind } from '@app/domain';
import { EventStoreError, type EventStoreErrorCode } from '@app/event-store';
import { KeyStoreError, type KeyStoreErrorCode } from '@app/key-store';
import {
  ProjectionFailedError,
  ProjectionLagTimeoutError,
  ProjectionRunnerStoppedError,
  ReadModelsUnavailableError,
} from '@app/projections';
import { HeavyWorkQueueFullError } from '../heavy-work/heavy-work';

export type FailureKind = DomainErrorKind | 'too_many_requests' | 'unavailable' | 'internal';

/** The GraphQL `extensions.code` values a client may see. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Exit codes scripts can trust. */
export const EXIT = {
  ok: 0,
  /** Something failed that the user cannot fix by changing the command (a bug, a broken disk). */
  failure: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** The input was refused (bad rows, unknown ids); nothing was written. */
  refused: 3,
  /** An integrity check found a broken chain or hash. */
  integrityBroken: 4,
  /** The store cannot be used now (busy, disk full, read-only, damaged): retry, or see the message. */
  unavailable: 5,
} as const;

export interface FailureOutcome {
  apiCode: ApiErrorCode;
  httpStatus: number;
  exitCode: (typeof EXIT)[keyof typeof EXIT];
}

/** The one mapping: every kind, its GraphQL code, its HTTP status and its cli exit code. */
export const OUTCOME_OF_FAILURE: Readonly<Record<FailureKind, FailureOutcome>> = {
  invalid_input: { apiCode: 'BAD_USER_INPUT', httpStatus: 400, exitCode: EXIT.refused },
  unauthenticated: { apiCode: 'UNAUTHENTICATED', httpStatus: 401, exitCode: EXIT.refused },
  forbidden: { apiCode: 'FORBIDDEN', httpStatus: 403, exitCode: EXIT.refused },
  not_found: { apiCode: 'NOT_FOUND', httpStatus: 404, exitCode: EXIT.refused },
  conflict: { apiCode: 'CONFLICT', httpStatus: 409, exitCode: EXIT.refused },
  too_many_requests: { apiCode: 'TOO_MANY_REQUESTS', httpStatus: 429, exitCode: EXIT.unavailable },
  unavailable: { apiCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, exitCode: EXIT.unavailable },
  internal: { apiCode: 'INTERNAL_SERVER_ERROR', httpStatus: 500, exitCode: EXIT.failure },
};

/** Every event store error code has a kind: a new code does not compile until it is placed here. */
const KIND_OF_STORE_ERROR: Readonly<Record<EventStoreErrorCode, FailureKind>> = {
  'EVENT_STORE.WRONG_EXPECTED_REVISION': 'conflict',
  'EVENT_STORE.DUPLICATE_EVENT_ID': 'conflict',
  'EVENT_STORE.IMPORT_REFUSED': 'conflict',
  // A malformed append is a bug of ours, not of the caller.
  'EVENT_STORE.INVALID_APPEND': 'internal',
  'EVENT_STORE.CLOSED': 'unavailable',
  'EVENT_STORE.UNAVAILABLE': 'unavailable',
  'EVENT_STORE.DATA_DIRECTORY_NOT_WRITABLE': 'unavailable',
  'EVENT_STORE.CORRUPT': 'unavailable',
  'EVENT_STORE.DAMAGED': 'unavailable',
  'EVENT_STORE.LOCKED': 'unavailable',
  'EVENT_STORE.UNSUPPORTED_VERSION': 'unavailable',
  'EVENT_STORE.INVALID_CONFIGURATION': 'unavailable',
};

/** Every key store error code has a kind, as for the event store's. */
const KIND_OF_KEY_STORE_ERROR: Readonly<Record<KeyStoreErrorCode, FailureKind>> = {
  // Sealing for a forgotten respondent: the command comes too late.
  'KEY_STORE.DATA_KEY_DESTROYED': 'conflict',
  'KEY_STORE.IMPORT_REFUSED': 'conflict',
  'KEY_STORE.UNAVAILABLE': 'unavailable',
  'KEY_STORE.CLOSED': 'unavailable',
};

/** The kind of a failure we know, or null for anything else (a bug: the transport answers it as internal). */
export function failureKindOf(error: unknown): FailureKind | null {
  if (error instanceof DomainError) return error.kind;
  if (error instanceof EventStoreError) return KIND_OF_STORE_ERROR[error.code];
  if (error instanceof KeyStoreError) return KIND_OF_KEY_STORE_ERROR[error.code];
  if (
    error instanceof ProjectionLagTimeoutError ||
    error instanceof ProjectionFailedError ||
    error instanceof ProjectionRunnerStoppedError ||
    error instanceof ReadModelsUnavailableError ||
    error instanceof HeavyWorkQueueFullError
  )
    return 'unavailable';
  return null;
}
