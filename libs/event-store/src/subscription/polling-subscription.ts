// A catch-up subscription for the embedded adapters: read pages after the checkpoint, hand each
// event to the handler one at a time, and when caught up wait for an append signal from this
// process or, for appends by other processes, the next poll.
import type { EventHandler, EventSubscription, RecordedEvent } from '../event-store.port';

/** Wakes waiting subscriptions when this process appends. */
export class AppendSignal {
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

export interface PollingSubscriptionOptions {
  after: number;
  pageSize: number;
  /** null: only this process appends (in-memory), so never poll. */
  pollIntervalMs: number | null;
  signal: AppendSignal;
  readPage: (after: number, maxCount: number) => Promise<RecordedEvent[]>;
  onStop?: () => void;
}

export class PollingSubscription implements EventSubscription {
  readonly done: Promise<void>;
  private closed = false;
  private wakeWaiting: (() => void) | null = null;

  constructor(
    private readonly options: PollingSubscriptionOptions,
    private readonly handler: EventHandler,
  ) {
    this.done = this.run().finally(() => options.onStop?.());
    // `done` is the caller's to observe; without this, an unobserved handler error would crash the process.
    this.done.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeWaiting?.();
    await this.done.catch(() => undefined);
  }

  /** A method, not the field: the flag changes while run() awaits. */
  private isClosed(): boolean {
    return this.closed;
  }

  private async run(): Promise<void> {
    const { pageSize, pollIntervalMs, signal, readPage } = this.options;
    let checkpoint = this.options.after;
    // Let the caller finish setting up (and keep a reference) before the first delivery.
    await Promise.resolve();
    while (!this.closed) {
      const seenVersion = signal.version;
      const page = await readPage(checkpoint, pageSize);
      for (const event of page) {
        if (this.isClosed()) return;
        await this.handler(event);
        checkpoint = event.position;
      }
      if (page.length < pageSize && !this.isClosed()) {
        await signal.wait(seenVersion, pollIntervalMs, (wake) => {
          this.wakeWaiting = wake;
        });
        this.wakeWaiting = null;
      }
    }
  }
}
