// `npm run bench [-- --quick] [-- --json]`: human-readable figures, and with --json one JSON object
// on the last line.
import { benchStore, type ThroughputFigure } from './store.bench';
import { benchGraphql } from './graphql.bench';

async function main(): Promise<void> {
  const argumentsGiven = process.argv.slice(2);
  const quick = argumentsGiven.includes('--quick');
  const json = argumentsGiven.includes('--json');
  const store = await benchStore({ quick });
  const describe = (name: string, figure: ThroughputFigure): string =>
    `${name.padEnd(14)} store ${String(figure.events_per_s).padStart(9)} events/s   raw better-sqlite3 ${String(figure.raw_sqlite_events_per_s).padStart(9)} events/s   ${(figure.ratio * 100).toFixed(0)}% of raw`;
  process.stdout.write(
    [
      `event store (SQLite, WAL, synchronous=FULL; median of ${quick ? 3 : 5} runs)`,
      describe('append_single', store.append_single),
      describe('append_batch', store.append_batch),
      describe('read_all', store.read_all),
      '',
    ].join('\n'),
  );
  const graphql = await benchGraphql({ quick });
  const { graphql_maturity: maturity, graphql_record_rating: recordRating } = graphql;
  process.stdout.write(
    [
      `GraphQL over HTTP (autocannon, 50 connections, ${quick ? 3 : 30} s each)`,
      `maturity       ${String(maturity.req_per_s).padStart(7)} req/s   p99 ${String(maturity.p99_ms).padStart(5)} ms   errors ${maturity.errors}   bare @apollo/server ${maturity.bare_apollo_req_per_s} req/s`,
      `recordRating   ${String(recordRating.req_per_s).padStart(7)} req/s   p99 ${String(recordRating.p99_ms).padStart(5)} ms   errors ${recordRating.errors}`,
      '',
    ].join('\n'),
  );
  if (json) process.stdout.write(`${JSON.stringify({ ...store, ...graphql })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
