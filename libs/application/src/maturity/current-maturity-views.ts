// Views with neither asOf nor knownAt, kept for the organisations read most recently and dropped
// as soon as the projection applies a change to one of them.
import { Injectable } from '@nestjs/common';
import { ReadModels } from '../projections/read-models';
import { MaturityChangeFeed } from './maturity-change-feed';
import type { MaturityView } from './maturity-view';

/** Current views kept for this many organisations (the most recently read). */
const CURRENT_VIEW_CACHE_SIZE = 256;

@Injectable()
export class CurrentMaturityViews {
  private readonly views = new Map<string, MaturityView>();

  constructor(
    private readonly readModels: ReadModels,
    changes: MaturityChangeFeed,
  ) {
    // Subscribed at construction, before any watcher: a listener that reads the view again after a
    // change never gets the stale one.
    changes.onChange((organizationIds) => {
      for (const organizationId of organizationIds) this.views.delete(organizationId);
    });
  }

  /**
   * The kept view, once the read models have caught up with every event in the store: a change
   * applied meanwhile drops it, so a client always reads its own writes.
   */
  async get(organizationId: string): Promise<MaturityView | undefined> {
    await this.readModels.ready();
    const view = this.views.get(organizationId);
    if (view !== undefined) {
      // Refresh its place in the least-recently-used order.
      this.views.delete(organizationId);
      this.views.set(organizationId, view);
    }
    return view;
  }

  remember(organizationId: string, view: MaturityView): void {
    this.views.set(organizationId, view);
    if (this.views.size > CURRENT_VIEW_CACHE_SIZE) {
      const oldest = this.views.keys().next();
      if (oldest.done !== true) this.views.delete(oldest.value);
    }
  }
}
