// Signs in, asks the api who the token is (`me`), then hands over to the shell.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, createApiClient, type ApiClient } from './api/client';
import { meQuery } from './api/queries';
import { ConfirmProvider } from './shared/confirm-dialog';
import { ErrorNotice } from './shared/error-notice';
import { useRequest } from './shared/use-request';
import { AppShell } from './shell/app-shell';
import { createSession, SessionContext } from './shell/session';
import { SignInForm } from './sign-in/sign-in-form';
import { forgetToken, loadToken, saveToken } from './sign-in/token-store';

const refusedMessage =
  'The api did not accept this token: it may be mistyped, revoked, or from another data folder. Paste a valid token.';

export function App() {
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [reason, setReason] = useState<string | null>(null);

  const client = useMemo(() => {
    if (token === null) return null;
    const inner = createApiClient(token);
    const guarded: ApiClient = {
      request: (operation, variables, signal) =>
        inner.request(operation, variables, signal).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
            forgetToken();
            setReason(refusedMessage);
            setToken(null);
          }
          throw error;
        }),
    };
    return guarded;
  }, [token]);

  if (client === null) {
    return (
      <SignInForm
        reason={reason}
        onSubmit={(value, remember) => {
          saveToken(value, remember);
          setReason(null);
          setToken(value);
        }}
      />
    );
  }
  return (
    <SignedIn
      key={token}
      client={client}
      onSignOut={() => {
        forgetToken();
        setReason(null);
        setToken(null);
      }}
    />
  );
}

function SignedIn({ client, onSignOut }: { client: ApiClient; onSignOut: () => void }) {
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
          <ErrorNotice
            error={me.error}
            action="Could not sign in"
            onRetry={() => {
              setAttempt((value) => value + 1);
            }}
          />
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
        <AppShell />
      </ConfirmProvider>
    </SessionContext.Provider>
  );
}
