// Signs in (an API token, or SSO with the organisation's identity provider), asks the api who
// that is (`me`), then hands over to the shell.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, createApiClient, type ApiClient } from './api/client';
import { meQuery } from './api/queries';
import { usePastedToken } from './shared/use-pasted-token';
import { ConfirmProvider } from './shared/confirm-dialog';
import { ErrorNotice } from './shared/error-notice';
import { useRequest } from './shared/use-request';
import { AppShell } from './shell/app-shell';
import { createSession, SessionContext } from './shell/session';
import { SignInForm } from './sign-in/sign-in-form';
import {
  completeSsoSignIn,
  forgetSsoSession,
  isSsoCallback,
  loadSsoOptions,
  loadSsoSession,
  type SsoOptions,
  ssoSignOutUrl,
} from './sign-in/sso';
import { type SsoTokens, useSsoTokens } from './sign-in/use-sso-tokens';
import {
  forgetToken,
  loadToken,
  rememberedToken,
  saveLinkToken,
  saveToken,
  takeTokenFromAddress,
} from './sign-in/token-store';

const refusedMessage =
  'The api did not accept this token: it may be mistyped, revoked, or from another data folder. Paste a valid token.';
/** A token this page had signed in with, or found kept from an earlier sign-in, refused now. */
const revokedMessage = 'Your sign-in was revoked or has expired: ask your administrator for a new link.';
const ssoEndedMessage = 'Your single sign-on session has ended. Sign in again.';
/** The provider signed the person in, but the api refused the token: its reason is the set-up to mend. */
const ssoRefusedMessage = (apiReason: string): string =>
  `Single sign-on worked at your provider, but this api refused it: ${apiReason}`;

type Credential = { kind: 'api-token'; token: string } | { kind: 'sso' };

interface InitialSignIn {
  credential: Credential | null;
  /** The token remembered on this device when a sign-in link signed this tab in with another. */
  kept: string | null;
  /** The token came from the address (a sign-in link): the api has not accepted it yet. */
  fromLink: boolean;
}

/** A different token remembered on the device than the link's: kept, and the page says so. */
const keptBeside = (linkToken: string): string | null => {
  const remembered = rememberedToken();
  return remembered !== null && remembered !== linkToken ? remembered : null;
};

function initialSignIn(): InitialSignIn {
  const loaded = loadToken();
  if (loaded !== null)
    return {
      credential: { kind: 'api-token', token: loaded.token },
      kept: loaded.fromLink ? keptBeside(loaded.token) : null,
      fromLink: loaded.fromLink,
    };
  return { credential: loadSsoSession() === null ? null : { kind: 'sso' }, kept: null, fromLink: false };
}

