import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, type DomainErrorKind } from '@app/domain';
import { HeavyWorkQueueFullError } from '@app/application';
import { WrongExpectedRevisionError } from '@app/event-store';
import {
  ProjectionFailedError,
  ProjectionLagTimeoutError,
  ProjectionRunnerStoppedError,
} from '@app/projections';
import {
  IdentityProviderUnavailableError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from '../auth/access-errors';

export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

const CODE_OF_KIND: Record<DomainErrorKind, ApiErrorCode> = {
  invalid_input: 'BAD_USER_INPUT',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
};

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

/** Storage failures the operator can act on. */
function storageProblem(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') return 'The data disk is full: free space, then retry. Nothing was written.';
  if (code === 'SQLITE_READONLY')
    return 'The data directory is read-only: make it writable, then retry. Nothing was written.';
  if (code === 'SQLITE_BUSY')
    return 'The store is busy with another process: retry shortly. Nothing was written.';
  if (code === 'SQLITE_IOERR' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))) {
    return 'The data disk failed to write: check it, then retry. Nothing was written.';
  }
  return null;
}

/** The read models cannot answer yet (catching up) or at all (a projection failed). */
function projectionProblem(error: unknown): string | null {
  if (error instanceof ProjectionLagTimeoutError) return error.message;
  if (error instanceof ProjectionFailedError || error instanceof ProjectionRunnerStoppedError) {
    return 'The read models are not being updated: see the api log, then run `npm run cli -- rebuild` and restart.';
  }
  return null;
}

/** What a client is told about an error, whatever the transport. */
export interface ApiErrorAnswer {
  message: string | null;
  extensions: { code: ApiErrorCode; reason?: string; field?: string; retryAfterSeconds?: number };
}

/**
 * The one place that turns an error of ours into what a client sees: DomainError kinds,
 * concurrency conflicts, rate limits, storage and projection trouble. Null for anything else
 * (a transport's own errors, or a fault that must not show its internals). A null message keeps
 * the transport's own.
 */
export function describeApiError(error: unknown): ApiErrorAnswer | null {
  if (error instanceof DomainError) {
    return {
      message: error.message,
      extensions: {
        code: CODE_OF_KIND[error.kind],
        reason: error.code,
        ...(error.field ? { field: error.field } : {}),
      },
    };
  }
  if (error instanceof TooManyRequestsError) {
    return {
      message: error.message,
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: error.retryAfterSeconds },
    };
  }
  if (error instanceof HeavyWorkQueueFullError) {
    return { message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } };
  }
  if (error instanceof ServiceUnavailableError) {
    return {
      message: error.message,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: error.retryAfterSeconds },
    };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return { message: null, extensions: { code: 'CONFLICT', reason: 'STREAM.CHANGED' } };
  }
  if (error instanceof IdentityProviderUnavailableError)
    return { message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  const projection = projectionProblem(error);
  if (projection !== null) return { message: projection, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  const storage = storageProblem(error);
  if (storage !== null) return { message: storage, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  return null;
}

const HTTP_STATUS_OF_CODE: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** The HTTP status that goes with an error code, for answers outside GraphQL. */
export const httpStatusOf = (code: ApiErrorCode): number => HTTP_STATUS_OF_CODE[code];

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
