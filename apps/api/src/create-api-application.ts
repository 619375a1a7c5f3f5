import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig, Clock } from '@app/application';
import { ApiModule } from './api.module';
import { createRootLogger, PinoNestLogger, requestLogging } from './observability/logging';
import { httpMetrics } from './observability/http-metrics';
import { dashboardDirectory } from './dashboard/dashboard-files';
import { identityProviderOrigin } from './auth/sign-in-options.controller';
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets } from './graphql/graphiql/graphiql-page';
import { securityHeaders } from './http/security-headers';
import { MAX_REQUEST_BODY_BYTES, requestBodyErrors } from './http/request-body';

/** TRUST_PROXY as Express reads it: `true`, a number of hops, or addresses and subnets. */
function trustProxyValue(setting: string): boolean | number | string {
  if (setting === 'true') return true;
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

/** Builds the api (used by main and by the e2e tests, which listen on a free port). */
export async function createApiApplication(
  config: AppConfig,
  clock?: Clock,
): Promise<NestExpressApplication> {
  const rootLogger = createRootLogger();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, clock), {
    logger: process.env.LOG_LEVEL === 'silent' ? false : new PinoNestLogger(rootLogger),
    bodyParser: true,
    // A start-up failure (read-only DATA_DIR, locked store) reaches main, which prints it even when logs are silent.
    abortOnError: false,
  });
  // Behind a proxy, the client's address (throttle on failed authentication) is the one the proxy names.
  if (config.trustProxy !== null) app.set('trust proxy', trustProxyValue(config.trustProxy));
  app.use(requestLogging(rootLogger), httpMetrics(), securityHeaders(identityProviderOrigin(config.oidc)));
  if (!config.production) app.use(GRAPHIQL_ASSETS_PATH, graphiqlAssets());
  app.useBodyParser('json', { limit: MAX_REQUEST_BODY_BYTES });
  app.use(requestBodyErrors());
  // The dashboard's files are public; the data it shows comes from /graphql with a token.
  // `/rate` is the rater's questionnaire (rate.html), the page an invitation's link opens.
  const dashboard = dashboardDirectory();
  if (dashboard !== null) app.useStaticAssets(dashboard, { index: 'index.html', extensions: ['html'] });
  app.enableShutdownHooks();
  return app;
}
