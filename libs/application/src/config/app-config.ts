import { availableParallelism } from 'node:os';
import path from 'node:path';

/** Runtime configuration, read once from the environment (docs/reference/running.md). */
export interface AppConfig {
  port: number;
  /** HOST: the address the api listens on (loopback unless set; 0.0.0.0 for every interface). */
  host: string;
  dataDir: string;
  adminToken: string | undefined;
  eventStoreConnectionString: string | undefined;
  /** DATABASE_URL: the PostgreSQL event store shared by api replicas. */
  databaseUrl: string | undefined;
  rateLimitPerMinute: number;
  /** Requests with a missing or bad credential one client address may send per minute (0: off). */
  failedAuthenticationsPerMinute: number;
  /** TRUST_PROXY: Express's `trust proxy` (which proxies may name the client address); null: none. */
  trustProxy: string | null;
  /** Open maturityChanged subscriptions one API token may hold. */
  subscriptionsPerToken: number;
  /** Open subscriptions this process holds in all. */
  subscriptionsPerProcess: number;
  /** Worker threads for heavy work (portfolio, Monte Carlo). */
  heavyWorkThreads: number;
  /** Heavy tasks waiting for a thread, at most; one more is refused (SERVICE_UNAVAILABLE). */
  heavyWorkQueue: number;
  /** Heavy tasks one API token may run or queue at once; one more is refused (TOO_MANY_REQUESTS). */
  heavyWorkPerToken: number;
  production: boolean;
  /** Signing in with the organisation's identity provider; null when OIDC_ISSUER is not set. */
  oidc: OidcConfig | null;
}

/** OpenID Connect: which access tokens the api accepts beside API tokens, and how the page signs in. */
export interface OidcConfig {
  /** OIDC_ISSUER: the identity provider's issuer URL; its discovery document names the signing keys. */
  issuer: string;
  /** OIDC_AUDIENCE: an access token must name it in `aud` (the api's identifier at the provider). */
  audience: string;
  /** OIDC_ROLES_CLAIM (default `roles`): the claim holding the user's roles. */
  rolesClaim: string;
  /** OIDC_ORGANIZATIONS_CLAIM (default `organizations`): the claim holding the organisations the user reaches. */
  organizationsClaim: string;
  /** OIDC_CLIENT_ID: the dashboard's client at the provider; null: the page offers no SSO sign-in. */
  clientId: string | null;
  /** OIDC_SCOPE: what the page asks the provider for (space-separated). */
  scope: string;
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

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https URL, or http on this machine only (a provider run for development or tests). */
function issuerFrom(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(
      `OIDC_ISSUER must be a URL such as https://login.example.com/realm, got "${raw}"`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
    throw new ConfigurationError(`OIDC_ISSUER must use https (http only on localhost), got "${raw}"`);
  return raw;
}

const setting = (environment: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = environment[name]?.trim();
  return value === '' ? undefined : value;
};

function oidcFrom(environment: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = setting(environment, 'OIDC_ISSUER');
  const clientId = setting(environment, 'OIDC_CLIENT_ID');
  if (issuer === undefined) {
    for (const name of ['OIDC_AUDIENCE', 'OIDC_CLIENT_ID'])
      if (setting(environment, name) !== undefined)
        throw new ConfigurationError(`${name} is set but OIDC_ISSUER is not: set both, or neither`);
    return null;
  }
  const audience = setting(environment, 'OIDC_AUDIENCE');
  if (audience === undefined)
    throw new ConfigurationError(
      "OIDC_AUDIENCE is required with OIDC_ISSUER: the api's identifier at the identity provider, which every access token must name",
    );
  return {
    issuer: issuerFrom(issuer),
    audience,
    rolesClaim: setting(environment, 'OIDC_ROLES_CLAIM') ?? 'roles',
    organizationsClaim: setting(environment, 'OIDC_ORGANIZATIONS_CLAIM') ?? 'organizations',
    clientId: clientId ?? null,
    scope: setting(environment, 'OIDC_SCOPE') ?? 'openid profile offline_access',
  };
}

/** An adopted ADMIN_TOKEN must be at least this long: it is the key to everything. */
export const MINIMUM_ADMIN_TOKEN_LENGTH = 24;

export function loadAppConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const connectionString = environment.EVENTSTORE_CONNECTION_STRING?.trim();
  const adminToken = environment.ADMIN_TOKEN?.trim();
  if (adminToken !== undefined && adminToken !== '' && adminToken.length < MINIMUM_ADMIN_TOKEN_LENGTH) {
    throw new ConfigurationError(
      `ADMIN_TOKEN must be at least ${MINIMUM_ADMIN_TOKEN_LENGTH} characters (it has ${adminToken.length}): use a long random secret, e.g. the output of \`openssl rand -base64 32\`, or leave it unset and keep the token the first start prints`,
    );
  }
  const databaseUrl = environment.DATABASE_URL?.trim();
  return {
    port: integerFrom(environment, 'PORT', 3000, 0),
    host: setting(environment, 'HOST') ?? '127.0.0.1',
    dataDir: path.resolve(environment.DATA_DIR?.trim() || './data'),
    adminToken: adminToken === '' ? undefined : adminToken,
    eventStoreConnectionString: connectionString === '' ? undefined : connectionString,
    databaseUrl: databaseUrl === '' ? undefined : databaseUrl,
    rateLimitPerMinute: integerFrom(environment, 'RATE_LIMIT_PER_MINUTE', 6000, 0),
    failedAuthenticationsPerMinute: integerFrom(environment, 'FAILED_AUTHENTICATIONS_PER_MINUTE', 30, 0),
    trustProxy: setting(environment, 'TRUST_PROXY') ?? null,
    subscriptionsPerToken: integerFrom(environment, 'SUBSCRIPTIONS_PER_TOKEN', 100, 1),
    subscriptionsPerProcess: integerFrom(environment, 'SUBSCRIPTIONS_PER_PROCESS', 2000, 1),
    heavyWorkThreads: integerFrom(
      environment,
      'HEAVY_WORK_THREADS',
      Math.max(1, availableParallelism() - 1),
      1,
    ),
    heavyWorkQueue: integerFrom(environment, 'HEAVY_WORK_QUEUE', 32, 1),
    heavyWorkPerToken: integerFrom(environment, 'HEAVY_WORK_PER_TOKEN', 2, 1),
    production: environment.NODE_ENV === 'production',
    oidc: oidcFrom(environment),
  };
}

/**
 * The setting that names where the events are, for messages telling an operator to run another
 * command against the same store: PostgreSQL and EventStoreDB stores are not in DATA_DIR.
 */
export function storeSettingOf(
  config: AppConfig,
): 'DATABASE_URL' | 'EVENTSTORE_CONNECTION_STRING' | 'DATA_DIR' {
  if (config.databaseUrl !== undefined) return 'DATABASE_URL';
  if (config.eventStoreConnectionString !== undefined) return 'EVENTSTORE_CONNECTION_STRING';
  return 'DATA_DIR';
}

/** Where this process keeps its data, for the start-up log: the events, and the read models beside them. */
export function describeDataLocation(config: AppConfig): string {
  switch (storeSettingOf(config)) {
    case 'DATABASE_URL':
      return `events in PostgreSQL (DATABASE_URL), read models in ${config.dataDir}`;
    case 'EVENTSTORE_CONNECTION_STRING':
      return `events in EventStoreDB (EVENTSTORE_CONNECTION_STRING), read models in ${config.dataDir}`;
    case 'DATA_DIR':
      return `data in ${config.dataDir}`;
  }
}
