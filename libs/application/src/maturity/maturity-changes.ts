// maturityChanged: a view of the organisation after each change the projection has applied.
// One view is computed per organisation per change and shared by all its watchers; changes that
// arrive while it is computed are folded into one more computation. A watcher holds at most the
// latest view it has not taken yet, so a slow client skips views instead of queueing them.
// Watchers are handed a view a slice at a time, one slice per turn of the event loop: each hand-over
// runs the subscriber's GraphQL result, serialisation and socket write at once, and a thousand of
// them in one turn kept /health waiting for seconds.
import { Injectable } from '@nestjs/common';
import { requireSlug } from '@app/domain';
import { yieldToOtherWork } from '@app/projections';
import { ReadModels } from '../projections/read-models';
import { MaturityChangeFeed } from './maturity-change-feed';
import { MaturityQueryService } from './maturity-query.service';
import type { MaturityView } from './maturity-view';

/** Watchers handed a view in one turn of the event loop. */
const WATCHERS_PER_TURN = 50;

interface Watcher {
  /** The latest view not taken yet. */
  pending: MaturityView | null;
  /** A next() waiting for a view. */
  waiting: ((result: IteratorResult<MaturityView>) => void) | null;
  finished: boolean;
}

interface Channel {
  organizationId: string;
  watchers: Set<Watcher>;
  /** The view after the latest change applied, once computed. */
  latest: MaturityView | null;
  computing: boolean;
  /** A change arrived while computing: compute once more. */
  dirty: boolean;
}

@Injectable()
export class MaturityChanges {
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly maturity: MaturityQueryService,
    changes: MaturityChangeFeed,
    private readonly readModels: ReadModels,
  ) {
    changes.onChange((organizationIds) => {
      for (const organizationId of organizationIds) {
        const channel = this.channels.get(organizationId);
        if (channel !== undefined) this.refresh(channel);
      }
    });
  }

  /** Organisations watched and watchers in all, for limits and metrics. */
  get watcherCount(): number {
    let count = 0;
    for (const channel of this.channels.values()) count += channel.watchers.size;
    return count;
  }

  /**
   * The organisation's current view at once, then the view after each applied change (the latest
   * one when several arrive before the client takes them), until the iterator is returned.
   */
  watch(organizationId: string): AsyncIterableIterator<MaturityView> {
    const id = requireSlug('organizationId', organizationId);
    const channel = this.channelOf(id);
    const watcher: Watcher = { pending: channel.latest, waiting: null, finished: false };
    channel.watchers.add(watcher);
    // The current view first: a client needs no separate query, and knows it is subscribed.
    if (channel.latest === null) this.refresh(channel);
    // The api starts the runner at boot; a subscriber elsewhere (a test, the cli) starts it here.
    void this.readModels.runner.start().catch(() => undefined);

    const finish = (): Promise<IteratorResult<MaturityView>> => {
      if (!watcher.finished) {
        watcher.finished = true;
        watcher.pending = null;
        channel.watchers.delete(watcher);
        if (channel.watchers.size === 0 && this.channels.get(id) === channel) this.channels.delete(id);
        const waiting = watcher.waiting;
        watcher.waiting = null;
        waiting?.({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: (): Promise<IteratorResult<MaturityView>> => {
        const view = watcher.pending;
        if (view !== null) {
          watcher.pending = null;
          return Promise.resolve({ value: view, done: false });
        }
        if (watcher.finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          watcher.waiting = resolve;
        });
      },
      return: finish,
      throw: (error: unknown) => {
        void finish();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator](): AsyncIterableIterator<MaturityView> {
        return this;
      },
    };
  }

  private channelOf(organizationId: string): Channel {
    let channel = this.channels.get(organizationId);
    if (channel === undefined) {
      channel = { organizationId, watchers: new Set(), latest: null, computing: false, dirty: false };
      this.channels.set(organizationId, channel);
    }
    return channel;
  }

  /** One computation at a time per organisation; a change meanwhile makes one more. */
  private refresh(channel: Channel): void {
    if (channel.computing) {
      channel.dirty = true;
      return;
    }
    channel.computing = true;
    // A function, not the field: the flag changes while the view is computed.
    const changedMeanwhile = (): boolean => channel.dirty && channel.watchers.size > 0;
    void (async () => {
      try {
        do {
          channel.dirty = false;
          const view = await this.maturity.maturity(channel.organizationId);
          channel.latest = view;
          await deliverInSlices([...channel.watchers], view);
        } while (changedMeanwhile());
      } catch {
        // The next change tries again; a watcher keeps the last view it had.
      } finally {
        channel.computing = false;
      }
    })();
  }
}

async function deliverInSlices(watchers: readonly Watcher[], view: MaturityView): Promise<void> {
  for (let start = 0; start < watchers.length; start += WATCHERS_PER_TURN) {
    if (start > 0) await yieldToOtherWork();
    for (const watcher of watchers.slice(start, start + WATCHERS_PER_TURN)) deliver(watcher, view);
  }
}

function deliver(watcher: Watcher, view: MaturityView): void {
  if (watcher.finished) return;
  const waiting = watcher.waiting;
  if (waiting !== null) {
    watcher.waiting = null;
    waiting({ value: view, done: false });
  } else {
    watcher.pending = view;
  }
}
