// Pasting another `#token=` link into a tab already open changes only the fragment, and the
// browser does not reload for that: the page takes the new token itself, or the link seems to do
// nothing (or, on the rater's page, answers would go on under the previous person's link).
import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `onToken` whenever a link with a token is pasted into this tab (the fragment changed);
 * `readToken` takes it from the address. A fragment without a token (a skip link) changes nothing.
 */
export function usePastedToken(readToken: () => string | null, onToken: (token: string) => void): void {
  const latest = useRef({ readToken, onToken });
  latest.current = { readToken, onToken };
  useEffect(() => {
    const onHashChange = () => {
      const token = latest.current.readToken();
      if (token !== null) latest.current.onToken(token);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
}
