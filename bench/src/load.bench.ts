// The denial-of-service goals of issue 13, against the built api in its own process.
// `subscription_fanout`: 1,000 maturityChanged subscribers (one socket each) of an organisation of
// about 40,000 events, then one write: how long until every subscriber has the new view, the api's
// peak resident memory, and /health (sampled every 50 ms) throughout.
// `portfolio_under_load`: /health, sampled every 50 ms, while 4 optimisations of 20 candidates run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_MATURITY_MODEL } from '@app/domain';
import { graphql, type Server, startBuiltApi, subscribeToViews, type ViewSubscription } from './bench-api';
import { percentile } from './statistics';
import { writeOrganization } from './views.bench';

/** How long the bench waits for every subscriber to have the new view. */
export const FANOUT_WAIT_MS = 30_000;
export const FANOUT_GOALS = { delivery_ms: 2_000, rss_mib: 1_024, health_ms: 200 } as const;
export const PORTFOLIO_GOAL_HEALTH_MS = 100;

export interface SubscriptionFanoutFigure {
  subscribers: number;
  organization_events: number;
  delivered: number;
  delivery_p50_ms: number | null;
  delivery_p99_ms: number | null;
  delivery_max_ms: number | null;
  peak_rss_mib: number;
  health_samples: number;
  health_p99_ms: number;
  health_max_ms: number;
}

export interface PortfolioUnderLoadFigure {
  optimizations: number;
  candidates: number;
  elapsed_ms: number;
  health_samples: number;
  health_p99_ms: number;
  health_max_ms: number;
}

const ORGANIZATION_ID = 'bench-fanout';
const FUNCTIONS = 50;
const SUBSCRIBE =
  'subscription($o: ID!) { maturityChanged(organizationId: $o) { coverage cells { level } } }';
const CAPABILITIES = DEFAULT_MATURITY_MODEL.capabilities.map((capability) => capability.id);

const round = (value: number): number => Math.round(value * 10) / 10;

// The sampler runs in its own process: the bench's event loop is busy with 1,000 sockets' views,
// which would otherwise be timed as the api's slowness.
const HEALTH_SAMPLER = `
const url = process.argv[1];
const times = [];
const pending = new Set();
const timer = setInterval(() => {
  const started = performance.now();
  const request = fetch(url + '/health')
    .then((response) => response.arrayBuffer())
    .catch(() => undefined)
    .then(() => {
      times.push(performance.now() - started);
      pending.delete(request);
    });
  pending.add(request);
}, 50);
process.stdin.on('end', async () => {
  clearInterval(timer);
  await Promise.all(pending);
  process.stdout.write(JSON.stringify(times));
});
process.stdin.resume();
`;

