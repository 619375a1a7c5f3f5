// The api token lives in session storage only: it is gone when the tab closes, and it never
// stays in the address bar (a fragment `#token=...` is read once, then removed from history).

const storageKey = 'ccm.apiToken';

export function takeTokenFromAddress(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token')?.trim();
  if (!token) return null;
  fragment.delete('token');
  const rest = fragment.toString();
  const address = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', address);
  return token;
}

export function loadToken(): string | null {
  const fromAddress = takeTokenFromAddress();
  if (fromAddress) {
    saveToken(fromAddress);
    return fromAddress;
  }
  try {
    return window.sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    window.sessionStorage.setItem(storageKey, token);
  } catch {
    // Storage can be disabled (private mode); the token then lasts as long as the page.
  }
}

export function forgetToken(): void {
  try {
    window.sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
