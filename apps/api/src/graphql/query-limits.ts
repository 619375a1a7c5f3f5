// Refuses expensive queries before they run (graphql-armor): too deep, too many aliases, too
// costly, too many tokens. A rejection is a GraphQL validation error, answered as BAD_USER_INPUT.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

/** The limits, generous for the dashboard's and the docs' queries, tight for abuse. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  /**
   * graphql-armor's cost: 2 per object, 1 per scalar, times 1.5 per level of depth. The dashboard's
   * heaviest query (a full simulation) costs about 150, a full maturity view about 50.
   */
  maxCost: 1_000,
  maxTokens: 5_000,
  maxDirectives: 20,
} as const;

export interface QueryLimitOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

export function queryLimits(production: boolean): QueryLimitOptions {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // "Did you mean …" helps while developing and maps the schema for an attacker in production.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins, validationRules };
}
