import { useState } from 'preact/hooks';
import { type SsoOptions, startSsoSignIn } from './sso';
import './sign-in.css';

interface SignInFormProps {
  /** Why we are asking (e.g. the previous token was refused); null on a first visit. */
  reason: string | null;
  /** Set when the api offers single sign-on with the organisation's identity provider. */
  sso: SsoOptions | null;
  onSubmit: (token: string, remember: boolean) => void;
  onSsoError: (message: string) => void;
}

export function SignInForm({ reason, sso, onSubmit, onSsoError }: SignInFormProps) {
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const origin = window.location.origin;

  return (
    <main class="sign-in" id="main">
      <form
        class="sign-in__card"
        aria-labelledby="sign-in-title"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = token.trim();
          if (trimmed) onSubmit(trimmed, remember);
        }}
      >
        <h1 id="sign-in-title" class="sign-in__title">
          Sign in to the maturity dashboard
        </h1>
        {reason && (
          <p class="notice notice--error" role="alert" data-testid="sign-in-reason">
            {reason}
          </p>
        )}
        {sso && (
          <>
            <button
              type="button"
              class="button button--primary sign-in__sso"
              disabled={leaving}
              aria-busy={leaving}
              onClick={() => {
                setLeaving(true);
                startSsoSignIn(sso).catch(() => {
                  setLeaving(false);
                  onSsoError(
                    `The identity provider (${new URL(sso.issuer).host}) could not be reached. Try again, or sign in with an API token.`,
                  );
                });
              }}
            >
              {leaving ? 'Opening your identity provider…' : 'Sign in with SSO'}
            </button>
            <p class="sign-in__divider">
              <span>or with an API token</span>
            </p>
          </>
        )}
        <label class="field">
          <span class="field__label">API token</span>
          <input
            class="input"
            type="password"
            name="token"
            autocomplete="off"
            spellcheck={false}
            required
            value={token}
            onInput={(event) => {
              setToken(event.currentTarget.value);
            }}
          />
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            name="remember"
            checked={remember}
            onChange={(event) => {
              setRemember(event.currentTarget.checked);
            }}
          />
          <span>
            Remember on this device
            <span class="checkbox__hint">
              Keeps you signed in in every tab until you sign out. Leave it off on a shared computer.
            </span>
          </span>
        </label>
        <button class={sso ? 'button' : 'button button--primary'} type="submit" disabled={!token.trim()}>
          Sign in
        </button>
        {/* How to get a token on the server is for whoever runs it: a first visit, not a user signed out. */}
        <p class="sign-in__help">
          {reason === null && (
            <>
              The admin token is printed once when the api first starts (<code>npm start</code>).{' '}
            </>
          )}
          You can also open{' '}
          <code>
            {origin}/#token=<var>your-token</var>
          </code>
          ; the token is kept for this tab only and removed from the address.
          {reason === null && (
            <>
              {' '}
              Lost it? On the server, <code>npm run cli -- token issue --role ADMIN</code> prints a new one.
            </>
          )}
        </p>
      </form>
    </main>
  );
}
