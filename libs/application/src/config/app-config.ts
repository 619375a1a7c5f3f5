import path from 'node:path';

/** Runtime configuration, read once from the environment (docs/reference/running.md). */
export interface AppConfig {
  port: number;
  dataDir: string;
  adminToken: string | undefined;
  eventStoreConnectionString: string | undefined;
  /** DATABASE_URL: the PostgreSQL event store shared by api replicas. */
  databaseUrl: string | undefined;
  rateLimitPerMinute: number;
  production: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

function integerFrom(
  environment: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  minimum: number,
): number {
  const raw = environment[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) {
    throw new ConfigurationError(`${name} must be an integer >= ${minimum}, got "${raw}"`);
  }
  return value;
}

export function loadAppConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const connectionString = environment.EVENTSTORE_CONNECTION_STRING?.trim();
  const adminToken = environment.ADMIN_TOKEN?.trim();
  const databaseUrl = environment.DATABASE_URL?.trim();
  return {
    port: integerFrom(environment, 'PORT', 3000, 0),
    dataDir: path.resolve(environment.DATA_DIR?.trim() || './data'),
    adminToken: adminToken === '' ? undefined : adminToken,
    eventStoreConnectionString: connectionString === '' ? undefined : connectionString,
    databaseUrl: databaseUrl === '' ? undefined : databaseUrl,
    rateLimitPerMinute: integerFrom(environment, 'RATE_LIMIT_PER_MINUTE', 6000, 0),
    production: environment.NODE_ENV === 'production',
  };
}
