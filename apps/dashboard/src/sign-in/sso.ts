// "Sign in with SSO": the authorization code flow with PKCE against the organisation's identity
// provider (oauth4webapi), the tokens kept for this tab, refreshed before they expire, and sign-out
// at the provider. The api tells the page whether SSO is on (GET /auth/sign-in-options).
import * as oauth from 'oauth4webapi';

export interface SsoOptions {
  issuer: string;
  clientId: string;
  scope: string;
}

/** What a signed-in SSO tab keeps (session storage: gone when the tab closes). */
export interface SsoSession {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds: when the access token was issued, to refresh at a share of its lifetime. */
  issuedAt: number;
}

const sessionKey = 'ccm.sso';
const pendingKey = 'ccm.sso.pending';

interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** Where the provider sends the browser back: the dashboard itself (register it at the provider). */
export const redirectUri = (): string => `${window.location.origin}/`;

export async function loadSsoOptions(): Promise<SsoOptions | null> {
  try {
    const response = await fetch('/auth/sign-in-options', { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { sso?: SsoOptions | null };
    return body.sso ?? null;
  } catch {
    return null;
  }
}

// http is allowed only for a provider on this machine (the api refuses other http issuers):
// development and the tests. oauth4webapi marks the switch deprecated to make it stand out.
const requestOptions = (options: SsoOptions) =>
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  new URL(options.issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};

const client = (options: SsoOptions): oauth.Client => ({ client_id: options.clientId });

async function discover(options: SsoOptions): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(options.issuer);
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, requestOptions(options)),
  );
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export const loadSsoSession = (): SsoSession | null => read(sessionKey) as SsoSession | null;

function saveSsoSession(session: SsoSession): void {
  try {
    storage()?.setItem(sessionKey, JSON.stringify(session));
  } catch {
    // A full or disabled storage: the session lasts as long as the page.
  }
}

export function forgetSsoSession(): void {
  storage()?.removeItem(sessionKey);
  storage()?.removeItem(pendingKey);
}

/** Leaves for the provider's sign-in page; it comes back to the dashboard with a code. */
export async function startSsoSignIn(options: SsoOptions): Promise<void> {
  const server = await discover(options);
  if (!server.authorization_endpoint)
    throw new Error('The identity provider names no authorization endpoint.');
  const pending: PendingSignIn = {
    codeVerifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
  };
  storage()?.setItem(pendingKey, JSON.stringify(pending));
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', options.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  window.location.assign(url.href);
}

/** True when the address is the provider's answer to our sign-in (a code or an error, and our state). */
export function isSsoCallback(): boolean {
  const query = new URLSearchParams(window.location.search);
  return (query.has('code') || query.has('error')) && query.has('state');
}

function sessionFrom(result: oauth.TokenEndpointResponse, previous: SsoSession | null): SsoSession {
  const now = Date.now();
  return {
    accessToken: result.access_token,
    // A provider that does not rotate refresh tokens answers without one: keep the one we have.
    refreshToken: result.refresh_token ?? previous?.refreshToken ?? null,
    idToken: result.id_token ?? previous?.idToken ?? null,
    expiresAt: now + (result.expires_in ?? 300) * 1000,
    issuedAt: now,
  };
}

/** Exchanges the code the provider sent back for tokens, then clears the address bar. */
export async function completeSsoSignIn(options: SsoOptions): Promise<SsoSession> {
  const here = new URL(window.location.href);
  // The code is single-use: never leave it in the address or the history.
  window.history.replaceState(window.history.state, '', window.location.pathname);
  const pending = read(pendingKey) as PendingSignIn | null;
  storage()?.removeItem(pendingKey);
  const providerError = here.searchParams.get('error');
  if (providerError !== null) {
    const description = here.searchParams.get('error_description');
    throw new Error(
      `The identity provider refused the sign-in (${providerError}${description ? `: ${description}` : ''}).`,
    );
  }
  if (pending === null) throw new Error('This sign-in was not started from this tab: start it again.');
  const server = await discover(options);
  const parameters = oauth.validateAuthResponse(server, client(options), here, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client(options),
    oauth.None(),
    parameters,
    redirectUri(),
    pending.codeVerifier,
    requestOptions(options),
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client(options), response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  const session = sessionFrom(result, null);
  saveSsoSession(session);
  return session;
}

/** New tokens for the refresh token; throws when the provider no longer accepts it. */
export async function refreshSsoSession(options: SsoOptions, current: SsoSession): Promise<SsoSession> {
  if (current.refreshToken === null) throw new Error('The identity provider gave no refresh token.');
  const server = await discover(options);
  const response = await oauth.refreshTokenGrantRequest(
    server,
    client(options),
    oauth.None(),
    current.refreshToken,
    requestOptions(options),
  );
  const session = sessionFrom(
    await oauth.processRefreshTokenResponse(server, client(options), response),
    current,
  );
  saveSsoSession(session);
  return session;
}

/** When to refresh: after four fifths of the token's lifetime, so a slow provider still has time. */
export const refreshDueAt = (session: SsoSession): number =>
  session.issuedAt + (session.expiresAt - session.issuedAt) * 0.8;

/** The provider's sign-out address (it comes back to the dashboard), or null when it has none. */
export async function ssoSignOutUrl(options: SsoOptions, session: SsoSession): Promise<string | null> {
  const server = await discover(options).catch(() => null);
  if (!server?.end_session_endpoint) return null;
  const url = new URL(server.end_session_endpoint);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  if (session.idToken) url.searchParams.set('id_token_hint', session.idToken);
  return url.href;
}
