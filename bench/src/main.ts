// `npm run bench [-- --quick] [-- --json]`: every benchmark in one run on one machine, side by
// side with its ceiling (raw better-sqlite3, bare Apollo) and its peer (Emmett). Human-readable
// tables on stdout, progress on stderr, and with --json one JSON object on the last line. A section
// that fails is reported as {error} and the others still run.
import { benchCampaign, type CampaignBenchResult } from './campaign.bench';
import { loadEmmett, type EmmettLoad, type EmmettPeer } from './emmett.bench';
import { benchGraphql, type GraphqlBenchFigures } from './graphql.bench';
import { benchHistory, type HistoryBenchResult } from './history.bench';
import { startHeartbeat } from './heartbeat';
import {
  count,
  describeMachine,
  bound,
  goal,
  goalsTable,
  loadAverage,
  milliseconds,
  ratio,
  table,
  type Goal,
} from './report';
import {
  benchPortfolioUnderLoad,
  benchSubscriptionFanout,
  FANOUT_GOALS,
  FANOUT_WAIT_MS,
  PORTFOLIO_GOAL_HEALTH_MS,
  type PortfolioUnderLoadFigure,
  type SubscriptionFanoutFigure,
} from './load.bench';
import { benchReplicas, type ReplicasBenchResult } from './replicas.bench';
import { benchPostgres, type PostgresBenchResult, type PostgresFigure } from './postgres.bench';
import { benchSimulation, type SimulationBenchResult } from './simulation.bench';
import { benchStore, type StoreBenchResult, type ThroughputFigure } from './store.bench';
import { benchViews, type ViewsBenchResult } from './views.bench';

interface SectionError {
  error: string;
}

type Outcome<Result> = { ok: true; result: Result } | { ok: false; error: string };

const write = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const progress = (text: string): void => {
  process.stderr.write(`bench: ${text}\n`);
};

const SECTIONS = [
  'store',
  'postgres',
  'views',
  'simulation',
  'graphql',
  'replicas',
  'campaign',
  'fanout',
  'portfolio',
  'history',
] as const;
type SectionName = (typeof SECTIONS)[number];

/** `--only store,postgres`: just those sections (to measure one thing); default every section. */
function chosenSections(argumentsGiven: readonly string[]): ReadonlySet<SectionName> {
  const index = argumentsGiven.indexOf('--only');
  if (index < 0) return new Set(SECTIONS);
  const names = (argumentsGiven[index + 1] ?? '').split(',').filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(
      `--only takes a comma-separated list of ${SECTIONS.join(', ')}; got "${names.join(',')}"`,
    );
  return new Set(names as SectionName[]);
}

let chosen: ReadonlySet<SectionName> = new Set(SECTIONS);

