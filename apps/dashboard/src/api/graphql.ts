// The page's `graphql` tag: its documents are checked against the api's schema, and their result
// and variable types are inferred from it (gql.tada). The schema types live in graphql-env.d.ts,
// generated from schema.graphql by `npm run generate`; see docs/contributing.md.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; JSON: unknown };
  // Fragments only share field lists here; their fields are read directly from the result.
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