export function App() {
  const [initial] = useState(initialSignIn);
  const [credential, setCredential] = useState<Credential | null>(initial.credential);
  const [kept, setKept] = useState<string | null>(initial.kept);
  const [reason, setReason] = useState<string | null>(null);
  // The token the api last accepted (one kept from an earlier visit had been; a link's has not, as it
  // may be mistyped): when it is refused later, it was revoked or has expired, which its holder
  // cannot mend on the server.
  const acceptedToken = useRef<string | null>(
    initial.credential?.kind === 'api-token' && !initial.fromLink ? initial.credential.token : null,
  );
  // Whether the api has accepted this SSO session: a refusal afterwards means it ended, while a
  // refusal of the first token is a set-up problem the api names (no roles claim, wrong audience).
  const ssoAccepted = useRef(initial.credential?.kind === 'sso' && !isSsoCallback());
  /** undefined while the api is asked whether SSO is on. */
  const [ssoOptions, setSsoOptions] = useState<SsoOptions | null | undefined>(undefined);
  const [completing, setCompleting] = useState(isSsoCallback);

  useEffect(() => {
    void loadSsoOptions().then(setSsoOptions);
  }, []);

  // This tab signs in with an api token, saved by the caller; `keptToken`: the sign-in remembered on
  // the device that a link's token pushed aside, if any.
  const signInWithToken = (token: string, keptToken: string | null) => {
    forgetSsoSession();
    setKept(keptToken);
    setReason(null);
    setCredential({ kind: 'api-token', token });
  };

  const signIn = (token: string, remember: boolean) => {
    saveToken(token, remember);
    signInWithToken(token, null);
  };

  // The printed link pasted into a tab already on the dashboard: sign in with its token, in this
  // tab only, as opening the link does.
  usePastedToken(takeTokenFromAddress, (token) => {
    saveLinkToken(token);
    signInWithToken(token, keptBeside(token));
  });

  const linkNotice =
    kept !== null && credential?.kind === 'api-token' ? (
      <LinkSignInNotice
        onRemember={() => {
          saveToken(credential.token, true);
          setKept(null);
        }}
        onBack={() => {
          signIn(kept, true);
        }}
        onDismiss={() => {
          setKept(null);
        }}
      />
    ) : null;

  // Back from the identity provider with a code: exchange it, once the api said how.
  useEffect(() => {
    if (!completing || ssoOptions === undefined) return;
    if (ssoOptions === null) {
      setReason('Single sign-on is not configured on this api (OIDC_CLIENT_ID).');
      setCompleting(false);
      return;
    }
    completeSsoSignIn(ssoOptions)
      .then(() => {
        forgetToken();
        setReason(null);
        setCredential({ kind: 'sso' });
      })
      .catch((error: unknown) => {
        setReason(error instanceof Error ? error.message : 'The sign-in with the identity provider failed.');
      })
      .finally(() => {
        setCompleting(false);
      });
  }, [completing, ssoOptions]);

  const signedOut = (why: string | null) => {
    forgetToken();
    setKept(null);
    forgetSsoSession();
    ssoAccepted.current = false;
    setReason(why);
    setCredential(null);
  };

  const sso = useSsoTokens(credential?.kind === 'sso' ? (ssoOptions ?? null) : null, () => {
    signedOut(ssoEndedMessage);
  });

  const client = useMemo(() => {
    if (credential === null) return null;
    const tokenSource = credential.kind === 'api-token' ? credential.token : sso?.accessToken;
    if (tokenSource === undefined) return null;
    const inner = createApiClient(tokenSource);
    const signOutWhenRefused = (error: unknown): never => {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED')
        signedOut(
          credential.kind === 'sso'
            ? ssoAccepted.current
              ? ssoEndedMessage
              : ssoRefusedMessage(error.message)
            : acceptedToken.current === credential.token
              ? revokedMessage
              : refusedMessage,
        );
      throw error;
    };
    const accepted = <T,>(result: T): T => {
      if (credential.kind === 'api-token') acceptedToken.current = credential.token;
      else ssoAccepted.current = true;
      return result;
    };
    const guarded: ApiClient = {
      request: (operation, variables, signal) =>
        inner.request(operation, variables, signal).then(accepted, signOutWhenRefused),
      download: (path, signal) => inner.download(path, signal).then(accepted, signOutWhenRefused),
    };
    return guarded;
    // The SSO token source is stable across refreshes: the page is not rebuilt when a token is.
  }, [credential, sso]);

  if (completing || (credential?.kind === 'sso' && ssoOptions === undefined)) {
    return (
      <main id="main" class="page">
        <div class="page-skeleton" aria-busy="true" aria-label="Signing in">
          <div class="skeleton skeleton--title" />
          <div class="skeleton skeleton--block" />
        </div>
      </main>
    );
  }

  if (client === null) {
    return <SignInForm reason={reason} sso={ssoOptions ?? null} onSubmit={signIn} onSsoError={setReason} />;
  }
  if (credential?.kind === 'api-token' && isRaterLink(credential.token)) {
    return (
      <RaterLinkNotice
        onSignOut={() => {
          // Back to the sign-in remembered on this device, when the rater's link pushed one aside.
          if (kept !== null) signIn(kept, true);
          else signedOut(null);
        }}
      />
    );
  }
  return (
    <SignedIn
      key={credential?.kind === 'api-token' ? credential.token : 'sso'}
      client={client}
      notice={linkNotice}
      onSignOut={() => {
        if (credential?.kind === 'sso' && ssoOptions) void signOutAtProvider(ssoOptions, sso);
        signedOut(null);
      }}
    />
  );
}

