import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createEventStore, EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { upcasters } from './upcasters';

const backgroundLogger = new Logger('EventStore');

/** The configured adapter, opened from AppConfig. */
const configuredStore = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Promise<EventStore> | EventStore =>
    createEventStore({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      eventStoreConnectionString: config.eventStoreConnectionString,
      upcasters,
      applicationName: `maturity:${process.pid}`,
      onBackgroundError: (error) => {
        backgroundLogger.warn(
          `event store connection: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    }),
};

/** Provides the event store (the configured adapter, or the one given) and closes it cleanly on shutdown. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  private readonly logger = new Logger(EventStoreModule.name);

  /** `store`: use this one instead of the configured adapter (the demo records its history in memory). */
  static forRoot(store?: EventStore): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [store === undefined ? configuredStore : { provide: EVENT_STORE, useValue: store }],
      exports: [EVENT_STORE],
    };
  }

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log('event store closed');
  }
}
