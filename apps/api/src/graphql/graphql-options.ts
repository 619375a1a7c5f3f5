import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '@app/application';
import { formatApiError } from './error-mapping';

const logger = new Logger('GraphQL');

export interface GraphQLRequestContext {
  req: Request;
}

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: !config.production,
    includeStacktraceInErrorResponses: false,
    context: ({ req }: { req: Request }): GraphQLRequestContext => ({ req }),
    formatError: (formatted, raw) => {
      const answer = formatApiError(formatted, raw);
      if (answer.extensions?.code === 'INTERNAL_SERVER_ERROR') logger.error(raw);
      return answer;
    },
  };
}
