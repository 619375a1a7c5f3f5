// Runs projections over the event store: catch up from the stored checkpoints by paging readAll,
// then tail live events through subscribeToAll. Every batch is applied and its checkpoints are
// written in one SQLite transaction, so a restart resumes exactly where the last commit stopped.
// A passing fault (the store unreachable, the read-model disk full) is retried with backoff from
// the stored checkpoint; only a projection's own error stops the runner for good.
import type Database from 'better-sqlite3';
import {
  type EventStore,
  type EventSubscription,
  EventStoreUnavailableError,
  type RecordedEvent,
} from '@app/event-store';
import { CheckpointStore } from './checkpoint-store';
import {
  ProjectionFailedError,
  ProjectionLagTimeoutError,
  ProjectionRunnerStoppedError,
  ReadModelsUnavailableError,
  type ReadModelsUnavailableReason,
} from './errors';
import type { Projection } from './projection';
import { readModelsUnavailableErrorOf } from './read-model-database';
import { yieldToOtherWork } from './yield-to-other-work';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** The read-model database (see openReadModelDatabase); the caller closes it. */
  database: Database.Database;
  projections: readonly Projection[];
  /** Events per catch-up read and transaction. Default 5000. */
  pageSize?: number;
  /** Live events per transaction at most; fewer when they arrive slowly. Default 1000. */
  liveBatchSize?: number;
  /** Default wait of waitFor. Default 30000. */
  waitTimeoutMs?: number;
  onError?: (error: unknown) => void;
}

/** `retrying`: a passing fault stopped the last attempt; the next starts from the stored checkpoint. */
export type RunnerState = 'idle' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';

/** Why the runner is retrying: the store is unreachable, or the read-model file cannot be written. */
export type RetryReason = 'event_store_unavailable' | ReadModelsUnavailableReason;

export interface RunnerStatus {
  state: RunnerState;
  /** The lowest checkpoint among the projections: every event up to it is applied everywhere. */
  checkpoint: number;
  /** What stopped it (failed) or keeps it retrying, for the operator; null otherwise. */
  error: string | null;
  /** While retrying, why, as a short code; null otherwise. */
  retryReason: RetryReason | null;
}

/** Called after each committed batch with its events (all types), in position order. */
export type AppliedListener = (events: readonly RecordedEvent[]) => void;

/** done events of total (the head when the rebuild started). */
export type RebuildProgress = (done: number, total: number) => void;

export interface RebuildResult {
  events: number;
  milliseconds: number;
}

interface Waiter {
  position: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Thrown inside a transaction when another process moved a checkpoint since we read it. */
class CheckpointMovedError extends Error {}

type PassingFault = EventStoreUnavailableError | ReadModelsUnavailableError;

/** A fault that goes away without a rebuild (the store back, space freed), or null. */
function passingFaultOf(error: unknown): PassingFault | null {
  if (error instanceof EventStoreUnavailableError) return error;
  return readModelsUnavailableErrorOf(error);
}

/** 200 ms after the first failure, doubling up to 5 s: a long outage costs one attempt every 5 s. */
const retryDelayMs = (failures: number): number => Math.min(5000, 100 * 2 ** Math.min(failures, 6));

export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly database: Database.Database;
  private readonly projections: readonly Projection[];
  private readonly typesOf: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly pageSize: number;
  private readonly liveBatchSize: number;
  private readonly waitTimeoutMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly checkpoints: CheckpointStore;
  private readonly applyTransaction: Database.Transaction<(events: readonly RecordedEvent[]) => void>;
  /** In-memory copy of each projection's stored checkpoint. */
  private readonly positions = new Map<string, number>();
  private readonly listeners = new Set<AppliedListener>();
  private readonly waiters = new Set<Waiter>();

