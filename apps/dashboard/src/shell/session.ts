// Who is signed in, as the api sees it (`me`), shared by every screen: the client to talk with,
// and `can(operation)`, which is how the page hides what the token may not do.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { Viewer } from '../api/types';

export interface Session {
  client: ApiClient;
  viewer: Viewer;
  /** True when the token's role may run this query or mutation (the access policy decides). */
  can: (operation: string) => boolean;
  signOut: () => void;
}

export function createSession(client: ApiClient, viewer: Viewer, signOut: () => void): Session {
  const allowed = new Set(viewer.allowedOperations);
  return { client, viewer, can: (operation) => allowed.has(operation), signOut };
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs a signed-in <SessionContext.Provider>');
  return session;
}
