import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { type ApiErrorCode, httpStatusOf } from './error-mapping';

/**
 * Refusals of the whole request, in the order they win when several errors come together: the
 * caller is not known, is over a limit, or the service cannot answer now.
 */
const REFUSALS: readonly ApiErrorCode[] = ['UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE'];

/**
 * The HTTP status of a GraphQL answer over HTTP: 401 (with `WWW-Authenticate: Bearer`) for an
 * unauthenticated request, 429 for a limit of the caller, 503 for the service's own, each with
 * `Retry-After` when the error knows when to retry, so plain HTTP clients, proxies and load
 * balancers understand it. Only when the request got no data at all: a partly answered request
 * stays 200, as GraphQL answers its field errors. Needs the Apollo driver's
 * `preserveHttpStatusForExecutionErrors: false`, or Nest sets every answer with `data` back to 200.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          if (response.body.kind !== 'single') return Promise.resolve();
          const { data, errors } = response.body.singleResult;
          const refusal = refusalOf(errors);
          if (refusal === null || answeredSomething(data)) return Promise.resolve();
          response.http.status = httpStatusOf(refusal.code);
          if (refusal.code === 'UNAUTHENTICATED') response.http.headers.set('www-authenticate', 'Bearer');
          if (refusal.retryAfterSeconds !== undefined)
            response.http.headers.set('retry-after', String(refusal.retryAfterSeconds));
          return Promise.resolve();
        },
      }),
  };
}

interface Refusal {
  code: ApiErrorCode;
  retryAfterSeconds: number | undefined;
}

function refusalOf(errors: readonly GraphQLFormattedError[] | undefined): Refusal | null {
  for (const code of REFUSALS) {
    const error = errors?.find((candidate) => candidate.extensions?.code === code);
    if (error === undefined) continue;
    const retryAfter = error.extensions?.retryAfterSeconds;
    return { code, retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : undefined };
  }
  return null;
}

const answeredSomething = (data: Record<string, unknown> | null | undefined): boolean =>
  data != null && Object.values(data).some((value) => value !== null);
