import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createKeyStore, KEY_STORE, type KeyStore } from '@app/key-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PersonalData } from './personal-data';

const backgroundLogger = new Logger('KeyStore');

/**
 * The key store beside the configured event store (ADR 0012): PostgreSQL tables when
 * DATABASE_URL is set, else its own SQLite file, <DATA_DIR>/keys.db (also with EventStoreDB).
 */
@Global()
@Module({
  providers: [
    {
      provide: KEY_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<KeyStore> =>
        createKeyStore({
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl ?? null,
          applicationName: `maturity-keys:${process.pid}`,
          onBackgroundError: (error) => {
            backgroundLogger.warn(
              `key store connection: ${error instanceof Error ? error.message : String(error)}`,
            );
          },
        }),
    },
    PersonalData,
  ],
  exports: [KEY_STORE, PersonalData],
})
export class PersonalDataModule implements OnApplicationShutdown {
  constructor(@Inject(KEY_STORE) private readonly keys: KeyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
