// Refuses expensive queries before they run (graphql-armor): too deep, too many aliases, too
// many tokens; too costly (query-cost.ts). A rejection is a GraphQL validation error, answered as BAD_USER_INPUT.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { MAXIMUM_QUERY_COST, queryCostPlugin } from './query-cost';

/** The limits, generous for the dashboard's and the docs' queries, tight for abuse. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  /** See query-cost.ts. */
  maxCost: MAXIMUM_QUERY_COST,
  maxTokens: 5_000,
  maxDirectives: 20,
} as const;

export interface QueryLimitOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

export function queryLimits(production: boolean): QueryLimitOptions {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // The cost is measured by query-cost.ts, which knows what each field really costs.
    costLimit: { enabled: false },
    // graphql-armor counts tokens in a hook Apollo runs outside its parse error handling, so a
    // breach answered HTTP 500: graphql's own parser limit fails as a parse error (400, BAD_USER_INPUT).
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // "Did you mean …" helps while developing and maps the schema for an attacker in production.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins: [...plugins, queryCostPlugin()],
    validationRules,
    parseOptions: { maxLexicalTokens: QUERY_LIMITS.maxTokens },
  };
}
