// PostgreSQL failures as the store's typed errors: a server that cannot be reached, a dropped
// connection or a server shutting down is EventStoreUnavailableError, whatever layer reported it.
import { EventStoreUnavailableError } from '../errors';

/** SQLSTATE classes and codes that mean "the server is not there for us right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (also pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** The SQLSTATE (or Node system error code) of a pg error, if any. */
export function postgresErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a unique violation broke (23505), else undefined. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (postgresErrorCode(error) !== '23505') return undefined;
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

export function isConnectionFailure(error: unknown): boolean {
  const code = postgresErrorCode(error);
  if (code !== undefined && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code)))
    return true;
  const message = error instanceof Error ? error.message : '';
  // pg reports a socket that closed under it, and a pool that could not connect in time, by message only.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/**
 * The server ended the connection (terminated, or gone) before or as the statement was sent: a
 * pooled connection that died while idle. Not a refused or timed-out connection attempt.
 */
export function endedWhileIdle(error: unknown): boolean {
  const code = postgresErrorCode(error);
  if (code === '57P01' || code === 'ECONNRESET' || code === 'EPIPE') return true;
  return error instanceof Error && /Connection terminated unexpectedly/i.test(error.message);
}

/** Failures before any statement reached the server: nothing can have been written. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P03',
  '53300',
]);

function failedBeforeSending(error: unknown): boolean {
  const code = postgresErrorCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) return true;
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

/**
 * Translates connection failures; everything else (a bug, a constraint we did not expect) passes
 * through unchanged. `writing`: the statement was an append, whose outcome a lost connection
 * leaves unknown.
 */
export function translatePostgresError(error: unknown, target: string, writing: boolean): unknown {
  if (!isConnectionFailure(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(
    writing && !failedBeforeSending(error)
      ? `PostgreSQL at ${target} is unavailable (${reason}); the append may or may not have been written. Retry it with the same event ids (a repeat is recognised), and check DATABASE_URL and that the server runs.`
      : `PostgreSQL at ${target} is unavailable (${reason}). Check DATABASE_URL and that the server runs, then retry.`,
    { cause: error },
  );
}

/** DATABASE_URL without its password, for messages and logs. */
export function describeDatabaseUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
