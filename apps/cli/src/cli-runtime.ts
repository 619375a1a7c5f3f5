import 'reflect-metadata';
import { type INestApplicationContext, type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApplicationModule, loadAppConfig, type AppConfig } from '@app/application';

@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [ApplicationModule.forRoot(config)] };
  }
}

/**
 * Runs a command inside the same Nest modules the api uses (not a second implementation), then
 * closes the store cleanly.
 */
export async function withApplication<T>(work: (app: INestApplicationContext, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadAppConfig();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    return await work(app, config);
  } finally {
    await app.close();
  }
}
