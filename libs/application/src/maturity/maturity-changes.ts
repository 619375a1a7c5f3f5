// maturityChanged: a view of the organisation after each change the projection has applied.
import { Injectable } from '@nestjs/common';
import { requireSlug } from '@app/domain';
import { ReadModels } from '../projections/read-models';
import { MaturityQueryService } from './maturity-query.service';
import type { MaturityView } from './maturity-view';

@Injectable()
export class MaturityChanges {
  constructor(
    private readonly maturity: MaturityQueryService,
    private readonly readModels: ReadModels,
  ) {}

  /**
   * The organisation's current view after each applied change, until the iterator is returned.
   * Changes that arrive while a view is computed are folded into the next one.
   */
  watch(organizationId: string): AsyncIterableIterator<MaturityView> {
    const id = requireSlug('organizationId', organizationId);
    const queued: MaturityView[] = [];
    const waiting: ((result: IteratorResult<MaturityView>) => void)[] = [];
    let computing = false;
    let dirty = false;
    let finished = false;

    const deliver = (view: MaturityView): void => {
      const next = waiting.shift();
      if (next) next({ value: view, done: false });
      else queued.push(view);
    };
    const refresh = async (): Promise<void> => {
      if (computing) {
        dirty = true;
        return;
      }
      computing = true;
      try {
        do {
          dirty = false;
          const view = await this.maturity.maturity(id);
          if (!finished) deliver(view);
        } while (dirty && !finished);
      } finally {
        computing = false;
      }
    };
    const stopListening = this.maturity.onChange((organizationIds) => {
      if (organizationIds.has(id) && !finished) void refresh().catch(() => undefined);
    });
    // The api starts the runner at boot; a subscriber elsewhere (a test, the cli) starts it here.
    void this.readModels.runner.start().catch(() => undefined);

    const finish = (): Promise<IteratorResult<MaturityView>> => {
      finished = true;
      stopListening();
      for (const next of waiting.splice(0)) next({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: (): Promise<IteratorResult<MaturityView>> => {
        const view = queued.shift();
        if (view !== undefined) return Promise.resolve({ value: view, done: false });
        if (finished) return Promise.resolve({ value: undefined, done: true });
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
