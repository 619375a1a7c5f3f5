// Prometheus metrics (prom-client), one set per process in the default registry: what operators
// watch per replica. Module-level on purpose: prom-client refuses to register a name twice, and
// tests build several apps in one process.
import { hostname } from 'node:os';
import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

register.setDefaultLabels({ replica: process.env.REPLICA_NAME?.trim() || hostname() });
collectDefaultMetrics();

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by route and status: count and latency.',
  labelNames: ['method', 'route', 'status'],
  buckets: LATENCY_BUCKETS,
});

export const graphqlOperationDuration = new Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'GraphQL operations by name and type (query, mutation): count and latency.',
  labelNames: ['operation', 'type'],
  buckets: LATENCY_BUCKETS,
});

export const graphqlErrors = new Counter({
  name: 'graphql_errors_total',
  help: 'GraphQL errors answered, by extensions.code and operation.',
  labelNames: ['code', 'operation'],
});

export const eventStoreAppendDuration = new Histogram({
  name: 'event_store_append_duration_seconds',
  help: 'Appends to the event store by outcome (written, repeat, refused, failed): count and latency.',
  labelNames: ['outcome'],
  buckets: LATENCY_BUCKETS,
});

export const subscriptionResults = new Counter({
  name: 'graphql_subscription_results_total',
  help: 'Results sent to subscribers: executed for them, or shared from a subscriber of the same view with the same operation.',
  labelNames: ['outcome'],
});

/** Where the lag gauges read from: the read models of the app serving this process. */
export interface ProjectionProgress {
  head(): Promise<number>;
  checkpoint(): number;
  /** The runner's state, and why it retries (null unless retrying). */
  state(): { state: string; retryReason: string | null };
}

let progress: ProjectionProgress | null = null;

export function reportProjectionProgress(source: ProjectionProgress | null): void {
  progress = source;
}

const headPosition = new Gauge({
  name: 'event_store_head_position',
  help: 'Position of the last event in the store.',
});

const projectionCheckpoint = new Gauge({
  name: 'projection_checkpoint_position',
  help: "Position up to which this replica's read models have applied events.",
});

new Gauge({
  name: 'projection_lag_events',
  help: "Events in the store that this replica's read models have not applied yet.",
  async collect() {
    if (progress === null) return;
    const head = await progress.head().catch(() => null);
    const checkpoint = progress.checkpoint();
    projectionCheckpoint.set(checkpoint);
    if (head === null) return;
    headPosition.set(head);
    this.set(Math.max(0, head - checkpoint));
  },
});

new Gauge({
  name: 'projection_runner_state',
  help: "1 for the state of this replica's projection runner (live, catching-up, retrying, failed, idle, stopped), with why it retries (disk_full, locked, read_only, io_error, event_store_unavailable).",
  labelNames: ['state', 'reason'],
  collect() {
    if (progress === null) return;
    const { state, retryReason } = progress.state();
    // One series at a time: the previous state's series goes away rather than staying at 0.
    this.reset();
    this.set({ state, reason: retryReason ?? '' }, 1);
  },
});

export { register as metricsRegistry };
