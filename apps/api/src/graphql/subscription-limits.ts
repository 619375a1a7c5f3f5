// graphql-ws parses, validates and runs subscriptions outside Apollo: the api's query limits (tokens,
// depth, aliases, directives, cost) must be applied there too, or a subscription of thousands of
// fields is parsed, accepted and executed on every change. Validation and cost run in
// SharedSubscriptionResults; the token limit applies here, before graphql-ws parses the text itself.
import { GraphQLError, parse } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { costRefusal } from './query-cost';
import type { QueryLimitOptions } from './query-limits';
import type { SubscriptionLimits } from '../subscriptions/shared-subscription-results';

export function subscriptionLimits(limits: QueryLimitOptions): SubscriptionLimits {
  return {
    validationRules: limits.validationRules,
    costRefusal: ({ schema, document, operationName, variableValues }) =>
      costRefusal(schema, document, operationName, variableValues),
  };
}

export function subscriptionParseLimitHooks(limits: QueryLimitOptions): Pick<ServerOptions, 'onSubscribe'> {
  return {
    onSubscribe: (_context, _id, payload) => {
      try {
        parse(payload.query, limits.parseOptions);
        return undefined;
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        return [
          new GraphQLError(error.message, {
            source: error.source,
            positions: error.positions,
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          }),
        ];
      }
    },
  };
}