/** Runs one section, timing it on stderr; a failure is printed and returned, never thrown. */
async function section<Result>(name: SectionName, run: () => Promise<Result>): Promise<Outcome<Result>> {
  if (!chosen.has(name)) return { ok: false, error: 'not run (--only)' };
  progress(`${name}: started`);
  const startedAt = performance.now();
  const stopHeartbeat = startHeartbeat(name);
  try {
    const result = await run();
    progress(`${name}: done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    return { ok: true, result };
  } catch (error: unknown) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`bench: ${name} failed: ${message}`);
    write(`${name}: FAILED (${error instanceof Error ? error.message : String(error)})\n`);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await stopHeartbeat();
  }
}

/** The section's figures under their own names, or {error} under each of them. */
function figures<Result extends object>(
  outcome: Outcome<Result>,
  names: readonly (keyof Result & string)[],
): Record<string, Result[keyof Result] | SectionError> {
  const entries = names.map((name) => [name, outcome.ok ? outcome.result[name] : { error: outcome.error }]);
  return Object.fromEntries(entries) as Record<string, Result[keyof Result] | SectionError>;
}

function printStore(store: StoreBenchResult, runs: number, emmett: EmmettPeer | null, skipped: string): void {
  const row = (name: string, figure: ThroughputFigure): string[] => [
    name,
    count(figure.events_per_s),
    count(figure.raw_sqlite_events_per_s),
    ratio(figure.ratio, '%'),
    count(figure.raw_chained_events_per_s),
    ratio(figure.ratio_chained, '%'),
    count(figure.emmett_events_per_s),
    ratio(figure.times_emmett, 'x'),
  ];
  write(
    `Event store: SQLite, WAL, synchronous=FULL; events/s, median of ${runs} runs; appends go to a store already holding 5,000 events`,
  );
  if (emmett === null) write(`Emmett peer skipped: ${skipped}`);
  else {
    const failures = emmett.failures();
    write(`Emmett: @event-driven-io/emmett-sqlite ${emmett.version} with its defaults (${emmett.pragmas})`);
    write(
      `Emmett failures caught: ${failures.unchecked_statement_errors} unchecked PRAGMA errors, ${failures.retried_appends} appends retried`,
    );
  }
  write(
    table(
      [
        '',
        'ours',
        'raw better-sqlite3',
        'ours/raw',
        'raw + serializing and hash chain',
        'ours/that',
        'Emmett',
        'ours/Emmett',
      ],
      [
        row('append_single', store.append_single),
        row('append_batch (100)', store.append_batch),
        row('read_all (pages of 1000)', store.read_all),
      ],
    ),
  );
  write('');
}

function printPostgres(postgres: PostgresBenchResult, runs: number): void {
  const row = (name: string, figure: PostgresFigure): string[] => [
    name,
    count(figure.events_per_s),
    count(figure.raw_pg_events_per_s),
    ratio(figure.ratio, '%'),
  ];
  write(
    `Event store: PostgreSQL ${postgres.postgres_version} (a server the bench starts: fsync and synchronous_commit on), events/s, median of ${runs} runs; appends go to a store already holding 5,000 events`,
  );
  write(
    table(
      ['', 'ours', 'raw pg, same rows and table', 'ours/raw'],
      [
        row('postgres_append_single', postgres.postgres_append_single),
        row('postgres_append_batch (100)', postgres.postgres_append_batch),
        row('postgres_read_all (pages of 1000)', postgres.postgres_read_all),
      ],
    ),
  );
  write('');
}

function printReplicas(result: ReplicasBenchResult, seconds: number): void {
  write(
    `Api replicas on one PostgreSQL database, all on this machine (autocannon, 50 connections split over the replicas, ${seconds} s each)`,
  );
  write(
    table(
      ['replicas', 'maturity req/s', 'p99', 'errors', 'recordRating req/s', 'p99', 'errors'],
      result.replicas.map((figure) => [
        String(figure.replicas),
        count(figure.maturity.req_per_s),
        milliseconds(figure.maturity.p99_ms),
        count(figure.maturity.errors),
        count(figure.record_rating.req_per_s),
        milliseconds(figure.record_rating.p99_ms),
        count(figure.record_rating.errors),
      ]),
    ),
  );
  write('');
}

function printViews(views: ViewsBenchResult): void {
  write('Maturity views');
  write(
    table(
      ['', 'events', 'ours events/s', 'raw read+parse events/s', 'ours/raw'],
      [
        [
          'rebuild',
          count(views.rebuild.events),
          count(views.rebuild.events_per_s),
          count(views.rebuild.raw_read_parse_events_per_s),
          ratio(views.rebuild.events_per_s / views.rebuild.raw_read_parse_events_per_s, '%'),
        ],
      ],
    ),
  );
  write(
    `as_of: maturity(asOf, knownAt) of 50 functions x 11 capabilities x 20 cycles: p50 ${milliseconds(views.as_of.p50_ms)}, p99 ${milliseconds(views.as_of.p99_ms)}`,
  );
  const respondents = views.as_of_respondents;
  write(
    `as_of_respondents: the same with ${respondents.respondents_per_group} respondents per rater group: p50 ${milliseconds(respondents.p50_ms)}, p99 ${milliseconds(respondents.p99_ms)} (${ratio(respondents.p50_ms / views.as_of.p50_ms, 'x')} the p50 above)`,
  );
  write('');
}

function printSimulation(simulation: SimulationBenchResult): void {
  write('Investment modelling (50 functions x 11 capabilities, 20 investments; median of several runs)');
  write(
    table(
      ['', 'ms', ''],
      [
        ['scenario_20', milliseconds(simulation.scenario_20.ms), '12-month horizon'],
        [
          'monte_carlo_10000',
          milliseconds(simulation.monte_carlo_10000.ms),
          `${count(simulation.monte_carlo_10000.trials)} trials`,
        ],
        ['portfolio_20', milliseconds(simulation.portfolio_20.ms), `exact: ${simulation.portfolio_20.exact}`],
      ],
    ),
  );
  write('');
}

function printGraphql(graphql: GraphqlBenchFigures, seconds: number): void {
  const { graphql_maturity: maturity, graphql_record_rating: recordRating } = graphql;
  write(`GraphQL over HTTP (autocannon, 50 connections, ${seconds} s each)`);
  write(
    table(
      ['', 'req/s', 'p99', 'errors', 'bare @apollo/server req/s', 'ours/bare'],
      [
        [
          'maturity',
          count(maturity.req_per_s),
          milliseconds(maturity.p99_ms),
          count(maturity.errors),
          count(maturity.bare_apollo_req_per_s),
          ratio(maturity.req_per_s / maturity.bare_apollo_req_per_s, '%'),
        ],
        [
          'recordRating',
          count(recordRating.req_per_s),
          milliseconds(recordRating.p99_ms),
          count(recordRating.errors),
          '',
          '',
        ],
      ],
    ),
  );
  write('');
}

function printCampaign({ campaign_burst: burst }: CampaignBenchResult): void {
  write(
    `Campaign burst: ${burst.raters} raters each answering one question every 2 s for ${burst.seconds} s (answerQuestion over HTTP, open loop) while ${burst.dashboards} dashboards are subscribed to maturityChanged`,
  );
  write(
    table(
      ['', 'answers', 'answers/s', 'p50', 'p99', 'max', 'errors', 'dashboard views', 'goal'],
      [
        [
          'campaign_burst',
          count(burst.answers),
          count(burst.answers_per_s),
          milliseconds(burst.p50_ms),
          milliseconds(burst.p99_ms),
          milliseconds(burst.max_ms),
          count(burst.errors),
          count(burst.dashboard_updates),
          `p99 < ${burst.goal_p99_ms} ms, 0 errors: ${burst.met ? 'met' : 'MISSED'}`,
        ],
      ],
    ),
  );
  const codes = Object.entries(burst.error_codes);
  if (codes.length > 0)
    write(`Errors by code: ${codes.map(([code, times]) => `${code} ${count(times)}`).join(', ')}`);
  write('');
}

function printFanout(figure: SubscriptionFanoutFigure): void {
  write(
    `Subscription fan-out: ${count(figure.subscribers)} maturityChanged subscribers (one socket each) of an organisation of ${count(figure.organization_events)} events, one recordRating; /health every 50 ms throughout`,
  );
  write(
    table(
      ['', 'delivered', 'delivery p50', 'p99', 'max', 'peak RSS', 'health p99', 'health max'],
      [
        [
          'subscription_fanout',
          count(figure.delivered),
          milliseconds(figure.delivery_p50_ms),
          milliseconds(figure.delivery_p99_ms),
          milliseconds(figure.delivery_max_ms),
          `${count(figure.peak_rss_mib)} MiB`,
          milliseconds(figure.health_p99_ms),
          milliseconds(figure.health_max_ms),
        ],
      ],
    ),
  );
  write('');
}

function printPortfolio(figure: PortfolioUnderLoadFigure): void {
  write(
    `Portfolio under load: ${figure.optimizations} optimizePortfolio of ${figure.candidates} candidates at once; /health every 50 ms meanwhile`,
  );
  write(
    table(
      ['', 'elapsed', 'health samples', 'health p99', 'health max'],
      [
        [
          'portfolio_under_load',
          milliseconds(figure.elapsed_ms),
          count(figure.health_samples),
          milliseconds(figure.health_p99_ms),
          milliseconds(figure.health_max_ms),
        ],
      ],
    ),
  );
  write('');
}

function printHistory(figure: HistoryBenchResult['history_reads']): void {
  write(
    `History of a large organisation: ${count(figure.events)} events (${figure.assessments} assessments); /health every 50 ms meanwhile; api peak RSS ${count(figure.peak_rss_mib)} MiB`,
  );
  write(
    table(
      ['', 'runs', 'p50', 'max', 'size', 'health p99', 'health max'],
      Object.entries(figure.reads).map(([name, read]) => [
        name,
        count(read.runs),
        milliseconds(read.p50_ms),
        milliseconds(read.max_ms),
        `${count(read.kib)} KiB`,
        milliseconds(read.health_p99_ms),
        milliseconds(read.health_max_ms),
      ]),
    ),
  );
  write('');
}

async function main(): Promise<void> {
  const argumentsGiven = process.argv.slice(2);
  const quick = argumentsGiven.includes('--quick');
  chosen = chosenSections(argumentsGiven);
  const json = argumentsGiven.includes('--json');
  const startedAt = performance.now();
  const machine = describeMachine();
  write(`npm run bench${argumentsGiven.length > 0 ? ` -- ${argumentsGiven.join(' ')}` : ''}`);
  write(
    `machine: ${machine.cores} cores (${machine.cpu_model}), ${machine.memory_gb} GiB, Node ${machine.node}, ${machine.platform}; load average at start ${machine.load_average_start.join(' ')}`,
  );
  write('');

  // Only the store section compares with Emmett: other sections never install or load it.
  const emmettLoad = ((): EmmettLoad => {
    if (!chosen.has('store')) return { available: false, reason: 'the store section is not run (--only)' };
    try {
      return loadEmmett();
    } catch (error: unknown) {
      return { available: false, reason: error instanceof Error ? error.message : String(error) };
    }
  })();
  const emmett = emmettLoad.available ? emmettLoad.peer : null;
  const emmettSkipped = emmettLoad.available ? '' : emmettLoad.reason;
  if (!emmettLoad.available) progress(`Emmett peer skipped: ${emmettLoad.reason}`);

  const storeRuns = quick ? 3 : 5;
  const store = await section('store', () => benchStore({ quick, emmett }));
  if (store.ok) printStore(store.result, storeRuns, emmett, emmettSkipped);
  const postgres = await section('postgres', () => benchPostgres({ quick }));
  if (postgres.ok) printPostgres(postgres.result, storeRuns);
  const views = await section('views', () => benchViews({ quick }));
  if (views.ok) printViews(views.result);
  const simulation = await section('simulation', () => benchSimulation({ quick }));
  if (simulation.ok) printSimulation(simulation.result);
  const graphqlSeconds = quick ? 3 : 30;
  const graphql = await section('graphql', () => benchGraphql({ quick }));
  if (graphql.ok) printGraphql(graphql.result, graphqlSeconds);
  const replicas = await section('replicas', () => benchReplicas({ quick }));
  if (replicas.ok) printReplicas(replicas.result, quick ? 3 : 15);
  const campaign = await section('campaign', () => benchCampaign({ quick }));
  if (campaign.ok) printCampaign(campaign.result);
  const fanout = await section('fanout', () => benchSubscriptionFanout());
  if (fanout.ok) printFanout(fanout.result.subscription_fanout);
  const portfolio = await section('portfolio', () => benchPortfolioUnderLoad());
  if (portfolio.ok) printPortfolio(portfolio.result.portfolio_under_load);
  const history = await section('history', () => benchHistory({ quick }));
  if (history.ok) printHistory(history.result.history_reads);

  const storeFigure = (name: keyof StoreBenchResult): ThroughputFigure | null =>
    store.ok ? store.result[name] : null;
  const postgresFigure = (name: 'postgres_append_single' | 'postgres_append_batch' | 'postgres_read_all') =>
    postgres.ok ? postgres.result[name] : null;
  const goals: Goal[] = [
    ...(
      [
        ['append_single', 0.7],
        ['append_batch', 0.85],
        ['read_all', 0.7],
      ] as const
    ).map(([name, target]) =>
      goal(
        `${name} vs raw better-sqlite3`,
        storeFigure(name)?.events_per_s ?? null,
        storeFigure(name)?.raw_sqlite_events_per_s ?? null,
        target,
        '%',
      ),
    ),
    goal(
      'append_batch vs raw better-sqlite3 also serializing and chaining hashes',
      storeFigure('append_batch')?.events_per_s ?? null,
      storeFigure('append_batch')?.raw_chained_events_per_s ?? null,
      0.85,
      '%',
    ),
    ...(
      [
        ['append_single', 10],
        ['append_batch', 3],
        ['read_all', 3],
      ] as const
    ).map(([name, target]) =>
      goal(
        `${name} vs Emmett`,
        storeFigure(name)?.events_per_s ?? null,
        storeFigure(name)?.emmett_events_per_s ?? null,
        target,
        'x',
      ),
    ),
    ...(['postgres_append_single', 'postgres_append_batch', 'postgres_read_all'] as const).map((name) =>
      goal(
        `${name} vs raw pg`,
        postgresFigure(name)?.events_per_s ?? null,
        postgresFigure(name)?.raw_pg_events_per_s ?? null,
        0.7,
        '%',
      ),
    ),
    goal(
      'rebuild vs raw read+parse',
      views.ok ? views.result.rebuild.events_per_s : null,
      views.ok ? views.result.rebuild.raw_read_parse_events_per_s : null,
      0.6,
      '%',
    ),
    goal(
      'graphql maturity vs bare Apollo',
      graphql.ok ? graphql.result.graphql_maturity.req_per_s : null,
      graphql.ok ? graphql.result.graphql_maturity.bare_apollo_req_per_s : null,
      0.6,
      '%',
    ),
    ...fanoutGoals(fanout.ok ? fanout.result.subscription_fanout : null),
    bound(
      'portfolio_under_load health p99 (4 optimisations)',
      portfolio.ok ? portfolio.result.portfolio_under_load.health_p99_ms : null,
      PORTFOLIO_GOAL_HEALTH_MS,
      'ms',
    ),
  ];
  write('Goals');
  write(goalsTable(goals));
  write('');

  machine.load_average_end = loadAverage();
  const seconds = Math.round((performance.now() - startedAt) / 1000);
  write(`load average at end ${machine.load_average_end.join(' ')}; the whole run took ${seconds} s`);

  const measured = [
    store,
    postgres,
    views,
    simulation,
    graphql,
    replicas,
    campaign,
    fanout,
    portfolio,
    history,
  ].filter((outcome) => outcome.ok).length;
  if (json) {
    const result = {
      command: `npm run bench -- ${argumentsGiven.join(' ')}`.trim(),
      quick,
      machine,
      ...figures(store, ['append_single', 'append_batch', 'read_all']),
      ...figures(postgres, [
        'postgres_append_single',
        'postgres_append_batch',
        'postgres_read_all',
        'postgres_version',
      ]),
      emmett:
        emmett === null
          ? { skipped: emmettSkipped }
          : { version: emmett.version, pragmas: emmett.pragmas, ...emmett.failures() },
      ...figures(views, ['rebuild', 'as_of', 'as_of_respondents']),
      ...figures(simulation, ['scenario_20', 'monte_carlo_10000', 'portfolio_20']),
      ...figures(graphql, ['graphql_maturity', 'graphql_record_rating']),
      ...figures(replicas, ['replicas']),
      ...figures(campaign, ['campaign_burst']),
      ...figures(fanout, ['subscription_fanout']),
      ...figures(portfolio, ['portfolio_under_load']),
      ...figures(history, ['history_reads']),
      goals,
      seconds,
    };
    write(JSON.stringify(result));
  }
  // Partial figures are still figures: fail only when nothing at all could be measured.
  if (measured === 0) process.exitCode = 1;
}

/** 1,000 subscribers, one write: every one has the new view within 2 s, RSS under 1 GiB, /health within 200 ms. */
function fanoutGoals(figure: SubscriptionFanoutFigure | null): Goal[] {
  // A subscriber that never had the new view makes the delivery goal missed, not met.
  const delivery =
    figure === null ? null : figure.delivered < figure.subscribers ? FANOUT_WAIT_MS : figure.delivery_max_ms;
  return [
    bound('subscription_fanout delivery to every subscriber', delivery, FANOUT_GOALS.delivery_ms, 'ms'),
    bound('subscription_fanout peak api RSS', figure?.peak_rss_mib ?? null, FANOUT_GOALS.rss_mib, 'MiB'),
    bound('subscription_fanout health p99', figure?.health_p99_ms ?? null, FANOUT_GOALS.health_ms, 'ms'),
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
