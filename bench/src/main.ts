// `npm run bench [-- --quick] [-- --json]`: human-readable figures, and with --json one JSON object
// on the last line.
import { benchStore, type ThroughputFigure } from './store.bench';

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
  if (json) process.stdout.write(`${JSON.stringify(store)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