  private state: RunnerState = 'idle';
  private failure: Error | null = null;
  /** The passing fault that stopped the last attempt, until a batch commits again. */
  private fault: PassingFault | null = null;
  private loaded = false;
  private running: Promise<void> | null = null;
  private caughtUp: Promise<void> | null = null;
  private subscription: EventSubscription | null = null;
  private wakeLoop: (() => void) | null = null;
  private restartRequested = false;
  private stopRequested = false;
  private pending: RecordedEvent[] = [];
  private flushScheduled = false;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.database = options.database;
    this.projections = options.projections;
    this.pageSize = options.pageSize ?? 5000;
    this.liveBatchSize = options.liveBatchSize ?? 1000;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 30_000;
    this.onError = options.onError ?? ((): void => undefined);
    const names = new Set(this.projections.map((projection) => projection.name));
    if (names.size !== this.projections.length) throw new Error('projection names must be unique');
    this.typesOf = new Map(
      this.projections.map((projection) => [projection.name, new Set(projection.eventTypes)]),
    );
    this.checkpoints = new CheckpointStore(this.database);
    this.applyTransaction = this.database.transaction((events) => {
      this.applyInTransaction(events);
    });
  }

  /** Creates the read-model tables (and drops outdated versions); start() does it too. */
  prepare(): void {
    this.loadCheckpoints();
  }

  /** The lowest checkpoint among the projections. */
  get checkpoint(): number {
    this.loadCheckpoints();
    let lowest = Number.POSITIVE_INFINITY;
    for (const position of this.positions.values()) lowest = Math.min(lowest, position);
    return Number.isFinite(lowest) ? lowest : 0;
  }

  status(): RunnerStatus {
    const fault = this.state === 'retrying' ? this.fault : null;
    return {
      state: this.state,
      checkpoint: this.checkpoint,
      error: this.failure?.message ?? fault?.message ?? null,
      retryReason: fault === null ? null : retryReasonOf(fault),
    };
  }

  /** Head position minus checkpoint: how many events the read models are behind. */
  async lag(): Promise<number> {
    return Math.max(0, (await this.store.headPosition()) - this.checkpoint);
  }

  /** Starts catching up and tailing (idempotent); resolves once caught up with the head. */
  start(): Promise<void> {
    if (this.state === 'stopped') return Promise.reject(new ProjectionRunnerStoppedError());
    if (this.failure) return Promise.reject(this.failure);
    if (this.caughtUp) return this.caughtUp;
    this.stopRequested = false;
    let markCaughtUp: () => void = () => undefined;
    let markFailed: (error: Error) => void = () => undefined;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      markCaughtUp = resolve;
      markFailed = reject;
    });
    // The caller may not wait for the catch-up; a failure is reported through onError and waitFor.
    this.caughtUp.catch(() => undefined);
    this.running = this.run(markCaughtUp).catch((error: unknown) => {
      const failure = this.fail(error);
      markFailed(failure);
    });
    return this.caughtUp;
  }

  /** Stops tailing; resolves once no batch is in flight. The runner can be started again. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.wakeLoop?.();
    await this.running;
    this.running = null;
    this.caughtUp = null;
    this.fault = null;
    if (this.state !== 'failed') this.state = 'idle';
  }

  /** Stops for good: pending waits are rejected. */
  async close(): Promise<void> {
    await this.stop();
    this.state = 'stopped';
    this.rejectWaiters(new ProjectionRunnerStoppedError());
  }

  /**
   * Resolves once every projection has applied the event at `position` (read-your-writes: pass
   * the position of your own append, or the head when you only know it happened before).
   * Starts the runner when it is idle.
   */
  waitFor(position: number, timeoutMs: number = this.waitTimeoutMs): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.checkpoint >= position) return Promise.resolve();
    // A full disk lasts until someone frees space: say so now rather than after the timeout.
    if (this.fault instanceof ReadModelsUnavailableError) return Promise.reject(this.fault);
    if (this.state === 'stopped') return Promise.reject(new ProjectionRunnerStoppedError());
    void this.start().catch(() => undefined);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new ProjectionLagTimeoutError(position, this.checkpoint, timeoutMs));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Waits until everything in the store when called is applied. */
  async waitForHead(timeoutMs?: number): Promise<void> {
    await this.waitFor(await this.store.headPosition(), timeoutMs);
  }

  /** Listens to committed batches (to refresh caches, publish changes); returns the unsubscribe. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Drops every read model and replays all events. Tailing pauses meanwhile and resumes after.
   * Safe while another process tails the same file: checkpoints are compared in each transaction.
   */
  async rebuild(onProgress: RebuildProgress = (): void => undefined): Promise<RebuildResult> {
    const wasRunning = this.caughtUp !== null;
    await this.stop();
    this.stopRequested = false;
    this.failure = null;
    const startedAt = performance.now();
    this.database
      .transaction(() => {
        for (const projection of this.projections) {
          projection.drop(this.database);
          projection.setUp(this.database);
          this.checkpoints.write(projection.name, { position: 0, version: projection.version });
        }
      })
      .immediate();
    this.loaded = false;
    this.loadCheckpoints();
    const total = await this.store.headPosition();
    let done = 0;
    onProgress(0, total);
    this.state = 'catching-up';
    // Fewer, larger WAL checkpoints while replaying (each one syncs); back to the default after.
    const autoCheckpoint = this.database.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.database.pragma('wal_autocheckpoint = 16384');
    try {
      await this.catchUp((events) => {
        done += events;
        onProgress(Math.min(done, total), total);
      });
    } finally {
      this.database.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
      this.state = 'idle';
    }
    onProgress(total, total);
    if (wasRunning) await this.start();
    return { events: done, milliseconds: performance.now() - startedAt };
  }

  private async run(markCaughtUp: () => void): Promise<void> {
    this.state = 'catching-up';
    let failures = 0;
    while (!this.isStopRequested()) {
      if (this.fault !== null) {
        failures += 1;
        await this.pauseUnlessStopped(retryDelayMs(failures));
        if (this.isStopRequested()) break;
      }
      try {
        if (this.fault === null) this.loadCheckpoints();
        else this.reloadCheckpoints();
        await this.catchUp();
      } catch (error) {
        // The store down for a moment (a server restart), the disk full: try again later.
        this.noteFaultOrThrow(error);
        continue;
      }
      failures = 0;
      this.fault = null;
      if (this.isStopRequested()) break;
      this.state = 'live';
      markCaughtUp();
      try {
        await this.tail();
      } catch (error) {
        this.noteFaultOrThrow(error);
        continue;
      }
      if (!this.isRetrying()) this.state = 'catching-up';
    }
  }

  /** A method, not the field: a failed live batch sets the fault while the loop awaits. */
  private isRetrying(): boolean {
    return this.fault !== null;
  }

  /** A passing fault is noted for the next attempt; anything else ends the run (it fails). */
  private noteFaultOrThrow(error: unknown): void {
    const fault = passingFaultOf(error);
    if (fault === null) throw error;
    this.noteFault(fault);
  }

  /** Retries from the stored checkpoint; a read-model fault also fails the waits now (see waitFor). */
  private noteFault(fault: PassingFault): void {
    // One log line when a fault starts or changes, not one per attempt through a long outage.
    if (this.fault?.message !== fault.message) this.onError(fault);
    this.fault = fault;
    this.state = 'retrying';
    if (fault instanceof ReadModelsUnavailableError) this.rejectWaiters(fault);
  }

  /** Pages through readAll from the checkpoint until a short page, giving the event loop back between pages. */
  private async catchUp(onBatch: (events: number) => void = (): void => undefined): Promise<void> {
    for (;;) {
      if (this.isStopRequested()) return;
      const page = await this.store.readAll({ after: this.checkpoint, maxCount: this.pageSize });
      if (page.length > 0) {
        this.applyBatch(page);
        onBatch(page.length);
      }
      if (page.length < this.pageSize) return;
      // An embedded store reads synchronously: without a pause between pages, replaying a large
      // store (at start, or after a rebuild) held the event loop, and /health, until its end.
      await yieldToOtherWork();
    }
  }

  /** Tails live events until a stop, a failure, or a checkpoint moved backwards by someone else. */
  private async tail(): Promise<void> {
    this.restartRequested = false;
    const woken = new Promise<void>((resolve) => {
      this.wakeLoop = resolve;
    });
    const subscription = this.store.subscribeToAll({ after: this.checkpoint }, (event) => {
      this.enqueue(event);
    });
    this.subscription = subscription;
    try {
      await Promise.race([woken, subscription.done]);
    } finally {
      this.wakeLoop = null;
      this.subscription = null;
      await subscription.close();
      this.pending = [];
    }
    if (this.failure) throw this.failure;
  }

  private async pauseUnlessStopped(milliseconds: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, milliseconds);
      this.wakeLoop = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeLoop = null;
  }

  /** A method, not the field: the flag changes while the loop awaits. */
  private isStopRequested(): boolean {
    return this.stopRequested;
  }

  private enqueue(event: RecordedEvent): void {
    if (this.restartRequested || this.stopRequested || this.failure) return;
    this.pending.push(event);
    if (this.pending.length >= this.liveBatchSize) this.flush();
    else if (!this.flushScheduled) {
      // A page of the subscription arrives in one go: commit it as one batch.
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  private flush(): void {
    const events = this.pending;
    this.pending = [];
    if (events.length === 0 || this.restartRequested || this.stopRequested || this.failure) return;
    try {
      this.applyBatch(events);
    } catch (error) {
      const fault = passingFaultOf(error);
      if (error instanceof CheckpointMovedError) {
        // Another process went back (a rebuild): catch up again from the stored checkpoint.
        this.restartRequested = true;
      } else if (fault !== null) {
        // The disk filled up: stop tailing, and catch up from the stored checkpoint after a pause.
        this.restartRequested = true;
        this.noteFault(fault);
      } else {
        this.fail(error);
      }
      this.wakeLoop?.();
    }
  }

  /**
   * Applies a batch, retrying when another process applied some of it first (its checkpoints
   * are ahead: skip what it did); throws CheckpointMovedError when they went backwards, and a
   * ReadModelsUnavailableError when the file cannot be written (nothing of the batch is kept).
   */
  private applyBatch(events: readonly RecordedEvent[]): void {
    for (;;) {
      const before = this.checkpoint;
      try {
        this.applyTransaction.immediate(events);
        break;
      } catch (error) {
        if (!(error instanceof CheckpointMovedError)) throw readModelsUnavailableErrorOf(error) ?? error;
        this.loaded = false;
        if (this.checkpoint < before) throw error;
      }
    }
    // Only now, after the commit: a failed COMMIT (a full disk) leaves the in-memory copy as stored.
    const last = events.at(-1);
    if (last !== undefined) {
      for (const projection of this.projections) {
        this.positions.set(
          projection.name,
          Math.max(last.position, this.positions.get(projection.name) ?? 0),
        );
      }
    }
    if (this.fault !== null) {
      this.fault = null;
      if (this.state === 'retrying') this.state = 'catching-up';
    }
    this.afterCommit(events);
  }

  private applyInTransaction(events: readonly RecordedEvent[]): void {
    const stored = this.checkpoints.readAll();
    for (const projection of this.projections) {
      if ((stored.get(projection.name)?.position ?? 0) !== (this.positions.get(projection.name) ?? 0))
        throw new CheckpointMovedError();
    }
    const last = events.at(-1);
    if (last === undefined) return;
    for (const projection of this.projections) {
      const after = this.positions.get(projection.name) ?? 0;
      if (last.position <= after) continue;
      const types = this.typesOf.get(projection.name) ?? new Set<string>();
      const relevant = events.filter((event) => event.position > after && types.has(event.type));
      if (relevant.length > 0) projection.apply(relevant, this.database);
      this.checkpoints.write(projection.name, { position: last.position, version: projection.version });
    }
  }

  private afterCommit(events: readonly RecordedEvent[]): void {
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.onError(error);
      }
    }
    const checkpoint = this.checkpoint;
    for (const waiter of [...this.waiters]) {
      if (waiter.position <= checkpoint) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /**
   * After a failed attempt: the file, not memory, says where each projection stopped. Until the
   * file can be read, the copy in memory stands (it only moves after a commit).
   */
  private reloadCheckpoints(): void {
    this.loaded = false;
    try {
      this.loadCheckpoints();
    } finally {
      this.loaded = true;
    }
  }

  /** Reads the stored checkpoints; a projection whose version changed is dropped and set up anew. */
  private loadCheckpoints(): void {
    if (this.loaded) return;
    this.database
      .transaction(() => {
        const stored = this.checkpoints.readAll();
        for (const projection of this.projections) {
          const checkpoint = stored.get(projection.name);
          if (checkpoint !== undefined && checkpoint.version === projection.version) {
            projection.setUp(this.database);
            this.positions.set(projection.name, checkpoint.position);
            continue;
          }
          projection.drop(this.database);
          projection.setUp(this.database);
          this.checkpoints.write(projection.name, { position: 0, version: projection.version });
          this.positions.set(projection.name, 0);
        }
      })
      .immediate();
    this.loaded = true;
  }

  private fail(error: unknown): Error {
    const failure = new ProjectionFailedError(
      `A projection failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
    this.failure = failure;
    this.state = 'failed';
    this.onError(error);
    this.rejectWaiters(failure);
    this.wakeLoop?.();
    return failure;
  }

  private rejectWaiters(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }
}

function retryReasonOf(fault: PassingFault): RetryReason {
  return fault instanceof ReadModelsUnavailableError ? fault.reason : 'event_store_unavailable';
}
