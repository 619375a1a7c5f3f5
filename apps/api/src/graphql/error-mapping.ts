import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, type DomainErrorKind } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import {
  ProjectionFailedError,
  ProjectionLagTimeoutError,
  ProjectionRunnerStoppedError,
} from '@app/projections';
import { TooManyRequestsError } from '../auth/access-errors';

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
// variable itself is at fault ('Variable "$from" got invalid value').
const VARIABLE_PATH = /at "([^"]+)"/;
const VARIABLE_NAME = /^Variable "\$([^"]+)" got invalid value/;

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

/**
 * The one place that turns any error into what a client sees: DomainError kinds, concurrency
 * conflicts and GraphQL's own request errors get their `extensions.code`; anything unexpected
 * becomes INTERNAL_SERVER_ERROR without internals.
 */
export function formatApiError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const error = unwrapResolverError(raw);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (error instanceof DomainError) {
    return {
      ...base,
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
      ...base,
      message: error.message,
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: error.retryAfterSeconds },
    };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return { ...base, extensions: { code: 'CONFLICT', reason: 'STREAM.CHANGED' } };
  }
  const projection = projectionProblem(error);
  if (projection !== null)
    return { ...base, message: projection, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  const storage = storageProblem(error);
  if (storage !== null) return { ...base, message: storage, extensions: { code: 'SERVICE_UNAVAILABLE' } };

  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const field = VARIABLE_PATH.exec(formatted.message)?.[1] ?? VARIABLE_NAME.exec(formatted.message)?.[1];
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
