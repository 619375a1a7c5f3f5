import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, EventSubscription, RecordedEvent } from '@app/event-store';

const PAGE_SIZE = 1000;

/**
 * An index in memory of some event types, kept current: it reads every such event in the store
 * once, page by page, then follows the store's subscription from the last event it read, so a
 * lookup reads nothing from the store. The read and the subscription may both deliver an event,
 * so applying one twice must change nothing.
 */
export abstract class LiveEventIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  /** Position of the last event read from the store or delivered by the subscription. */
  private checkpoint = 0;
  private loading: Promise<void> | null = null;
  private subscription: EventSubscription | null = null;

  protected constructor(
    protected readonly store: EventStore,
    private readonly eventTypes: readonly string[],
    /** What the index holds, for the log: `token`, `invitation`. */
    private readonly subject: string,
  ) {}

  /** Folds a recorded event in; applying one twice changes nothing. */
  abstract apply(event: RecordedEvent): void;

  async onApplicationBootstrap(): Promise<void> {
    await this.ready();
    this.subscription = this.store.subscribeToAll(
      { after: this.checkpoint, eventTypes: this.eventTypes },
      (event) => {
        this.receive(event);
      },
    );
    this.subscription.done.catch((error: unknown) => {
      this.logger.error(`${this.subject} subscription stopped: ${String(error)}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  /** Resolves once every event of the index's types in the store so far is in the index. */
  ready(): Promise<void> {
    this.loading ??= this.catchUp();
    return this.loading;
  }

  /** Reads the events recorded since the checkpoint, such as those another process wrote a moment ago. */
  protected async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({
        after: this.checkpoint,
        maxCount: PAGE_SIZE,
        eventTypes: this.eventTypes,
      });
      for (const event of page) this.receive(event);
      if (page.length < PAGE_SIZE) return;
    }
  }

  private receive(event: RecordedEvent): void {
    this.checkpoint = Math.max(this.checkpoint, event.position);
    this.apply(event);
  }
}
