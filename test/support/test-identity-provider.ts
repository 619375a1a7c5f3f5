// A small OpenID Connect provider for the tests, on loopback: discovery, a key set that can rotate
// or go away, the authorization code flow with PKCE (a real login page a browser fills in),
// refresh tokens and sign-out. Access tokens are JWTs (RFC 9068) signed with RS256, carrying the
// user's roles and organisations in the claims the api is configured to read.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { OidcConfig } from '@app/application';

export interface TestUser {
  subject: string;
  name: string;
  /** Written as they stand into the roles claim: a list, or a space-separated string. */
  roles?: string[] | string;
  organizations?: string[] | string;
}

interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  publicJwk: JWK;
}

interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string | null;
  user: TestUser;
}

export interface AccessTokenOptions {
  /** Default: the provider's audience. */
  audience?: string;
  /** Default: the provider's issuer. */
  issuer?: string;
  /** Seconds from now; negative: already expired. Default 300. */
  expiresIn?: number;
  /** Not valid before this many seconds from now. */
  notBefore?: number;
  /** Sign with a key the provider does not publish. */
  unpublishedKey?: boolean;
  /** The claims of the token besides iss, aud, iat, exp (sub, roles, ...). */
  claims: JWTPayload;
}

export type Endpoint = 'discovery' | 'keys';

