// Where the user is: the screen (`?view=`) and the organisation (`?org=`) live in the address, so
// a link or a reload opens the same place and the back button walks between screens.
import { useEffect, useState } from 'preact/hooks';

export interface Place {
  view: string | null;
  organizationId: string | null;
}

function readPlace(): Place {
  const search = new URLSearchParams(window.location.search);
  return { view: search.get('view'), organizationId: search.get('org') };
}

const listeners = new Set<(place: Place) => void>();

/** The address of a place, changing only what `change` names. */
export function hrefOf(change: Partial<Place>): string {
  const search = new URLSearchParams(window.location.search);
  const set = (key: string, value: string | null | undefined) => {
    if (value === null) search.delete(key);
    else if (value !== undefined) search.set(key, value);
  };
  set('view', change.view);
  set('org', change.organizationId);
  const query = search.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

/** Goes to another place; `replace` keeps the history entry (e.g. choosing the first organisation). */
export function navigate(change: Partial<Place>, options: { replace?: boolean } = {}): void {
  const address = `${hrefOf(change)}${window.location.hash}`;
  if (options.replace) window.history.replaceState(window.history.state, '', address);
  else window.history.pushState(null, '', address);
  const place = readPlace();
  for (const listener of listeners) listener(place);
}

/**
 * A link's click handler that goes to the place without reloading the page. A click with Ctrl, Cmd
 * or Shift, or another button, is left to the browser (a new tab or window).
 */
export function followInPage(change: Partial<Place>): (event: MouseEvent) => void {
  return (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(change);
  };
}

export function usePlace(): Place {
  const [place, setPlace] = useState(readPlace);
  useEffect(() => {
    const onPop = () => {
      setPlace(readPlace());
    };
    listeners.add(setPlace);
    window.addEventListener('popstate', onPop);
    return () => {
      listeners.delete(setPlace);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return place;
}
