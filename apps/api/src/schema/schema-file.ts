// The api's schema as a file: the code-first resolvers and models are the source, `schema.graphql`
// at the repository root is what they produce, committed so that clients (the dashboard's generated
// types) and reviewers see every change to the API. `npm run generate` rewrites it.
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

export const SCHEMA_FILE_NAME = 'schema.graphql';

const HEADER = [
  '# The GraphQL schema the api serves, generated from its code-first resolvers by `npm run generate`.',
  '# Do not edit: change the resolvers and models in apps/api/src, then regenerate. A test fails when',
  '# this file and the server disagree (test/contract/committed-schema.e2e.spec.ts).',
].join('\n');

/** The committed file's text for a schema: the header, then the schema in a stable order. */
export function schemaFileText(schema: GraphQLSchema): string {
  return `${HEADER}\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
