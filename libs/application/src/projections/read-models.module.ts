import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  OrganizationDirectoryProjection,
  OrganizationHistoryProjection,
  OrganizationHistoryReader,
  OrganizationIndexProjection,
  OrganizationIndexReader,
  ProjectionRunner,
  openReadModelDatabase,
} from '@app/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReadModels } from './read-models';

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

const logger = new Logger('ReadModels');

/**
 * The read-model database (`<DATA_DIR>/read-models.db`, also with EventStoreDB) and its runner.
 * The runner starts on first need (a query) or when the api starts it, so cli commands that
 * never read a projection do not pay for a catch-up.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_DATABASE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Database.Database =>
        openReadModelDatabase({ dataDir: config.dataDir }),
    },
    {
      provide: ReadModels,
      inject: [EVENT_STORE, READ_MODEL_DATABASE],
      useFactory: (store: EventStore, database: Database.Database): ReadModels => {
        const runner = new ProjectionRunner({
          store,
          database,
          projections: [
            new OrganizationIndexProjection(),
            new OrganizationDirectoryProjection(),
            new OrganizationHistoryProjection(),
          ],
          onError: (error) => {
            logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
          },
        });
        return new ReadModels(
          runner,
          () => new OrganizationIndexReader(database),
          () => new OrganizationHistoryReader(database),
        );
      },
    },
  ],
  exports: [ReadModels],
})
export class ReadModelsModule implements OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(READ_MODEL_DATABASE) private readonly database: Database.Database,
  ) {}

  /** Before the event store closes (that happens at application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.readModels.runner.close();
  }

  onApplicationShutdown(): void {
    this.database.close();
  }
}
