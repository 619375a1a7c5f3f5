import 'reflect-metadata';
import { type INestApplicationContext, type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AdminTokenBootstrap,
  ApplicationModule,
  type ApplicationOptions,
  loadAppConfig,
  type AppConfig,
} from '@app/application';

@Module({})
class CliModule {
  static forRoot(config: AppConfig, options: ApplicationOptions = {}): DynamicModule {
    return { module: CliModule, imports: [ApplicationModule.forRoot(config, undefined, options)] };
  }
}

export interface CliApplicationOptions extends ApplicationOptions {
  /** Another data directory than DATA_DIR (restore checks a backup copy there). */
  dataDir?: string;
}

/**
 * Runs a command inside the same Nest modules the api uses (not a second implementation), then
 * closes the store cleanly.
 */
export async function withApplication<T>(
  work: (app: INestApplicationContext, config: AppConfig) => Promise<T>,
  options: CliApplicationOptions = {},
): Promise<T> {
  const { dataDir, ...applicationOptions } = options;
  const loaded = loadAppConfig();
  const config = dataDir === undefined ? loaded : { ...loaded, dataDir };
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, applicationOptions), {
    logger: ['error', 'warn'],
    // A start-up failure (a locked or damaged store) reaches main, which gives it its exit code.
    abortOnError: false,
  });
  announceCreatedAdminToken(app);
  try {
    return await work(app, config);
  } finally {
    await app.close();
  }
}

/** The cli was the first process on an empty store without ADMIN_TOKEN: the token it created is shown this once. */
function announceCreatedAdminToken(app: INestApplicationContext): void {
  let bootstrap: AdminTokenBootstrap;
  try {
    bootstrap = app.get(AdminTokenBootstrap, { strict: false });
  } catch {
    return; // Started without start-up writes (import, restore): no token was issued.
  }
  const outcome = bootstrap.outcome;
  if (outcome?.kind === 'created') console.warn(`admin token (shown once, keep it): ${outcome.token}`);
}
