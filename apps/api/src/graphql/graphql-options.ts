import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '@app/application';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin';
import { formatApiError } from './error-mapping';
import { graphiqlLandingPage } from './graphiql/graphiql-page';
import { httpStatusPlugin } from './http-status.plugin';
import { queryLimits } from './query-limits';
import { describeSchema } from './schema-glossary';
import { subscriptionErrorHooks } from './subscription-errors';
import { subscriptionLimits, subscriptionParseLimitHooks } from './subscription-limits';
import { SharedSubscriptionResults } from '../subscriptions/shared-subscription-results';
import type { ClosableSocket } from '../subscriptions/subscription-registry';

const logger = new Logger('GraphQL');

export interface GraphQLRequestContext {
  req?: Request;
  /** graphql-ws: the connection's parameters, where the bearer token travels. */
  connectionParams?: Readonly<Record<string, unknown>>;
  /** graphql-ws: the connection's socket, closed when its token is revoked. */
  socket?: ClosableSocket;
  /** graphql-ws: the address the connection came from. */
  clientAddress?: string;
}

interface GraphQLWsExtra {
  socket?: ClosableSocket;
  request?: { socket: { remoteAddress?: string } };
}

/** The message without GraphQL's "Did you mean …?" hints. */
export const withoutSuggestions = (message: string): string => message.replace(/ ?Did you mean [^?]*\?/g, '');

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const limits = queryLimits(config.production);
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // The shared vocabulary's descriptions, so GraphiQL explains every part of the schema.
    transformSchema: describeSchema,
    // Nest's own GraphiQL page loads React from a CDN: ours is served by the api (outside production).
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    // Nest's own plugin would set every answer holding `data` back to 200 after ours (see http-status.plugin.ts).
    preserveHttpStatusForExecutionErrors: false,
    // maturityChanged and any later subscription, over the graphql-transport-ws protocol at /graphql.
    // One execution per view and operation, however many subscribers asked for it; the same query
    // limits as queries and mutations.
    subscriptions: {
      'graphql-ws': {
        ...subscriptionErrorHooks(),
        ...subscriptionParseLimitHooks(limits),
        ...new SharedSubscriptionResults(subscriptionLimits(limits)).serverOptions(),
      },
    },
    context: ({
      req,
      connectionParams,
      extra,
    }: GraphQLRequestContext & { extra?: GraphQLWsExtra }): GraphQLRequestContext => ({
      req,
      connectionParams,
      socket: extra?.socket,
      clientAddress: extra?.request?.socket.remoteAddress,
    }),
    ...limits,
    plugins: [
      ...limits.plugins,
      graphqlMetricsPlugin(),
      httpStatusPlugin(),
      ...(config.production ? [] : [graphiqlLandingPage()]),
    ],
    formatError: (formatted, raw) => {
      const answer = formatApiError(formatted, raw);
      if (answer.extensions?.code === 'INTERNAL_SERVER_ERROR') logger.error(raw);
      // "Did you mean …" (fields, enum values, types) maps the schema for an attacker.
      return config.production ? { ...answer, message: withoutSuggestions(answer.message) } : answer;
    },
  };
}
