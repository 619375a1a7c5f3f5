// The api token lives in session storage by default: it is gone when the tab closes. With
// "remember on this device" it lives in local storage instead, so other tabs and later visits
// are signed in until the user signs out. It never stays in the address bar (a fragment
// `#token=...` is read once, then removed from history). A sign-in link signs in this tab only:
// a token remembered on the device stays, so opening someone else's link (or one's other one)
// never silently drops it; the page offers to go back to it or to remember the link's instead.
import { tokenInFragment } from '../shared/address-token';

const storageKey = 'ccm.apiToken';

export function takeTokenFromAddress(): string | null {
  const token = tokenInFragment(window.location.hash);
  if (token === null) return null;
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  fragment.delete('token');
  const rest = fragment.toString();
  const address = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', address);
  return token;
}

function storage(kind: 'session' | 'local'): Storage | null {
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    // Storage can be disabled (private mode); the token then lasts as long as the page.
    return null;
  }
}

/** The token this tab signs in with: a sign-in link's (`fromLink`), the tab's, or the device's. */
export function loadToken(): { token: string; fromLink: boolean } | null {
  const fromAddress = takeTokenFromAddress();
  if (fromAddress) {
    saveLinkToken(fromAddress);
    return { token: fromAddress, fromLink: true };
  }
  const token = storage('session')?.getItem(storageKey) ?? storage('local')?.getItem(storageKey) ?? null;
  return token === null ? null : { token, fromLink: false };
}

/** The token remembered on this device ("remember on this device"), or null. */
export function rememberedToken(): string | null {
  return storage('local')?.getItem(storageKey) ?? null;
}

/** A sign-in link's token, for this tab only: a token remembered on the device stays as it is. */
export function saveLinkToken(token: string): void {
  try {
    storage('session')?.setItem(storageKey, token);
  } catch {
    // A full or disabled storage: the token lasts as long as the page.
  }
}

/** `remember`: keep it on this device (every tab, after a restart) until signing out. */
export function saveToken(token: string, remember: boolean): void {
  try {
    storage('session')?.setItem(storageKey, token);
    if (remember) storage('local')?.setItem(storageKey, token);
    else storage('local')?.removeItem(storageKey);
  } catch {
    // A full or disabled storage: the token lasts as long as the page.
  }
}

export function forgetToken(): void {
  storage('session')?.removeItem(storageKey);
  storage('local')?.removeItem(storageKey);
}
