// Which organisations' maturity may have changed: told after the projection applied their events.
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { organizationIdOf } from '@app/projections';
import { ReadModels } from '../projections/read-models';

export type MaturityChangeListener = (organizationIds: ReadonlySet<string>) => void;

@Injectable()
export class MaturityChangeFeed implements OnModuleDestroy {
  private readonly listeners = new Set<MaturityChangeListener>();
  private readonly stopListening: () => void;

  constructor(readModels: ReadModels) {
    this.stopListening = readModels.runner.onApplied((events) => {
      const changed = new Set<string>();
      for (const event of events) {
        const organizationId = organizationIdOf(event);
        if (organizationId !== null) changed.add(organizationId);
      }
      if (changed.size === 0) return;
      for (const listener of this.listeners) listener(changed);
    });
  }

  /**
   * Called with the organisations whose maturity may have changed, once the projection applied
   * the change. Listeners are called in the order they subscribed.
   */
  onChange(listener: MaturityChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  onModuleDestroy(): void {
    this.stopListening();
    this.listeners.clear();
  }
}
