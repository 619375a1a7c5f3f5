import { GraphQLJSON } from 'graphql-type-json';

/** Any JSON value, answered as it is (event data in the history). */
export const JsonScalar = GraphQLJSON;
