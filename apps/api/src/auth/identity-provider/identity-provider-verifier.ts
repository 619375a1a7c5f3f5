import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import {
  APP_CONFIG,
  type AppConfig,
  AUTH_ERROR_CODES,
  type IdentityProviderPrincipal,
  type OidcConfig,
} from '@app/application';
import { IdentityProviderUnavailableError, unauthenticated } from '../access-errors';
import { principalFromClaims } from './identity-provider-claims';

/** Asymmetric signatures only: `none` and HMAC (which a public key could forge) never pass. */
const SIGNATURE_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
/** Clocks of the api and the provider may differ by this much for `exp` and `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 30;
const FETCH_TIMEOUT_MS = 5000;
/** An unknown key id fetches the key set again at most this often (a rotated key is found within it). */
const KEY_SET_COOLDOWN_MS = 5000;
/** Keys are fetched again after this long even when every token's key is known. */
const KEY_SET_MAX_AGE_MS = 10 * 60_000;
/** After a failed discovery, callers are answered at once for this long instead of each waiting on the provider. */
const DISCOVERY_RETRY_MS = 2000;

interface Discovered {
  issuer: string;
  keys: JWTVerifyGetKey;
}

/** Errors of the token itself (answered UNAUTHENTICATED); anything else is the provider's trouble. */
const TOKEN_ERRORS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

function reasonOf(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired: sign in again';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The access token was not made for this api (${error.claim}: ${error.message})`;
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'The access token is signed with a key the identity provider does not publish';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return `The access token's signature algorithm is not accepted (only ${SIGNATURE_ALGORITHMS.join(', ')})`;
  return 'The access token is malformed or its signature does not verify';
}

/**
 * Verifies OpenID Connect access tokens: the issuer and its key set come from the provider's
 * discovery document (fetched on first use, so the api starts while the provider is away); the
 * keys are cached and fetched again for an unknown key id, which is how a rotation is picked up.
 */
@Injectable()
export class IdentityProviderVerifier {
  private readonly logger = new Logger('IdentityProvider');
  private readonly config: OidcConfig | null;
  private discovered: Discovered | null = null;
  private discovering: Promise<Discovered> | null = null;
  private lastFailure: { at: number; error: IdentityProviderUnavailableError } | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.config = config.oidc;
  }

  get enabled(): boolean {
    return this.config !== null;
  }

  /** The principal of a valid token; UNAUTHENTICATED, FORBIDDEN or IdentityProviderUnavailableError otherwise. */
  async verify(token: string): Promise<IdentityProviderPrincipal> {
    const config = this.config;
    if (config === null) {
      throw unauthenticated(
        'This api accepts API tokens only: sign-in with an identity provider is not configured (OIDC_ISSUER)',
        AUTH_ERROR_CODES.oidcNotConfigured,
      );
    }
    const { issuer, keys } = await this.discover(config);
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience: config.audience,
        algorithms: SIGNATURE_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload, config, payload.exp ?? 0);
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_ERRORS.has(error.code))
        throw unauthenticated(reasonOf(error), AUTH_ERROR_CODES.invalidAccessToken);
      throw error;
    }
  }

  private async discover(config: OidcConfig): Promise<Discovered> {
    if (this.discovered !== null) return this.discovered;
    if (this.lastFailure !== null && Date.now() - this.lastFailure.at < DISCOVERY_RETRY_MS)
      throw this.lastFailure.error;
    this.discovering ??= this.fetchDiscovery(config).finally(() => {
      this.discovering = null;
    });
    return this.discovering;
  }

  private async fetchDiscovery(config: OidcConfig): Promise<Discovered> {
    const address = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    try {
      const response = await fetch(address, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`it answered HTTP ${response.status}`);
      const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
      // OpenID Connect Discovery: the document's issuer must be exactly the one configured.
      if (document.issuer !== config.issuer)
        throw new Error(`its issuer is ${JSON.stringify(document.issuer)}, not OIDC_ISSUER ${config.issuer}`);
      if (typeof document.jwks_uri !== 'string') throw new Error('it names no jwks_uri');
      this.discovered = { issuer: document.issuer, keys: this.keySet(new URL(document.jwks_uri)) };
      this.lastFailure = null;
      return this.discovered;
    } catch (cause) {
      const error = new IdentityProviderUnavailableError(
        `The identity provider's discovery document (${address}) could not be used: ${messageOf(cause)}`,
      );
      this.logger.warn(error.message);
      this.lastFailure = { at: Date.now(), error };
      throw error;
    }
  }

  /** jose's remote key set, with a failure to fetch it told apart from a token's unknown key. */
  private keySet(address: URL): JWTVerifyGetKey {
    const remote = createRemoteJWKSet(address, {
      timeoutDuration: FETCH_TIMEOUT_MS,
      cooldownDuration: KEY_SET_COOLDOWN_MS,
      cacheMaxAge: KEY_SET_MAX_AGE_MS,
    });
    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof errors.JOSEError && TOKEN_ERRORS.has(error.code)) throw error;
        const unavailable = new IdentityProviderUnavailableError(
          `The identity provider's signing keys (${address.href}) could not be fetched: ${messageOf(error)}`,
        );
        this.logger.warn(unavailable.message);
        throw unavailable;
      }
    };
  }
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
