// A catch-up subscription for the embedded adapters: read pages after the checkpoint, hand each
// event to the handler one at a time, and when caught up wait for an append signal from this
// process or, for appends by other processes, the next poll.
import { EventStoreUnavailableError } from '../errors';
import type {
  EventHandler,
  EventSubscription,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';

/** Wakes waiting subscriptions when this process appends. */
class AppendSignal {
  private appendCount = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.appendCount;
  }

  notify(): void {
    this.appendCount += 1;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves at the next append (at once if one happened since `seenVersion`), or after pollIntervalMs. */
  wait(
    seenVersion: number,
    pollIntervalMs: number | null,
    exposeWake: (wake: () => void) => void,
  ): Promise<void> {
    if (this.appendCount !== seenVersion) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      if (pollIntervalMs !== null) timer = setTimeout(wake, pollIntervalMs);
      exposeWake(wake);
    });
  }
}

export interface PollingSettings {
  /** Events per read. */
  pageSize: number;
  /** null: only this process appends (in-memory), so never poll. */
  pollIntervalMs: number | null;
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>;
  /** Told when a read failed because the store is unavailable; the subscription retries it. */
  onUnavailable?: (error: EventStoreUnavailableError) => void;
}

/** Longest pause between reads while the store is unavailable. */
const MAX_RETRY_DELAY_MS = 5000;

/** The live subscriptions of an embedded adapter: subscribeToAll, the append signal, and close. */
export class PollingSubscriptions {
  private readonly signal = new AppendSignal();
  private readonly open = new Set<PollingSubscription>();

  constructor(private readonly settings: PollingSettings) {}

  /** This process appended: wakes the subscriptions waiting for more. */
  notify(): void {
    this.signal.notify();
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): EventSubscription {
    const subscription: PollingSubscription = new PollingSubscription(
      this.settings,
      this.signal,
      options,
      handler,
      () => this.open.delete(subscription),
    );
    this.open.add(subscription);
    return subscription;
  }

  /** Closes every subscription; each finishes the handler it is running. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.close()));
  }
}

class PollingSubscription implements EventSubscription {
  readonly done: Promise<void>;
  private closed = false;
  private wakeWaiting: (() => void) | null = null;

  constructor(
    private readonly settings: PollingSettings,
    private readonly signal: AppendSignal,
    private readonly options: SubscribeOptions,
    private readonly handler: EventHandler,
    onStop: () => void,
  ) {
    this.done = this.run().finally(onStop);
    // `done` is the caller's to observe; without this, an unobserved handler error would crash the process.
    this.done.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeWaiting?.();
    await this.done.catch(() => undefined);
  }

  /** Sleeps, or less when closed meanwhile. */
  private pause(milliseconds: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(wake, milliseconds);
      function wake(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeWaiting = wake;
    }).finally(() => {
      this.wakeWaiting = null;
    });
  }

  /** A method, not the field: the flag changes while run() awaits. */
  private isClosed(): boolean {
    return this.closed;
  }

  private async run(): Promise<void> {
    const { pageSize, pollIntervalMs, readAll } = this.settings;
    const eventTypes = this.options.eventTypes;
    let checkpoint = this.options.after ?? 0;
    // Let the caller finish setting up (and keep a reference) before the first delivery.
    await Promise.resolve();
    let failures = 0;
    while (!this.closed) {
      const seenVersion = this.signal.version;
      let page: RecordedEvent[];
      try {
        page = await readAll({
          after: checkpoint,
          maxCount: pageSize,
          ...(eventTypes ? { eventTypes } : {}),
        });
        failures = 0;
      } catch (error) {
        // A server restart or a dropped connection: wait and read again from the same checkpoint.
        if (!(error instanceof EventStoreUnavailableError) || this.isClosed()) throw error;
        failures += 1;
        this.settings.onUnavailable?.(error);
        await this.pause(Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** Math.min(failures, 6)));
        continue;
      }
      for (const event of page) {
        if (this.isClosed()) return;
        await this.handler(event);
        checkpoint = event.position;
      }
      if (page.length < pageSize && !this.isClosed()) {
        await this.signal.wait(seenVersion, pollIntervalMs, (wake) => {
          this.wakeWaiting = wake;
        });
        this.wakeWaiting = null;
      }
    }
  }
}
