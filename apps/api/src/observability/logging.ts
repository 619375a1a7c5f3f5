// Logs as one JSON object a line (pino), each line of a request carrying its request id; pretty
// and coloured when stdout is a terminal. Nest's own Logger calls go through the same pino logger,
// so framework, application and request lines share one format and one id.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import pretty from 'pino-pretty';

/** LOG_LEVEL: silent, error, warn, info (default), debug. */
export function createRootLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  // A person at a terminal reads lines; a collector reads JSON.
  if (process.stdout.isTTY && process.env.LOG_FORMAT !== 'json')
    return pino(options, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  return pino(options);
}

const requestScope = new AsyncLocalStorage<Logger>();

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id when it is a plain token, else a new one; echoed in the response. */
function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('x-request-id', id);
  return id;
}

/**
 * Express middleware: one line per request when it completes (method, url, status, time), and the
 * request's logger in scope so every line logged while serving it carries its id.
 */
export function requestLogging(
  root: Logger,
): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const http: HttpLogger = pinoHttp({
    logger: root,
    genReqId: requestIdOf,
    customLogLevel: (_request, response, error) =>
      error !== undefined || response.statusCode >= 500
        ? 'error'
        : response.statusCode >= 400
          ? 'warn'
          : 'info',
    // Probes and scrapes every few seconds would drown the rest.
    autoLogging: { ignore: (request) => /^\/(health|metrics)(\/|$)/.test(request.url ?? '') },
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
  return (request, response, next) => {
    http(request, response);
    // pino-http gave the request its child logger, bound to the request id.
    requestScope.run(request.log, next);
  };
}

/**
 * Nest's start-up chatter: a line per module initialised and per route mapped (about 35), which
 * buried the admin token and the dashboard link printed at start. Kept at debug (LOG_LEVEL=debug).
 */
const FRAMEWORK_START_UP_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

/** Nest's LoggerService over pino: `context` becomes a field, the request id comes from the scope. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    const context = optional.at(-1);
    const startUp = typeof context === 'string' && FRAMEWORK_START_UP_CONTEXTS.has(context);
    this.write(startUp ? 'debug' : 'info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    optional: unknown[],
  ): void {
    const logger = requestScope.getStore() ?? this.root;
    // Nest passes the context last; an error's stack, when given, comes before it.
    const context = typeof optional.at(-1) === 'string' ? (optional.at(-1) as string) : undefined;
    const stack = optional.length > 1 && typeof optional[0] === 'string' ? optional[0] : undefined;
    const fields: Record<string, unknown> = {};
    if (context !== undefined) fields.context = context;
    if (message instanceof Error) fields.err = message;
    else if (stack !== undefined) fields.stack = stack;
    const text =
      message instanceof Error
        ? message.message
        : typeof message === 'string'
          ? message
          : JSON.stringify(message);
    logger[level](fields, text);
  }
}