export interface TestIdentityProvider {
  issuer: string;
  audience: string;
  /** Requests the provider answered, newest last (`POST /token refresh_token`, `GET /jwks`, ...). */
  readonly requests: string[];
  /** A signed access token, as the provider issues it, or deliberately wrong. */
  accessToken(options: AccessTokenOptions): Promise<string>;
  /** The access token of a user, as the token endpoint would issue it. */
  accessTokenFor(user: TestUser, options?: Omit<AccessTokenOptions, 'claims'>): Promise<string>;
  /** Publishes a new signing key and signs with it from now on; the old key is withdrawn. */
  rotateKeys(): Promise<void>;
  /** false: these endpoints answer 503, as a provider that is down (default: discovery and the key set). */
  setAvailable(available: boolean, endpoints?: readonly Endpoint[]): void;
  /** A client of the authorization code flow (public, PKCE), with its exact redirect addresses. */
  registerClient(clientId: string, redirectUris: string[]): void;
  /** Lifetime of the access tokens the token endpoint issues (seconds). */
  setAccessTokenLifetime(seconds: number): void;
  close(): Promise<void>;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `key-${randomUUID()}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');
const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

export async function startTestIdentityProvider(
  options: { audience?: string; users?: TestUser[]; rolesClaim?: string; organizationsClaim?: string } = {},
): Promise<TestIdentityProvider> {
  const audience = options.audience ?? 'urn:maturity:api';
  const rolesClaim = options.rolesClaim ?? 'roles';
  const organizationsClaim = options.organizationsClaim ?? 'organizations';
  const users = new Map((options.users ?? []).map((user) => [user.subject, user]));
  const clients = new Map<string, string[]>();
  const codes = new Map<string, AuthorizationRequest>();
  const refreshTokens = new Map<string, AuthorizationRequest>();
  const requests: string[] = [];
  let signing = await newSigningKey();
  const unpublished = await newSigningKey();
  const down = new Set<Endpoint>();
  let accessTokenLifetime = 300;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function accessToken(tokenOptions: AccessTokenOptions): Promise<string> {
    const key = tokenOptions.unpublishedKey ? unpublished : signing;
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(tokenOptions.claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt' })
      .setIssuer(tokenOptions.issuer ?? issuer)
      .setAudience(tokenOptions.audience ?? audience)
      .setIssuedAt(now)
      .setJti(randomUUID())
      .setExpirationTime(now + (tokenOptions.expiresIn ?? 300));
    if (tokenOptions.notBefore !== undefined) jwt.setNotBefore(now + tokenOptions.notBefore);
    return jwt.sign(key.privateKey);
  }

  const claimsOf = (user: TestUser): JWTPayload => ({
    sub: user.subject,
    name: user.name,
    ...(user.roles === undefined ? {} : { [rolesClaim]: user.roles }),
    ...(user.organizations === undefined ? {} : { [organizationsClaim]: user.organizations }),
  });

  async function tokensFor(grant: AuthorizationRequest): Promise<Record<string, unknown>> {
    const refreshToken = base64url(randomBytes(32));
    refreshTokens.set(refreshToken, grant);
    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({
      name: grant.user.name,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: signing.kid })
      .setIssuer(issuer)
      .setSubject(grant.user.subject)
      .setAudience(grant.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + accessTokenLifetime)
      .sign(signing.privateKey);
    return {
      access_token: await accessToken({ claims: claimsOf(grant.user), expiresIn: accessTokenLifetime }),
      token_type: 'Bearer',
      expires_in: accessTokenLifetime,
      refresh_token: refreshToken,
      id_token: idToken,
      scope: grant.scope,
    };
  }

  function loginPage(query: URLSearchParams): string {
    const hidden = [...query.entries()]
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('');
    const choices = [...users.values()]
      .map((user) => `<option value="${escapeHtml(user.subject)}">${escapeHtml(user.name)}</option>`)
      .join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1><form method="post" action="/authorize">${hidden}
<label>Who are you? <select name="user">${choices}</select></label>
<button type="submit">Continue</button></form></main></body></html>`;
  }

  async function authorize(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const query = request.method === 'POST' ? await formOf(request) : url.searchParams;
    const clientId = query.get('client_id') ?? '';
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!clients.get(clientId)?.includes(redirectUri)) {
      send(response, 400, { error: 'invalid_request', error_description: 'unknown client or redirect_uri' });
      return;
    }
    if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256') {
      send(response, 400, { error: 'invalid_request', error_description: 'code flow with PKCE S256 only' });
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(loginPage(query));
      return;
    }
    const user = users.get(query.get('user') ?? '');
    if (user === undefined) {
      send(response, 400, { error: 'access_denied' });
      return;
    }
    const code = base64url(randomBytes(24));
    codes.set(code, {
      clientId,
      redirectUri,
      codeChallenge: query.get('code_challenge') ?? '',
      scope: query.get('scope') ?? 'openid',
      nonce: query.get('nonce'),
      user,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('iss', issuer);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    response.writeHead(303, { location: target.href });
    response.end();
  }

  async function token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = await formOf(request);
    const grantType = form.get('grant_type');
    requests.push(`POST /token ${grantType}`);
    const cors = { 'access-control-allow-origin': '*' };
    if (grantType === 'authorization_code') {
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = base64url(createHash('sha256').update(verifier).digest());
      if (
        grant === undefined ||
        grant.clientId !== form.get('client_id') ||
        grant.redirectUri !== form.get('redirect_uri') ||
        grant.codeChallenge !== challenge
      ) {
        send(response, 400, { error: 'invalid_grant' }, cors);
        return;
      }
      send(response, 200, await tokensFor(grant), cors);
      return;
    }
    if (grantType === 'refresh_token') {
      const grant = refreshTokens.get(form.get('refresh_token') ?? '');
      refreshTokens.delete(form.get('refresh_token') ?? '');
      if (grant === undefined || grant.clientId !== form.get('client_id')) {
        send(response, 400, { error: 'invalid_grant' }, cors);
        return;
      }
      send(response, 200, await tokensFor(grant), cors);
      return;
    }
    send(response, 400, { error: 'unsupported_grant_type' }, cors);
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', issuer);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, authorization, accept, dpop',
      });
      response.end();
      return;
    }
    const handle = async (): Promise<void> => {
      switch (url.pathname) {
        case '/.well-known/openid-configuration':
          requests.push('GET discovery');
          if (down.has('discovery')) {
            send(response, 503, { error: 'temporarily_unavailable' });
            return;
          }
          {
            send(
              response,
              200,
              {
                issuer,
                authorization_endpoint: `${issuer}/authorize`,
                token_endpoint: `${issuer}/token`,
                jwks_uri: `${issuer}/jwks`,
                end_session_endpoint: `${issuer}/logout`,
                response_types_supported: ['code'],
                grant_types_supported: ['authorization_code', 'refresh_token'],
                code_challenge_methods_supported: ['S256'],
                subject_types_supported: ['public'],
                id_token_signing_alg_values_supported: ['RS256'],
                token_endpoint_auth_methods_supported: ['none'],
                scopes_supported: ['openid', 'profile', 'offline_access'],
              },
              { 'access-control-allow-origin': '*' },
            );
            return;
          }
        case '/jwks':
          requests.push('GET /jwks');
          if (down.has('keys')) {
            send(response, 503, { error: 'temporarily_unavailable' });
            return;
          }
          {
            send(response, 200, { keys: [signing.publicJwk] }, { 'access-control-allow-origin': '*' });
            return;
          }
        case '/authorize':
          return authorize(request, response, url);
        case '/token':
          return token(request, response);
        case '/logout': {
          requests.push('GET /logout');
          const target = url.searchParams.get('post_logout_redirect_uri');
          const registered = [...clients.values()].flat();
          if (target === null || !registered.includes(target)) {
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end('<!doctype html><title>Signed out</title><p>You are signed out.</p>');
            return;
          }
          response.writeHead(303, { location: target });
          response.end();
          return;
        }
        default:
          send(response, 404, { error: 'not_found' });
      }
    };
    handle().catch((error: unknown) => {
      send(response, 500, { error: 'server_error', error_description: String(error) });
    });
  });

  return {
    issuer,
    audience,
    requests,
    accessToken,
    accessTokenFor: (user, tokenOptions = {}) => accessToken({ ...tokenOptions, claims: claimsOf(user) }),
    async rotateKeys() {
      signing = await newSigningKey();
    },
    setAvailable(available, endpoints = ['discovery', 'keys']) {
      for (const endpoint of endpoints) {
        if (available) down.delete(endpoint);
        else down.add(endpoint);
      }
    },
    registerClient(clientId, redirectUris) {
      clients.set(clientId, redirectUris);
    },
    setAccessTokenLifetime(seconds) {
      accessTokenLifetime = seconds;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

/** The api's configuration for this provider (what OIDC_ISSUER, OIDC_AUDIENCE, ... would give). */
export function oidcConfigOf(
  provider: TestIdentityProvider,
  overrides: Partial<OidcConfig> = {},
): OidcConfig {
  return {
    issuer: provider.issuer,
    audience: provider.audience,
    rolesClaim: 'roles',
    organizationsClaim: 'organizations',
    clientId: null,
    scope: 'openid profile offline_access',
    ...overrides,
  };
}
