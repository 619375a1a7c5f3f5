// Counts and times every GraphQL operation by name, and its errors by the code clients receive.
import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlErrors, graphqlOperationDuration } from './metrics';

export function graphqlMetricsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      const stopTimer = graphqlOperationDuration.startTimer();
      return Promise.resolve({
        willSendResponse(requestContext) {
          const operation = requestContext.operationName ?? 'anonymous';
          stopTimer({ operation, type: requestContext.operation?.operation ?? 'invalid' });
          const body = requestContext.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          for (const error of errors) {
            const code = error.extensions?.code;
            graphqlErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN', operation });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
