// maturityChanged: a view of the organisation after each change the projection has applied.
import { Injectable } from '@nestjs/common';
import { requireSlug } from '@app/domain';
import { ReadModels } from '../projections/read-models';
import { MaturityChangeFeed } from './maturity-change-feed';
import { MaturityQueryService } from './maturity-query.service';
import type { MaturityView } from './maturity-view';

@Injectable()
export class MaturityChanges {
  constructor(
    private readonly maturity: MaturityQueryService,
    private readonly changes: MaturityChangeFeed,
    private readonly readModels: ReadModels,
  ) {}

  /**
   * The organisation's current view at once, then after each applied change, until the iterator
   * is returned.
   * Changes that arrive while a view is computed are folded into the next one.
   */
  watch(organizationId: string): AsyncIterableIterator<MaturityView> {
    const id = requireSlug('organizationId', organizationId);
    const queued: MaturityView[] = [];
    const waiting: ((result: IteratorResult<MaturityView>) => void)[] = [];
    const subscription = { finished: false, computing: false, dirty: false };
    // A function, not the field: the flags change while refresh() awaits.
    const changedMeanwhile = (): boolean => subscription.dirty && !subscription.finished;

    const deliver = (view: MaturityView): void => {
      const next = waiting.shift();
      if (next) next({ value: view, done: false });
      else queued.push(view);
    };
    const refresh = async (): Promise<void> => {
      if (subscription.computing) {
        subscription.dirty = true;
        return;
      }
      subscription.computing = true;
      try {
        do {
          subscription.dirty = false;
          const view = await this.maturity.maturity(id);
          if (!subscription.finished) deliver(view);
        } while (changedMeanwhile());
      } finally {
        subscription.computing = false;
      }
    };
    const stopListening = this.changes.onChange((organizationIds) => {
      if (organizationIds.has(id) && !subscription.finished) void refresh().catch(() => undefined);
    });
    // The current view first: a client needs no separate query, and knows it is subscribed.
    void refresh().catch(() => undefined);
    // The api starts the runner at boot; a subscriber elsewhere (a test, the cli) starts it here.
    void this.readModels.runner.start().catch(() => undefined);

    const finish = (): Promise<IteratorResult<MaturityView>> => {
      subscription.finished = true;
      stopListening();
      for (const next of waiting.splice(0)) next({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: (): Promise<IteratorResult<MaturityView>> => {
        const view = queued.shift();
        if (view !== undefined) return Promise.resolve({ value: view, done: false });
        if (subscription.finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
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
}