/** /health every 50 ms (each request timed on its own, so a stall shows) until stopped. */
export function sampleHealth(url: string): { stop: () => Promise<number[]> } {
  const child = spawn(process.execPath, ['-e', HEALTH_SAMPLER, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  return {
    stop: async () => {
      child.stdin.end();
      await exited;
      return JSON.parse(output) as number[];
    },
  };
}

/** The process's peak resident set (VmHWM) in MiB. */
export function peakRssMib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return round(kilobytes / 1024);
}

/** One organisation of `events` events (ratings imported an assessment per append), nothing else. */
function generateOrganization(dataDir: string, events: number): Promise<number> {
  return writeOrganization(
    dataDir,
    { organizationId: ORGANIZATION_ID, functions: FUNCTIONS, sources: 1, start: Date.UTC(2020, 0, 1) },
    (written) => written < events,
  );
}

/** A subscriber of the fan-out, and when its second view, the one after the write, arrived (performance.now()). */
type Subscriber = ViewSubscription & { updatedAt: number | null };

function subscribe(url: string, token: string): Subscriber {
  const subscriber: Subscriber = Object.assign(
    subscribeToViews(
      url,
      token,
      { query: SUBSCRIBE, variables: { o: ORGANIZATION_ID } },
      {
        lazy: false,
        onView: (subscription) => {
          if (subscription.views === 2) subscriber.updatedAt = performance.now();
        },
      },
    ),
    { updatedAt: null },
  );
  return subscriber;
}

export async function benchSubscriptionFanout(): Promise<{ subscription_fanout: SubscriptionFanoutFigure }> {
  const subscriberCount = 1_000;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-fanout-'));
  const token = `bench-admin-${process.pid}-0123456789abcdef`;
  const subscribers: Subscriber[] = [];
  let api: Server | null = null;
  try {
    const organizationEventCount = await generateOrganization(dataDir, 40_000);
    api = await startBuiltApi(dataDir, token, {
      SUBSCRIPTIONS_PER_TOKEN: String(subscriberCount + 10),
      SUBSCRIPTIONS_PER_PROCESS: String(subscriberCount + 10),
    });
    const url = api.url;
    // The api has its views of the organisation before anything is measured.
    await graphql(url, token, 'query($o: ID!) { maturity(organizationId: $o) { coverage } }', {
      o: ORGANIZATION_ID,
    });
    const health = sampleHealth(url);
    let healthTimes: number[] = [];
    let written = 0;
    try {
      // Sockets open in waves of 50, as dashboards arriving, each receiving the current view.
      for (let opened = 0; opened < subscriberCount; opened += 50) {
        const wave = Array.from({ length: Math.min(50, subscriberCount - opened) }, () =>
          subscribe(url, token),
        );
        subscribers.push(...wave);
        await Promise.all(wave.map((subscriber) => subscriber.subscribed));
      }
      const refused = subscribers.find((subscriber) => subscriber.failed !== null);
      if (refused !== undefined) throw new Error(`a subscriber was refused: ${refused.failed}`);

      written = performance.now();
      await graphql(
        url,
        token,
        'mutation($input: RecordRatingInput!) { recordRating(input: $input) { id } }',
        {
          input: {
            assessmentId: `${ORGANIZATION_ID}-0`,
            functionId: 'function-0',
            capabilityId: CAPABILITIES[0],
            level: 5,
            source: 'SELF',
          },
        },
      );
      // Everyone has the new view, or 30 s have passed (the figures then show who had not).
      const deadline = written + FANOUT_WAIT_MS;
      while (
        performance.now() < deadline &&
        subscribers.some((subscriber) => subscriber.updatedAt === null && subscriber.failed === null)
      )
        await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      healthTimes = await health.stop();
    }
    // A subscriber that never had the new view counts as the whole wait (Infinity).
    const latencies = subscribers.map((subscriber) =>
      subscriber.updatedAt === null ? Number.POSITIVE_INFINITY : subscriber.updatedAt - written,
    );
    // null: some subscriber never had the new view within the 30 s wait.
    const finite = (value: number): number | null => (Number.isFinite(value) ? round(value) : null);
    return {
      subscription_fanout: {
        subscribers: subscribers.length,
        organization_events: organizationEventCount,
        delivered: subscribers.filter((subscriber) => subscriber.updatedAt !== null).length,
        delivery_p50_ms: finite(percentile(latencies, 0.5)),
        delivery_p99_ms: finite(percentile(latencies, 0.99)),
        delivery_max_ms: finite(Math.max(...latencies)),
        peak_rss_mib: peakRssMib(api.pid),
        health_samples: healthTimes.length,
        health_p99_ms: round(percentile(healthTimes, 0.99)),
        health_max_ms: round(Math.max(0, ...healthTimes)),
      },
    };
  } finally {
    await Promise.all(
      subscribers.map(async (subscriber) => {
        await subscriber.client.dispose();
      }),
    );
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const OPTIMIZE =
  'query($o: ID!, $c: [ID!]!) { optimizePortfolio(organizationId: $o, candidateIds: $c, budget: 60) { objective exact } }';

/** The heavy-work attack's organisation: 6 functions rated on every capability, 20 candidate investments. */
async function seedPortfolio(url: string, token: string): Promise<string[]> {
  const organizationId = 'bench-portfolio';
  const functions = ['desk', 'housekeeping', 'maintenance', 'sales', 'kitchen', 'laundry'];
  const must = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(url, token, query, variables);
  await must('mutation($o: ID!) { registerOrganization(input: { id: $o, name: "Portfolio" }) { id } }', {
    o: organizationId,
  });
  for (const functionId of functions)
    await must(
      'mutation($o: ID!, $f: ID!, $n: String!) { addFunction(input: { organizationId: $o, functionId: $f, name: $n, customerFacing: true }) { id } }',
      { o: organizationId, f: functionId, n: functionId },
    );
  await must(
    'mutation($o: ID!) { openAssessment(input: { organizationId: $o, assessmentId: "bench-portfolio-q1", title: "Q1", periodEnd: "2024-03-31" }) { id } }',
    { o: organizationId },
  );
  let level = 0;
  for (const functionId of functions)
    for (const capabilityId of CAPABILITIES) {
      level = (level % 4) + 1;
      await must(
        'mutation($f: ID!, $c: ID!, $l: Int!) { recordRating(input: { assessmentId: "bench-portfolio-q1", functionId: $f, capabilityId: $c, level: $l, source: SELF }) { id } }',
        { f: functionId, c: capabilityId, l: level },
      );
    }
  const candidateIds = Array.from({ length: 20 }, (_, position) => `candidate-${position}`);
  for (const [position, investmentId] of candidateIds.entries()) {
    const effects = [0, 1, 2].map((offset) => ({
      functionId: functions[(position + offset) % functions.length],
      capabilityId: CAPABILITIES[(position * 3 + offset) % CAPABILITIES.length],
      low: -1,
      likely: offset === 1 ? -0.5 : 1,
      high: 1,
    }));
    await must(
      'mutation($o: ID!, $i: ID!, $n: String!, $c: Float!, $e: [EffectInput!]!) { planInvestment(input: { organizationId: $o, investmentId: $i, name: $n, kind: OPERATIONAL, cost: $c, lagMonths: 0, effects: $e }) { id } }',
      { o: organizationId, i: investmentId, n: investmentId, c: 5 + (position % 7), e: effects },
    );
  }
  return candidateIds;
}

export async function benchPortfolioUnderLoad(): Promise<{ portfolio_under_load: PortfolioUnderLoadFigure }> {
  const optimizations = 4;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-portfolio-'));
  const token = `bench-admin-${process.pid}-0123456789abcdef`;
  let api: Server | null = null;
  try {
    // One token runs all four at once, so the per-token limit is raised to four.
    api = await startBuiltApi(dataDir, token, { HEAVY_WORK_PER_TOKEN: String(optimizations) });
    const url = api.url;
    const candidateIds = await seedPortfolio(url, token);
    const health = sampleHealth(url);
    const started = performance.now();
    let elapsed = 0;
    let healthTimes: number[] = [];
    try {
      await Promise.all(
        Array.from({ length: optimizations }, () =>
          graphql(url, token, OPTIMIZE, { o: 'bench-portfolio', c: candidateIds }),
        ),
      );
      elapsed = performance.now() - started;
    } finally {
      healthTimes = await health.stop();
    }
    return {
      portfolio_under_load: {
        optimizations,
        candidates: candidateIds.length,
        elapsed_ms: round(elapsed),
        health_samples: healthTimes.length,
        health_p99_ms: round(percentile(healthTimes, 0.99)),
        health_max_ms: round(Math.max(0, ...healthTimes)),
      },
    };
  } finally {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
