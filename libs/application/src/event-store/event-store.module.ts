import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { upcasters } from './upcasters';

/** Provides the configured event store adapter and closes it cleanly on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<EventStore> | EventStore =>
        createEventStore({
          dataDir: config.dataDir,
          eventStoreConnectionString: config.eventStoreConnectionString,
          upcasters,
        }),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  private readonly logger = new Logger(EventStoreModule.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log('event store closed');
  }
}
