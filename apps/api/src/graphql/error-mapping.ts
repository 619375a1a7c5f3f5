import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@app/domain';
import {
  type ApiErrorCode,
  failureKindOf,
  type FailureKind,
  HeavyWorkQueueFullError,
  LIMIT_ERROR_CODES,
  OUTCOME_OF_FAILURE,
} from '@app/application';
import { EventStoreError, WrongExpectedRevisionError } from '@app/event-store';
import { KeyStoreError } from '@app/key-store';
import {
  ProjectionFailedError,
  ProjectionRunnerStoppedError,
  ReadModelsUnavailableError,
} from '@app/projections';
import {
  IdentityProviderUnavailableError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from '../auth/access-errors';

export type { ApiErrorCode } from '@app/application';

/**
 * One item of a list that a check would refuse (checkRatings, checkInvitations): its place, and
 * the code, reason, field and words the call itself would answer with.
 */
export const refusalOfItem = ({ index, refusal }: { index: number; refusal: DomainError }) => ({
  index,
  field: refusal.field ?? null,
  code: OUTCOME_OF_FAILURE[refusal.kind].apiCode,
  reason: refusal.code,
  message: refusal.message,
});

// Errors GraphQL itself raises for a malformed request: all of them are bad input of the caller.
const REQUEST_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// 'at "input.periodEnd"' in a variable coercion message names the field; without it, the
// variable itself is at fault ('Variable "$from" got invalid value', or "of required type … was not provided").
const VARIABLE_PATH = /at "([^"]+)"/;
const VARIABLE_NAME = /^Variable "\$([^"]+)" (?:got invalid value|of required type)/;
// An invalid literal (`periodEnd: "2025-02-30"`) is reported at the value: the name before it is the field.
const NAME_BEFORE_VALUE = /([_A-Za-z][_0-9A-Za-z]*)\s*:\s*$/;

/** The argument or input field whose written value GraphQL refused, or undefined. */
function fieldOfRequestError(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  const fromVariable =
    VARIABLE_PATH.exec(formatted.message)?.[1] ?? VARIABLE_NAME.exec(formatted.message)?.[1];
  if (fromVariable !== undefined) return fromVariable;
  if (!(error instanceof GraphQLError) || !formatted.message.startsWith('Expected value of type'))
    return undefined;
  const position = error.positions?.[0];
  const body = error.source?.body;
  if (position === undefined || body === undefined) return undefined;
  return NAME_BEFORE_VALUE.exec(body.slice(0, position))?.[1];
}

/** What a client is told about an error, whatever the transport. */
export interface ApiErrorAnswer {
  message: string | null;
  extensions: { code: ApiErrorCode; reason?: string; field?: string; retryAfterSeconds?: number };
}

/** A failure of ours: its kind (the one mapping gives its code) and what the client is told of it. */
interface KnownFailure {
  kind: FailureKind;
  /** Null keeps the transport's own message. */
  message: string | null;
  reason?: string;
  field?: string;
  retryAfterSeconds?: number;
}

/** The api's own limits and the identity provider, then every failure the application knows. */
function knownFailureOf(error: unknown): KnownFailure | null {
  if (error instanceof TooManyRequestsError)
    return {
      kind: 'too_many_requests',
      message: error.message,
      reason: error.reason,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  if (error instanceof ServiceUnavailableError)
    return {
      kind: 'unavailable',
      message: error.message,
      reason: error.reason,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  if (error instanceof IdentityProviderUnavailableError)
    return { kind: 'unavailable', message: error.message };
  const kind = failureKindOf(error);
  // Internal: a bug, answered without its internals.
  if (kind === null || kind === 'internal') return null;
  if (error instanceof DomainError)
    return {
      kind,
      message: error.message,
      reason: error.code,
      ...(error.field ? { field: error.field } : {}),
    };
  if (error instanceof WrongExpectedRevisionError) return { kind, message: null, reason: 'STREAM.CHANGED' };
  if (error instanceof HeavyWorkQueueFullError)
    return { kind, message: error.message, reason: LIMIT_ERROR_CODES.heavyWorkQueue, retryAfterSeconds: 5 };
  if (error instanceof ProjectionFailedError || error instanceof ProjectionRunnerStoppedError) {
    return {
      kind,
      message:
        'The read models are not being updated: see the api log, then run `npm run cli -- rebuild` and restart.',
    };
  }
  // Passing: the read models catch up by themselves once the disk has space again.
  if (error instanceof ReadModelsUnavailableError)
    return { kind, message: error.message, reason: error.code };
  // Each adapter's message says what the operator can fix (busy, disk full, read-only, damaged file).
  if (error instanceof EventStoreError || error instanceof KeyStoreError)
    return { kind, message: error.message, reason: error.code };
  return { kind, message: error instanceof Error ? error.message : null };
}

/**
 * The one place that turns an error of ours into what a client sees, through the one table of
 * failure kinds (OUTCOME_OF_FAILURE). Null for anything else (a transport's own errors, or a
 * fault that must not show its internals).
 */
export function describeApiError(error: unknown): ApiErrorAnswer | null {
  const failure = knownFailureOf(error);
  if (failure === null) return null;
  const { kind, message, ...details } = failure;
  return { message, extensions: { code: OUTCOME_OF_FAILURE[kind].apiCode, ...details } };
}

const HTTP_STATUS_OF_CODE = new Map<ApiErrorCode, number>(
  Object.values(OUTCOME_OF_FAILURE).map((outcome) => [outcome.apiCode, outcome.httpStatus]),
);

/** The HTTP status that goes with an error code, for answers outside GraphQL. */
export const httpStatusOf = (code: ApiErrorCode): number => HTTP_STATUS_OF_CODE.get(code) ?? 500;

/**
 * GraphQL's side of the one mapping: our errors as describeApiError says, GraphQL's own request
 * errors as BAD_USER_INPUT naming the variable at fault; anything unexpected becomes
 * INTERNAL_SERVER_ERROR without internals.
 */
export function formatApiError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  const answer = describeApiError(unwrapResolverError(raw));
  if (answer !== null) {
    return { ...base, message: answer.message ?? formatted.message, extensions: answer.extensions };
  }

  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const field = fieldOfRequestError(formatted, raw);
    return { ...base, extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } };
  }
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...base, extensions: { code } };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
