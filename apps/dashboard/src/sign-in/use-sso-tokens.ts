// Keeps an SSO tab's access token fresh: refreshed at four fifths of its lifetime, and before a
// request if the tab slept past that; when the provider no longer refreshes it, the tab signs out.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadSsoSession, refreshDueAt, refreshSsoSession, type SsoOptions, type SsoSession } from './sso';

/** A request made this close to expiry refreshes first. */
const MARGIN_MS = 10_000;

export interface SsoTokens {
  /** A valid access token, refreshed first when it is about to expire. */
  accessToken: () => Promise<string>;
  /** The tokens as they stand (for signing out at the provider). */
  current: () => SsoSession | null;
}

interface RefreshableTokens extends SsoTokens {
  refresh: () => Promise<SsoSession>;
}

/** Null unless signed in with SSO (`options` given). `onEnded`: the session could not be kept. */
export function useSsoTokens(options: SsoOptions | null, onEnded: () => void): SsoTokens | null {
  const session = useRef<SsoSession | null>(null);
  const refreshing = useRef<Promise<SsoSession> | null>(null);
  const ended = useRef(onEnded);
  ended.current = onEnded;
  const [refreshes, setRefreshes] = useState(0);

  const tokens = useMemo((): RefreshableTokens | null => {
    session.current = null;
    if (options === null) return null;
    const current = (): SsoSession | null => (session.current ??= loadSsoSession());
    const refresh = (): Promise<SsoSession> => {
      const now = current();
      if (now === null) return Promise.reject(new Error('not signed in'));
      refreshing.current ??= refreshSsoSession(options, now)
        .then((fresh) => {
          session.current = fresh;
          setRefreshes((count) => count + 1);
          return fresh;
        })
        .catch((error: unknown) => {
          ended.current();
          throw error;
        })
        .finally(() => {
          refreshing.current = null;
        });
      return refreshing.current;
    };
    return {
      current,
      refresh,
      async accessToken() {
        const now = current();
        if (now === null) throw new Error('not signed in');
        return now.expiresAt - Date.now() > MARGIN_MS ? now.accessToken : (await refresh()).accessToken;
      },
    };
  }, [options]);

  useEffect(() => {
    if (tokens === null) return;
    const now = tokens.current();
    if (now === null) return;
    const timer = setTimeout(
      () => {
        tokens.refresh().catch(() => undefined);
      },
      Math.max(0, refreshDueAt(now) - Date.now()),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [tokens, refreshes]);

  return tokens;
}
