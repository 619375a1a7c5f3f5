import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadAppConfig } from '@app/application';
import { createApiApplication } from './create-api-application';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApplication(config);
  await app.listen(config.port);
  const address = `http://localhost:${config.port}`;
  new Logger('api').log(`serving ${address} (GraphQL at ${address}/graphql, data in ${config.dataDir})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