/** Ends the session at the provider too, when it offers that; it sends the browser back here. */
async function signOutAtProvider(options: SsoOptions, sso: SsoTokens | null): Promise<void> {
  const session = sso?.current();
  if (!session) return;
  const address = await ssoSignOutUrl(options, session);
  if (address !== null) window.location.assign(address);
}

function SignedIn({
  client,
  notice,
  onSignOut,
}: {
  client: ApiClient;
  /** Said above every screen, e.g. that a sign-in link kept the device's remembered sign-in. */
  notice: ComponentChildren;
  onSignOut: () => void;
}) {
  // A person the identity provider gives no role here is refused (FORBIDDEN): let them sign out.
  const [attempt, setAttempt] = useState(0);
  const me = useRequest(`me/${attempt}`, (signal) => client.request(meQuery, {}, signal));
  const viewer = me.data?.me ?? null;
  const session = useMemo(
    () => (viewer === null ? null : createSession(client, viewer, onSignOut)),
    [client, viewer, onSignOut],
  );

  if (session === null) {
    return (
      <main id="main" class="page">
        {me.error ? (
          <>
            <ErrorNotice
              error={me.error}
              action="Could not sign in"
              onRetry={() => {
                setAttempt((value) => value + 1);
              }}
            />
            <button type="button" class="button button--ghost" onClick={onSignOut}>
              Sign out
            </button>
          </>
        ) : (
          <div class="page-skeleton" aria-busy="true" aria-label="Signing in">
            <div class="skeleton skeleton--title" />
            <div class="skeleton skeleton--block" />
          </div>
        )}
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <ConfirmProvider>
        <AppShell notice={notice} />
      </ConfirmProvider>
    </SessionContext.Provider>
  );
}

/**
 * A sign-in link signed this tab in while another sign-in is remembered on this device: that one
 * is kept (other tabs and later visits use it); go back to it, or remember this one instead.
 */
function LinkSignInNotice({
  onRemember,
  onBack,
  onDismiss,
}: {
  onRemember: () => void;
  onBack: () => void;
  onDismiss: () => void;
}) {
  return (
    <div class="notice notice--warning" role="status" data-testid="link-sign-in-notice">
      <p class="notice__title">The link you opened signed in this tab only.</p>
      <p class="notice__body">
        Another sign-in is remembered on this device and stays as it was: other tabs and later visits use it.
      </p>
      <div class="notice__actions">
        <button type="button" class="button button--small" onClick={onBack}>
          Back to the remembered sign-in
        </button>
        <button type="button" class="button button--small" onClick={onRemember}>
          Remember this sign-in on this device instead
        </button>
        <button type="button" class="button button--small button--ghost" onClick={onDismiss}>
          OK, this tab only
        </button>
      </div>
    </div>
  );
}

/** A rater's invitation token (its id's prefix says so) opens its questionnaire, nothing of the dashboard. */
const isRaterLink = (token: string): boolean => token.trim().startsWith('invitation-');

function RaterLinkNotice({ onSignOut }: { onSignOut: () => void }) {
  return (
    <main id="main" class="page">
      <div class="notice" role="alert" data-testid="rater-link-notice">
        <p class="notice__title">This is a rater’s invitation, not a dashboard token.</p>
        <p class="notice__body">
          It opens one questionnaire only: use the link from the invitation (it ends in{' '}
          <code>/rate#token=…</code>).
        </p>
        <button type="button" class="button button--small" onClick={onSignOut}>
          Sign in with another token
        </button>
      </div>
    </main>
  );
}
