// What an operation costs before it runs (graphql-query-complexity): 1 per field selected, and
// the expensive fields their real share (an optimizePortfolio is hundreds of plain fields, each
// alias of it counts again, a history page counts by the edges it asks for). Over the limit, the
// operation is refused as BAD_USER_INPUT saying which limit it hit.
import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** The most an operation may cost. The dashboard's heaviest query costs about 100. */
export const MAXIMUM_QUERY_COST = 1_000;

/** Costs of the expensive fields, set on their @Query as `complexity`. */
export const FIELD_COSTS = {
  /** Up to 2^20 subsets scored in a worker thread: two per request at most. */
  optimizePortfolio: ({ childComplexity }: ComplexityEstimatorArgs): number => 400 + childComplexity,
  /** A projection, plus one unit per 500 Monte Carlo trials. */
  simulateInvestments: ({ args, childComplexity }: ComplexityEstimatorArgs): number =>
    100 + Math.ceil(Number(args.trials ?? 0) / 500) + childComplexity,
  /** Reads and hashes every event in scope. */
  verifyIntegrity: ({ childComplexity }: ComplexityEstimatorArgs): number => 200 + childComplexity,
  /** A view per assessment date. */
  maturityTimeline: ({ childComplexity }: ComplexityEstimatorArgs): number => 20 + childComplexity,
  /** One tenth of the selection per edge asked for (first, default 50): 500 edges of the documented selection fit. */
  history: ({ args, childComplexity }: ComplexityEstimatorArgs): number =>
    10 + Math.ceil((Number(args.first ?? 50) / 10) * Math.max(1, childComplexity)),
} as const;

/** The operation's cost, or undefined when its variables cannot be read as their declared types. */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}

/** The refusal of an operation that costs more than the limit, or null when it may run. */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const cost = costOf(schema, document, operationName, variables);
  // Variables that do not fit their types: execution refuses them next, naming the field.
  if (cost === undefined || cost <= MAXIMUM_QUERY_COST) return null;
  return new GraphQLError(
    `Query cost limit exceeded: this operation costs ${cost}, the limit is ${MAXIMUM_QUERY_COST} (each field costs 1; optimizePortfolio 400, verifyIntegrity 200, simulateInvestments 100 plus 1 per 500 trials, history by the edges asked for). Ask for fewer fields, aliases or edges.`,
    { extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY.TOO_COSTLY', http: { status: 400 } } },
  );
}

export function queryCostPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document, schema }) => {
          const refusal = costRefusal(schema, document, request.operationName, request.variables);
          if (refusal !== null) throw refusal;
          return Promise.resolve();
        },
      }),
  };
}
