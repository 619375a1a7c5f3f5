import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import {
  AdminTokenBootstrap,
  type AdminTokenOutcome,
  describeDataLocation,
  loadAppConfig,
  storeSettingOf,
} from '@app/application';
import { createApiApplication } from './create-api-application';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApplication(config);
  await app.listen(config.port, config.host);
  // PORT=0 picks a free port: say which (tests and scripts read this line).
  const { port } = app.getHttpServer().address() as AddressInfo;
  const address = `http://${reachableHost(config.host)}:${port}`;
  const outcome = app.get(AdminTokenBootstrap, { strict: false }).outcome;
  process.stdout.write(
    `api listening on ${address}\n${describeAdminToken(outcome, address, storeSettingOf(config))}\n`,
  );
  new Logger('api').log(
    `serving ${address} (GraphQL at ${address}/graphql, ${describeDataLocation(config)})`,
  );
}

/** Where a browser on this machine reaches the api: loopback when it listens on every interface. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function describeAdminToken(
  outcome: AdminTokenOutcome | null,
  address: string,
  storeSetting: string,
): string {
  switch (outcome?.kind) {
    case 'created':
      return [
        `admin token (shown once, keep it): ${outcome.token}`,
        `dashboard: ${address}/#token=${encodeURIComponent(outcome.token)}`,
      ].join('\n');
    case 'adopted':
      return 'admin token: ADMIN_TOKEN from the environment (adopted by this new store)';
    case 'already-issued':
      // Only its hash is kept, so it cannot be shown again: say how to get a new one.
      return [
        outcome.adminTokenMatches === false
          ? "admin token: issued earlier; ADMIN_TOKEN is not one of this store's tokens and was ignored"
          : 'admin token: issued earlier (printed when this store was created, or the ADMIN_TOKEN adopted then)',
        `lost it? with the same ${storeSetting}: npm run cli -- token issue --role ADMIN (prints a new one once)`,
      ].join('\n');
    case undefined:
      return 'admin token: none issued by this process';
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
