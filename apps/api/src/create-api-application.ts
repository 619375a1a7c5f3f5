import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig, Clock } from '@app/application';
import { ApiModule } from './api.module';

/** Builds the api (used by main and by the e2e tests, which listen on a free port). */
export async function createApiApplication(config: AppConfig, clock?: Clock): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, clock), {
    logger: process.env.LOG_LEVEL === 'silent' ? false : ['log', 'warn', 'error'],
    bodyParser: true,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.enableShutdownHooks();
  return app;
}
