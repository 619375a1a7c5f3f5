// graphql-ws runs subscriptions outside Apollo, so Apollo's formatError never sees their errors:
// these hooks pass them through the same mapping, so a refused subscription answers
// UNAUTHENTICATED or FORBIDDEN like any other operation.
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { formatApiError } from './error-mapping';

const formatted = (error: GraphQLError): GraphQLFormattedError => formatApiError(error.toJSON(), error);

export function subscriptionErrorHooks(): Pick<ServerOptions, 'onNext' | 'onError'> {
  return {
    onNext: (_context, _id, _payload, _args, result) =>
      result.errors === undefined ? undefined : { ...result, errors: result.errors.map(formatted) },
    onError: (_context, _id, _payload, errors) => errors.map(formatted),
  };
}
