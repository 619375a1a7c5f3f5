// The ceiling for the api's `maturity` figure: a bare @apollo/server answering the same query with
// a view computed beforehand (no auth, no store, no scoring). Run as a child by graphql.bench.ts:
// `node bare-apollo.server.js <view.json>`; prints "bare apollo listening on <url>".
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const typeDefs = `#graphql
  type MaturityCell { functionId: ID!, capabilityId: ID!, level: Float, target: Int, gap: Float, perceptionGap: Float, ratingCount: Int! }
  type FunctionScore { functionId: ID!, customerCentricityIndex: Float }
  type LinkScore { from: ID!, to: ID!, misalignment: Float! }
  type MaturityView { organizationId: ID!, asOf: String, knownAt: String, cells: [MaturityCell!]!,
    customerCentricityIndex: Float, alignmentIndex: Float, targetAttainment: Float, coverage: Float!,
    functionScores: [FunctionScore!]!, weakestLinks: [LinkScore!]! }
  type Query { maturity(organizationId: ID!, asOf: String, knownAt: String): MaturityView! }
`;

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: bare-apollo.server.js <view.json>');
  const view: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const server = new ApolloServer({ typeDefs, resolvers: { Query: { maturity: () => view } } });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  process.stdout.write(`bare apollo listening on ${url.replace(/\/+$/, '')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
