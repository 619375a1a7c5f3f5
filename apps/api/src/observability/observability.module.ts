import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ReadModels } from '@app/application';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { instrumentAppends } from './instrument-appends';
import { reportProjectionProgress } from './metrics';
import { MetricsController } from './metrics.controller';

/** GET /metrics, fed by this process's store and read models. */
@Global()
@Module({ controllers: [MetricsController] })
export class ObservabilityModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  onApplicationBootstrap(): void {
    instrumentAppends(this.store);
    reportProjectionProgress({
      head: () => this.store.headPosition(),
      checkpoint: () => this.readModels.runner.checkpoint,
      state: () => this.readModels.runner.status(),
    });
  }

  onApplicationShutdown(): void {
    reportProjectionProgress(null);
  }
}
